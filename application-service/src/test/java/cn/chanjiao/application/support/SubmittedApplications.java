package cn.chanjiao.application.support;

import cn.chanjiao.application.form.Form;
import cn.chanjiao.application.programme.PlatformType;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Submitted applications written straight into the database, for review tests of programmes whose
 * forms take many organisations to fill through the API (the form flow itself is proven by the
 * form's tests and by one review flow that starts from the API).
 */
public final class SubmittedApplications {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcTemplate jdbc;
    private final String programmeCode;
    private final PlatformType type;
    private String region = "140105";
    private String name;
    private final List<Form.LeadUnit> leads = new ArrayList<>();
    private final List<Form.Participant> participants = new ArrayList<>();
    private final List<Form.PlanValue> plan = new ArrayList<>();
    private UUID organisationId = UUID.randomUUID();
    private String recommendingRegion;
    private final List<String> filerAttributes = new ArrayList<>();

    private SubmittedApplications(JdbcTemplate jdbc, String programmeCode, PlatformType type) {
        this.jdbc = jdbc;
        this.programmeCode = programmeCode;
        this.type = type;
    }

    public static SubmittedApplications of(JdbcTemplate jdbc, String programmeCode, PlatformType type) {
        return new SubmittedApplications(jdbc, programmeCode, type);
    }

    /** Where the filing lead is (district code); the recommending region follows unless set. */
    public SubmittedApplications in(String districtCode) {
        this.region = districtCode;
        return this;
    }

    public SubmittedApplications recommendedFrom(String regionCode) {
        this.recommendingRegion = regionCode;
        return this;
    }

    public SubmittedApplications named(String value) {
        this.name = value;
        return this;
    }

    public SubmittedApplications filedBy(UUID organisation) {
        this.organisationId = organisation;
        return this;
    }

    public SubmittedApplications filerHolds(String attribute) {
        filerAttributes.add(attribute);
        return this;
    }

    /** Another lead unit (registered organisation) in a district. */
    public SubmittedApplications lead(String role, UUID organisation, String districtCode) {
        leads.add(lead(role, organisation, districtCode, List.of()));
        return this;
    }

    public SubmittedApplications participant(String participantType, String participantName, String regionCode,
            UUID registeredId) {
        participants.add(new Form.Participant(UUID.randomUUID(), participantType, participantName, regionCode, null, null,
                null, registeredId));
        return this;
    }

    public SubmittedApplications plan(String indicator, int year, String value) {
        plan.add(new Form.PlanValue(indicator, year, new BigDecimal(value)));
        return this;
    }

    /** Inserts it as submitted now (by {@code at}); returns its id. */
    public UUID submit(Instant at) {
        UUID programmeId = UUID.fromString(jdbc.queryForObject("select id::text from programme where code = ?",
                String.class, programmeCode));
        UUID id = UUID.randomUUID();
        String title = name != null ? name : type + "-" + id.toString().substring(0, 8);
        String recommending = recommendingRegion != null ? recommendingRegion : region;
        List<Form.LeadUnit> all = new ArrayList<>();
        all.add(lead("FILER", organisationId, region, filerAttributes));
        all.addAll(leads);
        Form form = Form.empty().withBasicInfo(new Form.BasicInfo(title, null, "张三", "主任", "13800000000", null, "李四",
                null, null, "13900000000", null, recommending, null, null, null, null)).withLeadUnits(all)
                .withParticipants(participants).withPlan(plan);
        String json = JSON.writeValueAsString(form);
        Timestamp now = Timestamp.from(at);
        jdbc.update("""
                insert into application (id, programme_id, platform_type, organisation_id, status, name,
                    recommending_region_code, review_departments, form, version, created_by, created_at, updated_at,
                    submitted_at) values (?, ?, ?, ?, 'SUBMITTED', ?, ?, ',education,development-reform,industry-it,',
                    ?::jsonb, 3, 'seed', ?, ?, ?)""", id, programmeId, type.name(), organisationId, title, recommending,
                json, now, now, now);
        jdbc.update("insert into application_snapshot (id, application_id, form_version, programme_version, taken_at, "
                + "form, attachments) values (?, ?, 3, 1, ?, ?::jsonb, '[]'::jsonb)", UUID.randomUUID(), id, now, json);
        jdbc.update("insert into application_transition (application_id, from_status, to_status, actor, at) "
                + "values (?, 'DRAFT', 'SUBMITTED', 'seed', ?)", id, now);
        return id;
    }

    private static Form.LeadUnit lead(String role, UUID organisation, String district, List<String> attributes) {
        return new Form.LeadUnit(role, organisation, role + "-" + organisation.toString().substring(0, 6), "ENTERPRISE",
                null, null, null, district.substring(0, 2) + "0000", district.endsWith("0000") ? null
                        : district.substring(0, 4) + "00", district.endsWith("00") ? null : district, List.copyOf(attributes),
                null);
    }
}
