package cn.chanjiao.application.notice;

import cn.chanjiao.application.form.Usccs;
import cn.chanjiao.application.programme.PlatformType;
import cn.chanjiao.application.support.IntegrationTestBase;
import cn.chanjiao.application.support.SubmittedApplications;
import cn.chanjiao.contracts.Topics;
import cn.chanjiao.testkit.engine.TestEngines;
import cn.chanjiao.testkit.http.ApiClient.ApiResponse;
import cn.chanjiao.testkit.kafka.TopicProbe;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.sql.Timestamp;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Member changes of an approved Shanxi community (issue 15 item 7): by the lead's org admin and the province's
 * programme admin, with If-Match, audited, published as PlatformMembersChanged with the whole member list.
 */
class PlatformMembersIT extends IntegrationTestBase {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private String orgAdmin(UUID organisationId) {
        return tokens.user("org-admin-" + organisationId.toString().substring(0, 8)).roles("org-admin")
                .organisation(organisationId).mint();
    }

    /** An approved platform as the notice-closing job leaves it, approved before members were kept. */
    private UUID approvedPlatform(UUID lead) {
        UUID application = SubmittedApplications.of(jdbc, "SX-INDUSTRY-COMMUNITY-2023", PlatformType.INDUSTRY_COMMUNITY)
                .filedBy(lead).in("140105").named("山西智能制造产教融合共同体")
                .participant("RESEARCH_INSTITUTE", "山西某研究院", "140100", null).submit(clock.instant());
        jdbc.update("update application set status = 'APPROVED' where id = ?", application);
        UUID platform = UUID.randomUUID();
        jdbc.update("""
                insert into platform (id, application_id, programme_id, platform_type, name, lead_organisation_id,
                    region_code, authority_code, plan_from, plan_to, status, approved_at)
                select ?, a.id, a.programme_id, a.platform_type, a.name, a.organisation_id, '140105', '140000', 2023, 2025,
                    'APPROVED', ? from application a where a.id = ?""", platform, Timestamp.from(clock.instant()),
                application);
        return platform;
    }

    private static Map<String, Object> member(String type, String name, String code, String region, String comment) {
        Map<String, Object> body = new HashMap<>();
        body.put("memberType", type);
        body.put("name", name);
        body.put("code", code);
        body.put("regionCode", region);
        body.put("comment", comment);
        return body;
    }

    @Test
    void theLeadsOrgAdminAndTheProvinceChangeParticipantsWithIfMatchAndEachChangeIsAuditedAndPublished() throws Exception {
        UUID lead = UUID.randomUUID();
        UUID platform = approvedPlatform(lead);
        String path = "/api/v1/platforms/" + platform + "/members";
        String owner = orgAdmin(lead);
        String province = programmeAdmin("140000");
        Map<String, Object> hebei = member("UPSTREAM_DOWNSTREAM_ENTERPRISE", "河北某装备制造有限公司", Usccs.random("130102"),
                "130102", "新增上下游企业");

        ApiResponse before = api.get(path).bearer(owner).send();
        ApiResponse withoutIfMatch = api.post(path).bearer(owner).json(hebei).send();
        ApiResponse stale = api.post(path).bearer(owner).header("If-Match", "\"0\"").json(hebei).send();
        ApiResponse badType = api.post(path).bearer(owner).header("If-Match", "\"1\"")
                .json(member("BANK", "某银行", Usccs.random("130102"), "130102", null)).send();
        ApiResponse badRegion = api.post(path).bearer(owner).header("If-Match", "\"1\"")
                .json(member("SCHOOL", "某学校", Usccs.random("130102"), "99", null)).send();
        ApiResponse stranger = api.post(path).bearer(orgAdmin(UUID.randomUUID())).header("If-Match", "\"1\"").json(hebei)
                .send();
        ApiResponse applicant = api.post(path).bearer(applicant(lead)).header("If-Match", "\"1\"").json(hebei).send();
        ApiResponse otherProvince = api.post(path).bearer(programmeAdmin("330000")).header("If-Match", "\"1\"")
                .json(hebei).send();
        ApiResponse added = api.post(path).bearer(owner).header("If-Match", "\"1\"").json(hebei).send();

        assertThat(before.status()).as(before.toString()).isEqualTo(200);
        assertThat(before.header("ETag")).contains("\"1\"");
        assertThat(before.json().path("members").valueStream().map(m -> m.path("role").asString()).toList())
                .containsExactly("LEAD", "PARTICIPANT");
        assertThat(withoutIfMatch.isProblem(428)).as(withoutIfMatch.toString()).isTrue();
        assertThat(stale.isProblem(412)).as(stale.toString()).isTrue();
        assertThat(badType.isProblem(400)).as(badType.toString()).isTrue();
        assertThat(badType.json().path("detail").asString()).contains("BANK", "UPSTREAM_DOWNSTREAM_ENTERPRISE");
        assertThat(badRegion.isProblem(400)).as(badRegion.toString()).isTrue();
        assertThat(stranger.isProblem(404)).as(stranger.toString()).isTrue();
        assertThat(applicant.isProblem(403)).as(applicant.toString()).isTrue();
        assertThat(otherProvince.status()).as(otherProvince.toString()).isIn(403, 404);
        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        assertThat(added.header("ETag")).contains("\"2\"");
        JsonNode newcomer = added.json().path("members").get(2);
        assertThat(newcomer.path("provinceCode").asString()).isEqualTo("130000");
        assertThat(newcomer.path("cityCode").asString()).isEqualTo("130100");

        String newcomerId = newcomer.path("id").asString();
        String leadId = added.json().path("members").get(0).path("id").asString();
        Map<String, Object> moved = member("UPSTREAM_DOWNSTREAM_ENTERPRISE", "河北某装备制造有限公司", Usccs.random("120101"),
                "120101", "迁址天津");
        ApiResponse changed = api.put(path + "/" + newcomerId).bearer(province).header("If-Match", "\"2\"").json(moved)
                .send();
        ApiResponse leadRemoved = api.method("DELETE", path + "/" + leadId).bearer(province).header("If-Match", "\"3\"")
                .send();
        ApiResponse staleRemove = api.method("DELETE", path + "/" + newcomerId).bearer(owner).header("If-Match", "\"2\"")
                .send();
        ApiResponse removed = api.method("DELETE", path + "/" + newcomerId + "?comment=退出").bearer(owner)
                .header("If-Match", "\"3\"").send();
        String originalId = removed.json().path("members").get(1).path("id").asString();
        ApiResponse tooFew = api.method("DELETE", path + "/" + originalId).bearer(owner).header("If-Match", "\"4\"").send();

        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(changed.json().path("members").get(2).path("provinceCode").asString()).isEqualTo("120000");
        assertThat(leadRemoved.isProblem(409)).as(leadRemoved.toString()).isTrue();
        assertThat(staleRemove.isProblem(412)).as(staleRemove.toString()).isTrue();
        assertThat(removed.status()).as(removed.toString()).isEqualTo(200);
        assertThat(removed.json().path("members")).hasSize(2);
        assertThat(tooFew.isProblem(409)).as("the programme asks for at least one participant: %s", tooFew).isTrue();

        ApiResponse audit = api.get("/api/v1/platforms/" + platform + "/member-changes").bearer(province).send();
        assertThat(audit.json().valueStream().map(c -> c.path("action").asString() + "/" + c.path("actorRole").asString()
                + "/" + c.path("version").asLong()).toList())
                .containsExactly("ADDED/org-admin/2", "CHANGED/programme-admin/3", "REMOVED/org-admin/4");
        assertThat(audit.json().get(1).path("comment").asString()).isEqualTo("迁址天津");
        assertThat(audit.json().get(1).path("before").asString()).contains("130102");

        List<ConsumerRecord<String, String>> events = TopicProbe.records(TestEngines.kafka().bootstrapServers(),
                Topics.APPLICATION_LIFECYCLE, r -> platform.toString().equals(r.key())
                        && r.value().contains("PlatformMembersChanged"), Duration.ofSeconds(8), 3);
        assertThat(events).hasSize(3);
        JsonNode first = JSON.readTree(events.get(0).value()).path("payload");
        assertThat(first.path("action").asString()).isEqualTo("ADDED");
        assertThat(first.path("version").asLong()).isEqualTo(2);
        assertThat(first.path("programmeCode").asString()).isEqualTo("SX-INDUSTRY-COMMUNITY-2023");
        assertThat(first.path("members").valueStream().map(m -> m.path("provinceCode").asString()).toList())
                .containsExactly("140000", "140000", "130000");
    }

    @Test
    void aRevokedPlatformsMembersCannotBeChanged() {
        UUID lead = UUID.randomUUID();
        UUID platform = approvedPlatform(lead);
        jdbc.update("update platform set status = 'REVOKED' where id = ?", platform);

        ApiResponse refused = api.post("/api/v1/platforms/" + platform + "/members").bearer(orgAdmin(lead))
                .header("If-Match", "\"1\"").json(member("SCHOOL", "太原某学校", Usccs.random("140105"), "140105", null))
                .send();

        assertThat(refused.isProblem(409)).as(refused.toString()).isTrue();
        assertThat(jdbc.queryForObject("select count(*) from platform_member_change where platform_id = ?", Integer.class,
                platform)).isZero();
    }
}
