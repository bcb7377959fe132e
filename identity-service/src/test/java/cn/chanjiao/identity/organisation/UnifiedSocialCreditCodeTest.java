package cn.chanjiao.identity.organisation;

import cn.chanjiao.identity.organisation.UnifiedSocialCreditCode.Defect;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UnifiedSocialCreditCodeTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "91350100M000100Y43", // the standard's own example
            "91110000100000000R", // check character computed for 91110000100000000
            "914403001922038216", // an enterprise registered in Shenzhen
            "91110108551385082Q", // an enterprise registered in Beijing Haidian
            "12100000400000624D", // a public institution (category 1, 2)
            "11100000000013127D", // a government organ: 11…, check character D
            "91110000802100433B" })
    void acceptsCodesWhoseCheckCharacterIsRight(String code) {
        assertThat(UnifiedSocialCreditCode.defect(code)).isEmpty();
        assertThat(UnifiedSocialCreditCode.isValid(code)).isTrue();
    }

    @Test
    void computesTheCheckCharacterWithTheWeightsOfTheStandard() {
        assertThat(UnifiedSocialCreditCode.checkCharacter("91350100M000100Y4")).isEqualTo('3');
        assertThat(UnifiedSocialCreditCode.checkCharacter("91110000100000000")).isEqualTo('R');
        assertThat(UnifiedSocialCreditCode.checkCharacter("11100000000013127")).isEqualTo('D');
    }

    @Test
    void aSumThatIsAMultipleOf31GivesTheCheckCharacterZero() {
        // 17 zeros sum to 0: (31 - 0 % 31) % 31 = 0, not 31
        assertThat(UnifiedSocialCreditCode.checkCharacter("00000000000000000")).isEqualTo('0');
        assertThat(UnifiedSocialCreditCode.isValid("000000000000000000")).isTrue();
    }

    @ParameterizedTest
    @CsvSource({
            "91350100M000100Y44, CHECK_CHARACTER",
            "91350100M000100Y4X, CHECK_CHARACTER",
            "914403001922038217, CHECK_CHARACTER",
            "91350100M000100Y4, LENGTH",
            "91350100M000100Y433, LENGTH",
            "'', LENGTH",
            "91350100m000100y43, LOWER_CASE",
            "91350100I000100Y43, ILLEGAL_CHARACTER",
            "91350100O000100Y43, ILLEGAL_CHARACTER",
            "91350100S000100Y43, ILLEGAL_CHARACTER",
            "91350100V000100Y43, ILLEGAL_CHARACTER",
            "91350100Z000100Y43, ILLEGAL_CHARACTER",
            "91350100-000100Y43, ILLEGAL_CHARACTER",
            "9135A100M000100Y43, REGION" })
    void namesWhatIsWrongWithABadCode(String code, Defect defect) {
        assertThat(UnifiedSocialCreditCode.defect(code)).contains(defect);
    }

    @Test
    void aMissingCodeHasTheWrongLength() {
        assertThat(UnifiedSocialCreditCode.defect(null)).contains(Defect.LENGTH);
    }

    @Test
    void theCheckCharacterNeeds17CodeCharacters() {
        assertThatThrownBy(() -> UnifiedSocialCreditCode.checkCharacter("9135")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> UnifiedSocialCreditCode.checkCharacter("91350100I000100Y4")).isInstanceOf(IllegalArgumentException.class);
    }
}
