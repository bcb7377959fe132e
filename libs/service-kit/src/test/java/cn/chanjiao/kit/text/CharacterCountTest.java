package cn.chanjiao.kit.text;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CharacterCountTest {

    @Test
    void eachChineseCharacterLetterDigitAndPunctuationMarkCountsOne() {
        assertThat(CharacterCount.of("产教融合ABC123，。")).isEqualTo(12);
    }

    @Test
    void whiteSpaceAndLineBreaksAreNotCounted() {
        assertThat(CharacterCount.of("产教 融合\r\n\t共同体　建设")).isEqualTo(9);
    }

    @Test
    void aCharacterOutsideTheBasicPlaneCountsOneNotTwo() {
        assertThat("𠀀𠀁".length()).isEqualTo(4);
        assertThat(CharacterCount.of("𠀀𠀁")).isEqualTo(2);
    }

    @Test
    void aLetterWithACombiningAccentCountsOne() {
        assertThat(CharacterCount.of("e\u0301")).isEqualTo(1);
    }

    @Test
    void nothingCountsZero() {
        assertThat(CharacterCount.of(null)).isZero();
        assertThat(CharacterCount.of("  \n ")).isZero();
    }
}
