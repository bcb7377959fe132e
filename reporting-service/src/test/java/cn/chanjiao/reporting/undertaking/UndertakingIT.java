package cn.chanjiao.reporting.undertaking;

import cn.chanjiao.contracts.Topics;
import cn.chanjiao.reporting.support.IntegrationTestBase;
import cn.chanjiao.reporting.support.ListDriver;
import cn.chanjiao.reporting.support.Multipart;
import cn.chanjiao.testkit.engine.TestEngines;
import cn.chanjiao.testkit.http.ApiClient.ApiResponse;
import cn.chanjiao.testkit.kafka.TopicProbe;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A member organisation undertakes a published technology demand; the owner confirms completion. */
class UndertakingIT extends IntegrationTestBase {

    private TestPlatform platform;
    private String demandId;
    private String memberToken;

    @BeforeEach
    void aPublishedTechDemand() {
        platform = approve("SX-INDUSTRY-COMMUNITY-2023", "INDUSTRY_COMMUNITY", "140105", "140000", List.of(2025),
                Instant.parse("2025-01-10T02:00:00Z"));
        ListDriver list = ListDriver.create(api, applicant(platform.lead()), platform.id(), "TECH_DEMAND", 2025, null);
        list.addOk(Map.of("unitName", "太原重工", "description", "大型铸锻件无损检测技术", "contact", "王工",
                "phone", "0351-1234567"));
        assertThat(list.publish().status()).isEqualTo(200);
        demandId = list.rows().json().path("items").get(0).path("id").asString();
        memberToken = applicant(platform.member());
    }

    @Test
    void aMemberUndertakesReportsWithEvidenceAndTheOwnerConfirmsCompletion() {
        ApiResponse undertaken = api.post("/api/v1/supply-demand/rows/" + demandId + "/undertakings").bearer(memberToken)
                .json("{\"plan\":\"组建联合攻关团队\"}").send();
        String id = undertaken.json().path("id").asString();
        ApiResponse again = api.post("/api/v1/supply-demand/rows/" + demandId + "/undertakings")
                .bearer(applicant(platform.lead())).json("{}").send();
        ApiResponse progress = api.post("/api/v1/supply-demand/undertakings/" + id + "/progress").bearer(memberToken)
                .json("{\"percent\":50,\"note\":\"完成检测方案\"}").send();
        ApiResponse withoutEvidence = api.post("/api/v1/supply-demand/undertakings/" + id + "/completion").bearer(memberToken)
                .json("{\"summary\":\"已完成\"}").send();
        ApiResponse evidence = Multipart.file(api.post("/api/v1/supply-demand/undertakings/" + id + "/evidence")
                .bearer(memberToken), "验收报告.pdf", "application/pdf",
                "%PDF-1.4\n验收".getBytes(StandardCharsets.UTF_8)).send();
        ApiResponse reported = api.post("/api/v1/supply-demand/undertakings/" + id + "/completion").bearer(memberToken)
                .json("{\"summary\":\"检测技术已在生产线应用\"}").send();
        ApiResponse notOwner = api.post("/api/v1/supply-demand/undertakings/" + id + "/confirmation").bearer(memberToken)
                .json("{\"confirmed\":true}").send();
        ApiResponse confirmed = api.post("/api/v1/supply-demand/undertakings/" + id + "/confirmation")
                .bearer(applicant(platform.lead())).json("{\"confirmed\":true}").send();

        assertThat(undertaken.status()).as(undertaken.toString()).isEqualTo(201);
        assertThat(again.isProblem(409)).as(again.toString()).isTrue();
        assertThat(progress.json().path("status").asString()).isEqualTo("IN_PROGRESS");
        assertThat(withoutEvidence.isProblem(422)).as(withoutEvidence.toString()).isTrue();
        assertThat(evidence.status()).as(evidence.toString()).isEqualTo(200);
        assertThat(reported.json().path("status").asString()).isEqualTo("COMPLETION_REPORTED");
        assertThat(notOwner.isProblem(403)).as(notOwner.toString()).isTrue();
        assertThat(confirmed.json().path("status").asString()).isEqualTo("COMPLETED");
        var events = TopicProbe.records(TestEngines.kafka().bootstrapServers(), Topics.REPORTING,
                r -> r.key().equals(demandId), Duration.ofSeconds(15), 2);
        assertThat(events).extracting(r -> r.value().contains("\"TechDemandUndertaken\"") ? "undertaken"
                : r.value().contains("\"TechDemandCompleted\"") ? "completed" : "other")
                .containsExactly("undertaken", "completed");
        assertThat(events.get(1).value()).contains("\"undertakerOrganisationId\":\"" + platform.member() + "\"",
                "\"year\":2025");
    }

    @Test
    void anOrganisationOutsideThePlatformCannotUndertakeItsDemand() {
        ApiResponse refused = api.post("/api/v1/supply-demand/rows/" + demandId + "/undertakings")
                .bearer(applicant(UUID.randomUUID())).json("{}").send();

        assertThat(refused.isProblem(403)).as(refused.toString()).isTrue();
        assertThat(api.get("/api/v1/supply-demand/rows/" + demandId + "/undertakings").bearer(memberToken).send().json()
                .size()).isZero();
    }

    @Test
    void theOwnerCanSendACompletionBackWithAReason() {
        String id = api.post("/api/v1/supply-demand/rows/" + demandId + "/undertakings").bearer(memberToken).json("{}")
                .send().json().path("id").asString();
        Multipart.file(api.post("/api/v1/supply-demand/undertakings/" + id + "/evidence").bearer(memberToken),
                "照片.png", "image/png", new byte[] { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 1 }).send();
        api.post("/api/v1/supply-demand/undertakings/" + id + "/completion").bearer(memberToken)
                .json("{\"summary\":\"完成\"}").send();

        ApiResponse noReason = api.post("/api/v1/supply-demand/undertakings/" + id + "/confirmation")
                .bearer(applicant(platform.lead())).json("{\"confirmed\":false}").send();
        ApiResponse back = api.post("/api/v1/supply-demand/undertakings/" + id + "/confirmation")
                .bearer(applicant(platform.lead())).json("{\"confirmed\":false,\"comment\":\"缺少用户验收意见\"}").send();

        assertThat(noReason.isProblem(400)).as(noReason.toString()).isTrue();
        assertThat(back.json().path("status").asString()).isEqualTo("IN_PROGRESS");
        assertThat(back.json().path("evidence").size()).isEqualTo(1);
    }
}
