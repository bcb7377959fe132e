package cn.chanjiao.application.review;

import cn.chanjiao.application.programme.PlatformType;
import cn.chanjiao.application.programme.Presets;
import cn.chanjiao.application.programme.TypeRules;
import cn.chanjiao.application.programme.TypeRules.QuotaScope;
import cn.chanjiao.kit.web.ApiException;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class QuotasTest {

    private final TypeRules consortia = Presets.nationalConsortium().type(PlatformType.CITY_CONSORTIUM).orElseThrow();
    private final TypeRules hangzhouSchools = Presets.hangzhou().type(PlatformType.PRACTICE_CENTER_SCHOOL).orElseThrow();

    @Test
    void aProvinceMayRecommendAThirdCityConsortiumButNotAFourth() {
        assertThatCode(() -> Quotas.check(consortia, QuotaScope.PER_RECOMMENDING_REGION, "140000", 2, 1))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> Quotas.check(consortia, QuotaScope.PER_RECOMMENDING_REGION, "140000", 3, 1))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.getStatusCode().value()).isEqualTo(409);
                    assertThat(e.getDetailMessageCode()).isEqualTo("quota.perRegion");
                    @SuppressWarnings("unchecked")
                    Map<String, Object> quota = (Map<String, Object>) e.getBody().getProperties().get("quota");
                    assertThat(quota).containsEntry("limit", 3).containsEntry("authorityCode", "140000")
                            .containsEntry("used", 3);
                });
    }

    @Test
    void aPerRegionQuotaDoesNotBoundTheShortlistAndATotalOneDoesNotBoundRecommendations() {
        assertThatCode(() -> Quotas.check(consortia, QuotaScope.TOTAL, "100000", 40, 5)).doesNotThrowAnyException();
        assertThatCode(() -> Quotas.check(hangzhouSchools, QuotaScope.PER_RECOMMENDING_REGION, "330106", 40, 1))
                .doesNotThrowAnyException();
    }

    @Test
    void hangzhouShortlistsAtMostFifteenSchoolPracticeCentresCountingThoseAlreadyIn() {
        assertThatCode(() -> Quotas.check(hangzhouSchools, QuotaScope.TOTAL, "330100", 10, 5)).doesNotThrowAnyException();
        assertThatThrownBy(() -> Quotas.check(hangzhouSchools, QuotaScope.TOTAL, "330100", 10, 6))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getDetailMessageCode()).isEqualTo("quota.total"));
    }

    @Test
    void aTypeWithoutQuotaIsUnbounded() {
        TypeRules shanxi = Presets.shanxiCommunity().type(PlatformType.INDUSTRY_COMMUNITY).orElseThrow();

        assertThatCode(() -> Quotas.check(shanxi, QuotaScope.TOTAL, "140000", 500, 500)).doesNotThrowAnyException();
    }
}
