package cn.chanjiao.application.notice;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RevocationReasonTest {

    @Test
    void theSeedsGroundsForLosingTheStatusAreTheCodes() {
        assertThat(RevocationReason.codes()).containsExactly("DISSOLUTION", "VIOLATION", "FALSIFICATION", "MAJOR_CHANGE",
                "FAILED_ACCEPTANCE", "FAILED_ASSESSMENT", "VOLUNTARY_EXIT", "OTHER");
        assertThat(RevocationReason.parse(" VOLUNTARY_EXIT ")).contains(RevocationReason.VOLUNTARY_EXIT);
        assertThat(RevocationReason.VOLUNTARY_EXIT.chinese()).isEqualTo("自愿退出");
    }

    @Test
    void anUnknownOrMissingCodeIsNoReason() {
        assertThat(RevocationReason.parse("dissolution")).isEmpty();
        assertThat(RevocationReason.parse("BANKRUPT")).isEmpty();
        assertThat(RevocationReason.parse(null)).isEmpty();
    }
}
