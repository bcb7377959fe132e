package cn.chanjiao.application.form;

import cn.chanjiao.application.programme.PlatformType;
import cn.chanjiao.application.support.IntegrationTestBase;
import cn.chanjiao.contracts.Topics;
import cn.chanjiao.testkit.engine.TestEngines;
import cn.chanjiao.testkit.http.ApiClient.ApiResponse;
import cn.chanjiao.testkit.kafka.TopicProbe;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** From draft to submission on real PostgreSQL and Kafka, identity-service played by WireMock. */
class ApplicationFlowIT extends IntegrationTestBase {

    private static final String HANGZHOU = "HZ-PLATFORMS-2024";

    private UUID enterprise() {
        return identity.organisation("ENTERPRISE").name("杭州智联科技有限公司").region("330106").register();
    }

    private FormDriver completeEnterprisePracticeCentre(UUID organisation) {
        FormDriver form = new FormDriver(api, applicant(organisation));
        assertThat(form.create(programmeId(HANGZHOU), PlatformType.PRACTICE_CENTER_ENTERPRISE).status()).isEqualTo(201);
        form.fillValid(HANGZHOU, PlatformType.PRACTICE_CENTER_ENTERPRISE, "330106");
        assertThat(form.upload("STAMPED_FORM", "推荐书盖章版.pdf", FormDriver.pdf()).status()).isEqualTo(201);
        return form;
    }

    @Test
    void anEnterpriseFillsAndSubmitsAPracticeCentreAndApplicationSubmittedReachesKafkaOnceNamingTheDistrictIndustryItBureauAsFirstReviewer() {
        UUID organisation = enterprise();
        FormDriver form = completeEnterprisePracticeCentre(organisation);
        String key = UUID.randomUUID().toString();

        ApiResponse submitted = form.submit(key);
        ApiResponse retried = form.submit(key);

        assertThat(submitted.status()).as(submitted.toString()).isEqualTo(200);
        assertThat(submitted.json().path("status").asString()).isEqualTo("SUBMITTED");
        assertThat(retried.status()).isEqualTo(200);
        assertThat(retried.header("Idempotent-Replayed")).contains("true");
        assertThat(retried.json().path("version").asLong()).isEqualTo(submitted.json().path("version").asLong());
        List<ConsumerRecord<String, String>> events = TopicProbe.records(TestEngines.kafka().bootstrapServers(),
                Topics.APPLICATION_LIFECYCLE, r -> form.id().equals(r.key()) && r.value().contains("ApplicationSubmitted"),
                Duration.ofSeconds(8), 2);
        assertThat(events).hasSize(1);
        assertThat(events.get(0).value()).contains("\"platformType\":\"PRACTICE_CENTER_ENTERPRISE\"",
                "\"leadOrganisationId\":\"" + organisation + "\"", "\"recommendingRegionCode\":\"330106\"",
                // the route's first stage: 属地经信部门初审 — not every department of 西湖区 (found by deploy/scenario)
                "\"firstStageAuthorityCode\":\"330106\"", "\"firstStageDepartment\":\"industry-it\"");
        assertThat(jdbc.queryForObject("select count(*) from application_snapshot where application_id = ?::uuid",
                Integer.class, form.id())).isEqualTo(1);
        assertThat(jdbc.queryForList("select to_status from application_transition where application_id = ?::uuid order by id",
                String.class, form.id())).containsExactly("DRAFT", "SUBMITTED");
    }

    @Test
    void creatingADraftSchedulesTheRegistrationDeadline() {
        FormDriver form = new FormDriver(api, applicant(enterprise()));
        form.create(programmeId(HANGZHOU), PlatformType.PRACTICE_CENTER_ENTERPRISE);

        List<ConsumerRecord<String, String>> deadlines = TopicProbe.records(TestEngines.kafka().bootstrapServers(),
                Topics.APPLICATION_SCHEDULE, r -> form.id().equals(r.key()), Duration.ofSeconds(8), 1);

        assertThat(deadlines).singleElement().satisfies(r -> assertThat(r.value())
                .contains("\"kind\":\"REGISTRATION_CLOSES\"", "\"dueAt\":\"2024-05-15T16:00:00Z\""));
    }

    @Test
    void aSubmittedFormCannotBeSubmittedAgainWithAnotherKeyNorEdited() {
        FormDriver form = completeEnterprisePracticeCentre(enterprise());
        form.submit(UUID.randomUUID().toString());

        ApiResponse again = form.submit(UUID.randomUUID().toString());
        ApiResponse edit = form.put("sections/FEASIBILITY", "{\"text\":\"改一下\"}");

        assertThat(again.isProblem(409)).as(again.toString()).isTrue();
        assertThat(edit.isProblem(409)).as(edit.toString()).isTrue();
        assertThat(jdbc.queryForObject("select count(*) from application_transition where application_id = ?::uuid "
                + "and to_status = 'SUBMITTED'", Integer.class, form.id())).isEqualTo(1);
    }

    @Test
    void submittingAfterTheRegistrationWindowClosedIsRefusedAndChangesNothing() {
        FormDriver form = completeEnterprisePracticeCentre(enterprise());
        clock.setBeijing("2024-05-16T00:00:00");

        ApiResponse late = form.submit(UUID.randomUUID().toString());

        assertThat(late.isProblem(422)).as(late.toString()).isTrue();
        assertThat(late.json().path("type").asString()).isEqualTo("urn:chanjiao:problem:application.windowClosed");
        assertThat(form.get().json().path("status").asString()).isEqualTo("DRAFT");
    }

    @Test
    void submittingAnIncompleteFormListsEveryMissingPartAndChangesNothing() {
        FormDriver form = new FormDriver(api, applicant(enterprise()));
        form.create(programmeId(HANGZHOU), PlatformType.PRACTICE_CENTER_ENTERPRISE);
        long version = form.version();

        ApiResponse refused = form.submit(UUID.randomUUID().toString());

        assertThat(refused.isProblem(422)).as(refused.toString()).isTrue();
        assertThat(refused.json().path("errors").valueStream().map(e -> e.path("code").asString()).distinct().toList())
                .contains("rule.basicInfo.required", "rule.plan.missing", "rule.section.required",
                        "rule.attachment.required", "rule.commitment.required");
        assertThat(form.get().json().path("version").asLong()).isEqualTo(version);
    }

    @Test
    void submittingWhileIdentityServiceIsDownIsA503AndTheFormStaysADraftWithNoEvent() {
        FormDriver form = completeEnterprisePracticeCentre(enterprise());
        identity.down();

        ApiResponse unavailable = form.submit(UUID.randomUUID().toString());

        assertThat(unavailable.isProblem(503)).as(unavailable.toString()).isTrue();
        assertThat(jdbc.queryForObject("select status from application where id = ?::uuid", String.class, form.id()))
                .isEqualTo("DRAFT");
        assertThat(jdbc.queryForObject("select count(*) from event_publication where event_type like '%ApplicationSubmitted' "
                + "and serialized_event like ?", Integer.class, "%" + form.id() + "%")).isZero();
    }

    @Test
    void aSubmissionWithoutAnIdempotencyKeyIsRefused() {
        FormDriver form = completeEnterprisePracticeCentre(enterprise());

        ApiResponse refused = api.post("/api/v1/applications/" + form.id() + "/submission")
                .bearer(applicant(UUID.randomUUID())).send();
        ApiResponse own = api.post("/api/v1/applications/" + form.id() + "/submission").bearer(tokenOf(form)).send();

        assertThat(refused.isProblem(400)).as(refused.toString()).isTrue();
        assertThat(own.isProblem(400)).as(own.toString()).isTrue();
        assertThat(own.json().path("type").asString()).endsWith("idempotency.keyRequired");
    }

    @Test
    void anotherOrganisationsDraftDoesNotExistForAnApplicantAndIsNotListed() {
        FormDriver mine = new FormDriver(api, applicant(enterprise()));
        mine.create(programmeId(HANGZHOU), PlatformType.PRACTICE_CENTER_ENTERPRISE);
        UUID stranger = enterprise();

        ApiResponse read = api.get("/api/v1/applications/" + mine.id()).bearer(applicant(stranger)).send();
        ApiResponse edit = api.put("/api/v1/applications/" + mine.id() + "/sections/FEASIBILITY")
                .bearer(applicant(stranger)).header("If-Match", mine.etag()).json("{\"text\":\"抢改\"}").send();
        ApiResponse submit = api.post("/api/v1/applications/" + mine.id() + "/submission").bearer(applicant(stranger))
                .header("Idempotency-Key", UUID.randomUUID().toString()).send();
        ApiResponse list = api.get("/api/v1/applications").bearer(applicant(stranger)).send();

        assertThat(read.isProblem(404)).as(read.toString()).isTrue();
        assertThat(edit.isProblem(404)).as(edit.toString()).isTrue();
        assertThat(submit.isProblem(404)).as(submit.toString()).isTrue();
        assertThat(list.json().path("items").valueStream().map(i -> i.path("id").asString()).toList())
                .doesNotContain(mine.id());
    }

    @Test
    void aReviewerNeverSeesADraftButSeesSubmittedFormsOfItsRegionAndDepartmentOnly() {
        FormDriver draft = new FormDriver(api, applicant(enterprise()));
        draft.create(programmeId(HANGZHOU), PlatformType.PRACTICE_CENTER_ENTERPRISE);
        FormDriver submitted = completeEnterprisePracticeCentre(enterprise());
        submitted.submit(UUID.randomUUID().toString());
        String industryIt = reviewer("330100", "industry-it");
        String education = reviewer("330100", "education");
        String shanxi = reviewer("140000", "industry-it");

        assertThat(api.get("/api/v1/applications/" + draft.id()).bearer(industryIt).send().isProblem(404)).isTrue();
        assertThat(api.get("/api/v1/applications/" + submitted.id()).bearer(industryIt).send().status()).isEqualTo(200);
        assertThat(api.get("/api/v1/applications/" + submitted.id()).bearer(education).send().isProblem(404)).isTrue();
        assertThat(api.get("/api/v1/applications/" + submitted.id()).bearer(shanxi).send().isProblem(404)).isTrue();
        ApiResponse list = api.get("/api/v1/applications?platformType=PRACTICE_CENTER_ENTERPRISE&status=SUBMITTED&size=200")
                .bearer(industryIt).send();
        assertThat(list.json().path("items").valueStream().map(i -> i.path("id").asString()).toList())
                .contains(submitted.id()).doesNotContain(draft.id());
        assertThat(list.json().path("total").asLong()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void anIntegrationClientReadsSubmittedFormsOfItsProvinceOnlyAndCannotReturnThem() {
        FormDriver submitted = completeEnterprisePracticeCentre(enterprise());
        submitted.submit(UUID.randomUUID().toString());
        String zhejiang = tokens.client("integration-zhejiang").roles("integration").authority("330000").mint();
        String shanxi = tokens.client("integration-shanxi").roles("integration").authority("140000").mint();

        assertThat(api.get("/api/v1/applications/" + submitted.id()).bearer(zhejiang).send().status()).isEqualTo(200);
        assertThat(api.get("/api/v1/applications/" + submitted.id()).bearer(shanxi).send().isProblem(404)).isTrue();
        assertThat(api.post("/api/v1/applications/" + submitted.id() + "/return").bearer(zhejiang)
                .json("{\"comment\":\"x\"}").send().isProblem(403)).isTrue();
    }

    @Test
    void aReturnedFormIsEditableAgainWithTheReviewersCommentAndCanBeResubmitted() {
        FormDriver form = completeEnterprisePracticeCentre(enterprise());
        form.submit(UUID.randomUUID().toString());

        ApiResponse cityTooEarly = api.post("/api/v1/applications/" + form.id() + "/return")
                .bearer(reviewer("330100", "industry-it")).json("{\"comment\":\"请补充佐证材料\"}").send();
        // the form stands at the district economy & IT bureau's preliminary review: only its reviewers return it
        ApiResponse returned = api.post("/api/v1/applications/" + form.id() + "/return")
                .bearer(reviewer("330106", "industry-it")).json("{\"comment\":\"请补充佐证材料\"}").send();
        ApiResponse mine = form.get();
        ApiResponse edited = form.put("sections/FEASIBILITY", "{\"text\":\"补充了论证\"}");
        ApiResponse resubmitted = form.submit(UUID.randomUUID().toString());

        assertThat(cityTooEarly.isProblem(403)).as(cityTooEarly.toString()).isTrue();
        assertThat(returned.status()).as(returned.toString()).isEqualTo(200);
        assertThat(mine.json().path("status").asString()).isEqualTo("RETURNED");
        assertThat(mine.json().path("returnComment").asString()).isEqualTo("请补充佐证材料");
        assertThat(edited.status()).as(edited.toString()).isEqualTo(200);
        assertThat(resubmitted.json().path("status").asString()).isEqualTo("SUBMITTED");
        List<ConsumerRecord<String, String>> events = TopicProbe.records(TestEngines.kafka().bootstrapServers(),
                Topics.APPLICATION_LIFECYCLE, r -> form.id().equals(r.key()), Duration.ofSeconds(8), 3);
        assertThat(events).extracting(ConsumerRecord::value).anySatisfy(v -> assertThat(v).contains("ApplicationReturned"))
                .anySatisfy(v -> assertThat(v).contains("\"resubmission\":true"));
    }

    @Test
    void anApplicantWithdrawsASubmittedFormBeforeReview() {
        FormDriver form = completeEnterprisePracticeCentre(enterprise());
        form.submit(UUID.randomUUID().toString());

        ApiResponse withdrawn = api.post("/api/v1/applications/" + form.id() + "/withdrawal").bearer(tokenOf(form))
                .json("{\"reason\":\"暂不申报\"}").send();

        assertThat(withdrawn.status()).as(withdrawn.toString()).isEqualTo(200);
        assertThat(withdrawn.json().path("status").asString()).isEqualTo("WITHDRAWN");
        assertThat(TopicProbe.records(TestEngines.kafka().bootstrapServers(), Topics.APPLICATION_LIFECYCLE,
                r -> form.id().equals(r.key()) && r.value().contains("ApplicationWithdrawn"), Duration.ofSeconds(8), 1))
                .hasSize(1);
    }

    @Test
    void aTypeTheProgrammeDoesNotAcceptIsRefused() {
        FormDriver form = new FormDriver(api, applicant(enterprise()));

        ApiResponse refused = form.create(programmeId("MOE-CITY-CONSORTIUM-2023"), PlatformType.INDUSTRY_COMMUNITY);
        ApiResponse unknown = form.create(UUID.randomUUID().toString(), PlatformType.INDUSTRY_COMMUNITY);

        assertThat(refused.isProblem(400)).as(refused.toString()).isTrue();
        assertThat(unknown.isProblem(404)).as(unknown.toString()).isTrue();
    }

    @Test
    void anUnverifiedOrganisationCannotStartAnApplication() {
        UUID pending = identity.organisation("ENTERPRISE").status("PENDING").region("330106").register();

        ApiResponse refused = new FormDriver(api, applicant(pending)).create(programmeId(HANGZHOU),
                PlatformType.PRACTICE_CENTER_ENTERPRISE);

        assertThat(refused.isProblem(403)).as(refused.toString()).isTrue();
        assertThat(refused.json().path("type").asString()).endsWith("rule.lead.notVerified");
    }

    private String tokenOf(FormDriver form) {
        String organisation = jdbc.queryForObject("select organisation_id::text from application where id = ?::uuid",
                String.class, form.id());
        return applicant(UUID.fromString(organisation));
    }
}
