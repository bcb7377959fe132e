package cn.chanjiao.application.programme;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class RecommendationDeadlinesTest {

    private static Instant beijing(String dateTime) {
        return java.time.LocalDateTime.parse(dateTime).atZone(cn.chanjiao.kit.time.ChinaTime.ZONE).toInstant();
    }

    @Test
    void hangzhousDistrictDepartmentsMustSendTheirListsBy15May() {
        ProgrammeDefinition hangzhou = Presets.hangzhou();

        var deadline = RecommendationDeadlines.applying(hangzhou, beijing("2024-05-10T09:00:00"));

        assertThat(deadline).isPresent();
        assertThat(deadline.get().closesOn()).isEqualTo(LocalDate.of(2024, 5, 15));
        assertThat(RecommendationDeadlines.passed(hangzhou, beijing("2024-05-10T09:00:00"), beijing("2024-05-15T23:59:59")))
                .isEmpty();
        assertThat(RecommendationDeadlines.passed(hangzhou, beijing("2024-05-10T09:00:00"), beijing("2024-05-16T00:00:00")))
                .isPresent();
    }

    @Test
    void theProvincesDeadlineForCityConsortiaIs29May2023() {
        var deadline = RecommendationDeadlines.applying(Presets.nationalConsortium(), beijing("2023-05-01T10:00:00"));

        assertThat(deadline).map(Window.Occurrence::closesOn).contains(LocalDate.of(2023, 5, 29));
    }

    @Test
    void aProgrammeWithoutARecommendationWindowSetsNoDeadline() {
        assertThat(RecommendationDeadlines.applying(Presets.shanxiCommunity(), beijing("2024-03-01T10:00:00"))).isEmpty();
    }

    @Test
    void theRecommendationWindowIsSeparateFromTheApplicantsRegistrationWindow() {
        assertThat(Presets.hangzhou().windows()).filteredOn(w -> w.purpose() == WindowPurpose.RECOMMENDATION).hasSize(1);
        assertThat(Presets.hangzhou().windows()).filteredOn(w -> w.purpose() == WindowPurpose.REGISTRATION).hasSize(1);
    }
}
