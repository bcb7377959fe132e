package cn.chanjiao.application.form;

import cn.chanjiao.application.programme.ProgrammeDefinition.Level;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CodesTest {

    @Test
    void aCreditCodeWithItsCheckCharacterIsValid() {
        assertThat(Codes.isUscc("91350100M000100Y43")).isTrue();
        assertThat(Codes.isUscc(Usccs.withCheck("91330106MA27XL2Q4"))).isTrue();
    }

    @Test
    void aCreditCodeWithAWrongCheckCharacterWrongLengthLowerCaseOrIllegalLetterIsInvalid() {
        assertThat(Codes.isUscc("91350100M000100Y44")).isFalse();
        assertThat(Codes.isUscc("91350100M000100Y4")).isFalse();
        assertThat(Codes.isUscc("91350100m000100Y43")).isFalse();
        assertThat(Codes.isUscc("91350100M0001O0Y43")).isFalse();
    }

    @Test
    void aSchoolCodeIsTenDigits() {
        assertThat(Codes.isSchoolCode("4133010001")).isTrue();
        assertThat(Codes.isSchoolCode("413301000")).isFalse();
        assertThat(Codes.isSchoolCode("41330100AB")).isFalse();
    }

    @Test
    void regionsNestByTheirCodes() {
        assertThat(Codes.within("330106", "330100")).isTrue();
        assertThat(Codes.within("330206", "330100")).isFalse();
        assertThat(Codes.within("330206", "330000")).isTrue();
        assertThat(Codes.within("140105", "100000")).isTrue();
        assertThat(Codes.atLevel("330106", Level.CITY)).isEqualTo("330100");
        assertThat(Codes.precise("140000", Level.CITY)).isFalse();
        assertThat(Codes.precise("140100", Level.CITY)).isTrue();
    }
}
