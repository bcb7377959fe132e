package cn.chanjiao.application.form;

import cn.chanjiao.kit.files.FileType;
import cn.chanjiao.application.attachment.StoredAttachment;
import cn.chanjiao.application.client.OrganisationResponse;
import cn.chanjiao.application.form.Form.BasicInfo;
import cn.chanjiao.application.form.Form.Commitment;
import cn.chanjiao.application.form.Form.LeadUnit;
import cn.chanjiao.application.form.Form.Participant;
import cn.chanjiao.application.form.Form.PlanValue;
import cn.chanjiao.application.form.Form.Secretariat;
import cn.chanjiao.application.programme.PlatformType;
import cn.chanjiao.application.programme.ProgrammeDefinition;
import cn.chanjiao.application.programme.TypeRules;
import cn.chanjiao.application.programme.TypeRules.LeadRole;
import cn.chanjiao.application.programme.TypeRules.ParticipantType;
import cn.chanjiao.application.programme.TypeRules.PlanIndicator;
import cn.chanjiao.kit.web.Violation;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * A complete, valid form for any programme and platform type, with the organisations identity-service
 * would report for its lead units; tests then break one rule at a time.
 */
public final class FormFixture {

    public final ProgrammeDefinition programme;
    public final TypeRules type;
    public final UUID owner;
    public final Map<UUID, OrganisationResponse> organisations = new HashMap<>();
    public final List<StoredAttachment> attachments = new ArrayList<>();
    public Form form;

    private FormFixture(ProgrammeDefinition programme, PlatformType platformType) {
        this.programme = programme;
        this.type = programme.type(platformType).orElseThrow();
        String leadRegion = type.lead().withinRegion() != null ? "330106" : "140105";
        List<LeadUnit> leads = new ArrayList<>();
        UUID filer = null;
        for (LeadRole role : type.lead().roles()) {
            for (int i = 0; i < Math.max(1, role.min()); i++) {
                OrganisationResponse organisation = organisation(role.kinds().get(0), "VERIFIED", leadRegion,
                        role.requiredAttributes());
                organisations.put(organisation.id(), organisation);
                leads.add(leadUnit(role.code(), organisation));
                if (role.filing()) {
                    filer = organisation.id();
                }
            }
        }
        this.owner = filer;
        String recommending = Codes.atLevel(leadRegion, type.recommendation().level());
        Secretariat secretariat = new Secretariat("秘书处单位", "王五", new BigDecimal("120.5"), "0571-88888888", 6, 2, 4,
                "王五、赵六");
        BasicInfo info = new BasicInfo("智能物联产教融合平台", LocalDate.of(2023, 3, 1), "张三", "主任", "13800000000",
                "head@example.cn", "李四", "牵头单位", "办公室主任", "13900000000", "contact@example.cn", recommending,
                "杭州市西湖区文三路 1 号", "智能物联", "某某产业园", secretariat);
        List<Participant> participants = new ArrayList<>();
        var rule = type.participants();
        for (ParticipantType participantType : rule.types()) {
            for (int i = 0; i < participantType.min(); i++) {
                participants.add(participant(participantType));
            }
        }
        while (participants.size() < rule.minCount()) {
            participants.add(participant(rule.types().get(0)));
        }
        Map<String, String> sections = new LinkedHashMap<>();
        type.sections().forEach(section -> sections.put(section.code(), "产教融合".repeat(Math.max(1, section.maxChars() / 8))));
        for (var requirement : type.attachments()) {
            if (requirement.required()) {
                attachments.add(attachment(requirement.kind()));
            }
        }
        this.form = new Form(info, leads, participants, plan(), sections,
                new Commitment(true, "张三", Instant.parse("2024-03-01T02:00:00Z"), "applicant"));
    }

    public static FormFixture valid(ProgrammeDefinition programme, PlatformType type) {
        return new FormFixture(programme, type);
    }

    public List<Violation> check() {
        return FormRules.checkSubmission(programme, type, owner, form, attachments,
                id -> Optional.ofNullable(organisations.get(id)));
    }

    public List<String> codes() {
        return check().stream().map(Violation::code).toList();
    }

    public FormFixture change(UnaryOperator<Form> change) {
        form = change.apply(form);
        return this;
    }

    public FormFixture basicInfo(UnaryOperator<BasicInfo> change) {
        form = form.withBasicInfo(change.apply(form.basicInfo()));
        return this;
    }

    /** identity-service now reports the lead of {@code role} differently. */
    public FormFixture leadReported(String role, UnaryOperator<OrganisationResponse> change) {
        LeadUnit lead = lead(role);
        organisations.put(lead.organisationId(), change.apply(organisations.get(lead.organisationId())));
        return this;
    }

    public LeadUnit lead(String role) {
        return form.leadUnits().stream().filter(l -> l.role().equals(role)).findFirst().orElseThrow();
    }

    public FormFixture withoutLead(String role) {
        form = form.withLeadUnits(form.leadUnits().stream().filter(l -> !l.role().equals(role)).toList());
        return this;
    }

    public FormFixture addLead(String role, OrganisationResponse organisation) {
        organisations.put(organisation.id(), organisation);
        List<LeadUnit> leads = new ArrayList<>(form.leadUnits());
        leads.add(leadUnit(role, organisation));
        form = form.withLeadUnits(leads);
        return this;
    }

    public FormFixture participant(int index, UnaryOperator<Participant> change) {
        List<Participant> participants = new ArrayList<>(form.participants());
        participants.set(index, change.apply(participants.get(index)));
        form = form.withParticipants(participants);
        return this;
    }

    public FormFixture planValue(String indicator, int year, String value) {
        List<PlanValue> plan = new ArrayList<>(form.plan().stream()
                .filter(v -> !(v.indicator().equals(indicator) && v.year() == year)).toList());
        if (value != null) {
            plan.add(new PlanValue(indicator, year, new BigDecimal(value)));
        }
        form = form.withPlan(plan);
        return this;
    }

    public FormFixture withoutAttachment(String kind) {
        attachments.removeIf(a -> a.kind().equals(kind));
        return this;
    }

    public static OrganisationResponse organisation(String kind, String status, String region, List<String> attributes) {
        Map<String, Object> flags = new HashMap<>();
        attributes.forEach(attribute -> flags.put(attribute, true));
        return new OrganisationResponse(UUID.randomUUID(), kind, kind + "单位" + UUID.randomUUID().toString().substring(0, 4),
                Usccs.random(region), null, region(region), "地址", flags, status);
    }

    public static OrganisationResponse with(OrganisationResponse o, String kind, String status, String region,
            Map<String, Object> attributes) {
        return new OrganisationResponse(o.id(), kind, o.name(), o.uscc(), o.schoolCode(), region(region), o.address(),
                attributes, status);
    }

    private static OrganisationResponse.Region region(String code) {
        return new OrganisationResponse.Region(code.substring(0, 2) + "0000", code.substring(0, 4) + "00", code);
    }

    private static LeadUnit leadUnit(String role, OrganisationResponse organisation) {
        return new LeadUnit(role, organisation.id(), organisation.name(), organisation.kind(), organisation.uscc(), null,
                organisation.address(), organisation.provinceCode(), organisation.cityCode(), organisation.districtCode(),
                List.of(), Instant.parse("2024-03-01T02:00:00Z"));
    }

    private Participant participant(ParticipantType participantType) {
        var rule = type.participants();
        String region = rule.withinRegion() != null ? "330106" : "140105";
        UUID proof = null;
        if (rule.proofRequired()) {
            StoredAttachment attachment = attachment("PARTICIPATION_PROOF");
            attachments.add(attachment);
            proof = attachment.id();
        }
        return new Participant(UUID.randomUUID(), participantType.code(), participantType.name() + "成员",
                rule.regionLevel() == null ? null : region, Usccs.random(region),
                participantType.studentCount() ? 1200 : null, proof, null);
    }

    private List<PlanValue> plan() {
        Map<String, BigDecimal> values = new LinkedHashMap<>();
        for (PlanIndicator indicator : type.indicators()) {
            BigDecimal base = switch (indicator.valueType()) {
                case INTEGER -> BigDecimal.ONE;
                case DECIMAL -> new BigDecimal("1.5");
                case PERCENT -> new BigDecimal("50");
            };
            for (int year : type.yearsOf(indicator, programme.planYears())) {
                values.put(indicator.code() + "@" + year, base);
            }
        }
        for (PlanIndicator indicator : type.indicators()) {
            if (indicator.sumOf().isEmpty()) {
                continue;
            }
            for (int year : type.yearsOf(indicator, programme.planYears())) {
                List<BigDecimal> parts = indicator.sumOf().stream().map(code -> values.get(code + "@" + year)).toList();
                if (parts.stream().allMatch(java.util.Objects::nonNull)) {
                    values.put(indicator.code() + "@" + year, parts.stream().reduce(BigDecimal.ZERO, BigDecimal::add));
                }
            }
        }
        List<PlanValue> plan = new ArrayList<>();
        values.forEach((key, value) -> {
            String[] parts = key.split("@");
            plan.add(new PlanValue(parts[0], Integer.parseInt(parts[1]), value));
        });
        return plan;
    }

    private static StoredAttachment attachment(String kind) {
        UUID id = UUID.randomUUID();
        return new StoredAttachment(id, UUID.randomUUID(), kind, kind.toLowerCase() + ".pdf", FileType.PDF, 1024,
                "0".repeat(64), "applications/x/" + id, "applicant", Instant.parse("2024-03-01T02:00:00Z"));
    }
}
