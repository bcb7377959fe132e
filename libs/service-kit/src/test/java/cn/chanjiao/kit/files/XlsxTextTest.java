package cn.chanjiao.kit.files;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class XlsxTextTest {

    @Test
    void textStartingWithAFormulaCharacterGetsALeadingQuote() {
        for (String text : List.of("=1+2", "+86", "-1", "@SUM(A1)", "\tx", "\rx", "=", "-")) {
            assertThat(XlsxText.safe(text)).as(text).isEqualTo("'" + text);
        }
    }

    @Test
    void otherTextAndNullAreLeftAsTheyAre() {
        for (String text : List.of("", "共同体", "1+2", " =1", "'=1'", "a=b", "12.5", "'")) {
            assertThat(XlsxText.safe(text)).as(text).isEqualTo(text);
        }
        assertThat(XlsxText.safe(null)).isNull();
    }

    @Test
    void restoreUndoesSafeAndLeavesEverythingElse() {
        for (String text : List.of("=1+2", "+86", "-1", "@x", "\tx", "\rx", "共同体", "'quoted'", "'", "", "'abc")) {
            assertThat(XlsxText.restore(XlsxText.safe(text))).as(text).isEqualTo(text);
        }
        assertThat(XlsxText.restore("'abc")).isEqualTo("'abc");
        assertThat(XlsxText.restore(null)).isNull();
    }
}
