package cn.chanjiao.indicator.platform;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class JurisdictionTest {

    @Test
    void theNationCoversEveryRegionAProvinceItsCitiesAndACityItsDistricts() {
        assertThat(Jurisdiction.covers("100000", "330106")).isTrue();
        assertThat(Jurisdiction.covers("330000", "330106")).isTrue();
        assertThat(Jurisdiction.covers("330000", "140105")).isFalse();
        assertThat(Jurisdiction.covers("330100", "330106")).isTrue();
        assertThat(Jurisdiction.covers("330100", "330200")).isFalse();
        assertThat(Jurisdiction.covers("330106", "330106")).isTrue();
        assertThat(Jurisdiction.covers("330106", "330105")).isFalse();
        assertThat(Jurisdiction.covers(null, "330106")).isFalse();
        assertThat(Jurisdiction.covers("330000", null)).isFalse();
    }

    @Test
    void readsTheProvinceAndCityOfARegion() {
        assertThat(Jurisdiction.province("330106")).isEqualTo("330000");
        assertThat(Jurisdiction.city("330106")).isEqualTo("330100");
        assertThat(Jurisdiction.city("330000")).isNull();
    }
}
