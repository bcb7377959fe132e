package cn.chanjiao.application.calendar;

import cn.chanjiao.application.support.IntegrationTestBase;
import cn.chanjiao.testkit.http.ApiClient.ApiResponse;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The calendar as stored: seeded from the data file, public to read, edited by platform admins only. */
class CalendarIT extends IntegrationTestBase {

    @Test
    void theSeededScheduleIsPublicAndReckonsPeriods() {
        ApiResponse year = api.get("/api/v1/public/calendar/2024").send();
        ApiResponse period = api.get("/api/v1/public/calendar/period?start=2024-09-27&workingDays=5").send();

        assertThat(year.status()).isEqualTo(200);
        assertThat(year.json().path("covered").asBoolean()).isTrue();
        assertThat(year.json().path("days").valueStream().filter(d -> d.path("day").asString().equals("2024-02-18"))
                .findFirst().orElseThrow().path("kind").asString()).isEqualTo("WORKDAY");
        assertThat(period.json().path("lastDay").asString()).isEqualTo("2024-10-09");
    }

    @Test
    void aPlatformAdminAddsALaterYearAndNobodyElseMay() {
        ApiResponse uncovered = api.get("/api/v1/public/calendar/period?start=2029-01-29&workingDays=5").send();
        ApiResponse refused = api.put("/api/v1/calendar/days/2029-01-31").bearer(programmeAdmin("330100"))
                .json(Map.of("kind", "HOLIDAY", "name", "春节")).send();
        ApiResponse anonymous = api.put("/api/v1/calendar/days/2029-01-31")
                .json(Map.of("kind", "HOLIDAY", "name", "春节")).send();
        ApiResponse added = api.put("/api/v1/calendar/days/2029-01-31").bearer(platformAdmin())
                .json(Map.of("kind", "HOLIDAY", "name", "春节", "source", "测试")).send();
        ApiResponse period = api.get("/api/v1/public/calendar/period?start=2029-01-29&workingDays=5").send();
        ApiResponse removed = api.method("DELETE", "/api/v1/calendar/days/2029-01-31").bearer(platformAdmin()).send();

        assertThat(uncovered.isProblem(422)).as(uncovered.toString()).isTrue();
        assertThat(refused.isProblem(403)).isTrue();
        assertThat(anonymous.isProblem(401)).isTrue();
        assertThat(added.status()).as(added.toString()).isEqualTo(200);
        // Mon 29, Tue 30, (Wed 31 off), Thu 1, Fri 2, Mon 5 Feb 2029
        assertThat(period.json().path("lastDay").asString()).isEqualTo("2029-02-05");
        assertThat(removed.status()).isEqualTo(204);
    }
}
