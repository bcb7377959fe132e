package cn.chanjiao.application.form;

import cn.chanjiao.kit.text.CharacterCount;

import cn.chanjiao.application.attachment.StoredAttachment;
import cn.chanjiao.application.client.OrganisationResponse;
import cn.chanjiao.application.form.Form.BasicInfo;
import cn.chanjiao.application.form.Form.LeadUnit;
import cn.chanjiao.application.form.Form.Participant;
import cn.chanjiao.application.form.Form.PlanValue;
import cn.chanjiao.application.programme.ProgrammeDefinition;
import cn.chanjiao.application.programme.ProgrammeDefinition.Level;
import cn.chanjiao.application.programme.TypeRules;
import cn.chanjiao.application.programme.TypeRules.AttachmentRequirement;
import cn.chanjiao.application.programme.TypeRules.LeadRole;
import cn.chanjiao.application.programme.TypeRules.ParticipantRule;
import cn.chanjiao.application.programme.TypeRules.ParticipantType;
import cn.chanjiao.application.programme.TypeRules.PlanIndicator;
import cn.chanjiao.application.programme.TypeRules.TextSection;
import cn.chanjiao.kit.web.Violation;
import org.springframework.context.support.DefaultMessageSourceResolvable;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * The rules a form must meet, as the programme states them for the platform type. Each rule
 * broken is one {@link Violation} with its own message code. Used part by part when a draft is
 * saved (what can be wrong in a part alone) and as a whole at submission.
 */
public final class FormRules {

    /** Decimal places accepted for decimal values (万元, 平方米 …) and percentages. */
    static final int DECIMAL_SCALE = 4;
    static final int PERCENT_SCALE = 2;

    private FormRules() {
    }

    // ---------------------------------------------------------------- submission: the whole form

    /**
     * Everything a submission must meet.
     *
     * @param owner         the organisation filing the application
     * @param organisations identity-service's current view of each lead unit (missing = unknown)
     */
    public static List<Violation> checkSubmission(ProgrammeDefinition programme, TypeRules type, UUID owner, Form form,
            List<StoredAttachment> attachments, Function<UUID, Optional<OrganisationResponse>> organisations) {
        List<Violation> problems = new ArrayList<>();
        basicInfo(type, form.basicInfo(), problems);
        recommendation(type, form, problems);
        leadUnitsComplete(type, owner, form.leadUnits(), organisations, problems);
        participantsComplete(type.participants(), form.participants(), attachments, problems);
        planComplete(programme, type, form.plan(), problems);
        sectionsComplete(type, form.sections(), problems);
        attachmentsComplete(type, attachments, problems);
        if (!form.commitment().accepted()) {
            problems.add(Violation.of("commitment", "rule.commitment.required"));
        }
        return problems;
    }

    static void basicInfo(TypeRules type, BasicInfo info, List<Violation> problems) {
        for (String field : type.requiredBasicFields()) {
            if (!filled(info, field)) {
                problems.add(Violation.of("basicInfo." + field, "rule.basicInfo.required", label("field." + field)));
            }
        }
    }

    private static boolean filled(BasicInfo info, String field) {
        Object value = switch (field) {
            case "name" -> info.name();
            case "foundedOn" -> info.foundedOn();
            case "headName" -> info.headName();
            case "headTitle" -> info.headTitle();
            case "headPhone" -> info.headPhone();
            case "headEmail" -> info.headEmail();
            case "contactName" -> info.contactName();
            case "contactOrganisation" -> info.contactOrganisation();
            case "contactTitle" -> info.contactTitle();
            case "contactPhone" -> info.contactPhone();
            case "contactEmail" -> info.contactEmail();
            case "recommendingRegionCode" -> info.recommendingRegionCode();
            case "address" -> info.address();
            case "industryField" -> info.industryField();
            case "parkName" -> info.parkName();
            case "secretariat" -> info.secretariat() != null && info.secretariat().complete() ? "ok" : null;
            default -> "unknown";
        };
        return value != null && !value.toString().isBlank();
    }

    static void recommendation(TypeRules type, Form form, List<Violation> problems) {
        String region = form.basicInfo().recommendingRegionCode();
        TypeRules.Recommendation rule = type.recommendation();
        String field = "basicInfo.recommendingRegionCode";
        if (region == null || region.isBlank()) {
            if (!type.requiredBasicFields().contains("recommendingRegionCode")) {
                problems.add(Violation.of(field, "rule.recommendation.required"));
            }
            return;
        }
        recommendingRegion(rule, region, problems);
        if (rule.fromLeadUnits() && Codes.isRegion(region) && form.leadUnits().stream()
                .map(lead -> leadRegion(lead, rule.level())).noneMatch(region::equals)) {
            problems.add(Violation.of(field, "rule.recommendation.notLeadRegion", region));
        }
    }

    /** The recommending region alone: a region code of the right level inside the programme's area. */
    static void recommendingRegion(TypeRules.Recommendation rule, String region, List<Violation> problems) {
        String field = "basicInfo.recommendingRegionCode";
        if (!Codes.isRegion(region)) {
            problems.add(Violation.of(field, "rule.region.invalid", region));
        } else if (!Codes.atLevel(region, rule.level()).equals(region)) {
            problems.add(Violation.of(field, "rule.recommendation.level", region, label("level." + rule.level())));
        } else if (!Codes.within(region, rule.within())) {
            problems.add(Violation.of(field, "rule.recommendation.outside", region, rule.within()));
        }
    }

    private static String leadRegion(LeadUnit lead, Level level) {
        String code = switch (level) {
            case NATIONAL -> "100000";
            case PROVINCE -> lead.provinceCode();
            case CITY -> lead.cityCode();
            case DISTRICT -> lead.districtCode();
        };
        return code == null ? "" : code;
    }

    // ---------------------------------------------------------------- lead units

    /** The lead units as a set: known roles, no organisation twice, no role over its maximum. */
    static void leadUnitsShape(TypeRules type, List<LeadUnitClaim> claims, List<Violation> problems) {
        Set<UUID> seen = new HashSet<>();
        Map<String, Integer> perRole = new HashMap<>();
        for (int i = 0; i < claims.size(); i++) {
            LeadUnitClaim claim = claims.get(i);
            String field = "leadUnits[" + i + "]";
            Optional<LeadRole> role = type.lead().role(claim.role());
            if (role.isEmpty()) {
                problems.add(Violation.of(field + ".role", "rule.lead.unknownRole", claim.role(),
                        String.join(", ", type.lead().roles().stream().map(LeadRole::code).toList())));
                continue;
            }
            if (!seen.add(claim.organisationId())) {
                problems.add(Violation.of(field + ".organisationId", "rule.lead.duplicate", claim.organisationId()));
            }
            perRole.merge(claim.role(), 1, Integer::sum);
        }
        for (LeadRole role : type.lead().roles()) {
            int count = perRole.getOrDefault(role.code(), 0);
            if (count > role.max()) {
                problems.add(Violation.of("leadUnits", "rule.lead.tooMany", role.name(), role.max(), count));
            }
        }
    }

    /** One lead unit against its role: known, verified, of an accepted kind, with the required attributes, in the region. */
    static void leadUnit(String field, TypeRules type, LeadRole role, UUID organisationId,
            Optional<OrganisationResponse> found, List<Violation> problems) {
        if (found.isEmpty()) {
            problems.add(Violation.of(field + ".organisationId", "rule.lead.notFound", organisationId));
            return;
        }
        OrganisationResponse organisation = found.get();
        String name = organisation.name();
        if (!organisation.verified()) {
            problems.add(Violation.of(field, "rule.lead.notVerified", name, label("orgStatus." + organisation.status())));
        }
        if (!role.kinds().contains(organisation.kind())) {
            problems.add(Violation.of(field, "rule.lead.kind", name, role.name(), label("kind." + organisation.kind())));
        }
        for (String attribute : role.requiredAttributes()) {
            if (!organisation.has(attribute)) {
                problems.add(Violation.of(field, "rule.lead.attribute", name, role.name(), label("attribute." + attribute)));
            }
        }
        String within = type.lead().withinRegion();
        if (within != null && !Codes.within(organisation.regionCode().orElse(null), within)) {
            problems.add(Violation.of(field, "rule.lead.outsideRegion", name, label("region." + within, within)));
        }
    }

    static void leadUnitsComplete(TypeRules type, UUID owner, List<LeadUnit> leads,
            Function<UUID, Optional<OrganisationResponse>> organisations, List<Violation> problems) {
        leadUnitsShape(type, leads.stream().map(lead -> new LeadUnitClaim(lead.role(), lead.organisationId())).toList(),
                problems);
        for (LeadRole role : type.lead().roles()) {
            long count = leads.stream().filter(lead -> lead.role().equals(role.code())).count();
            if (count < role.min()) {
                problems.add(Violation.of("leadUnits", "rule.lead.tooFew", role.name(), role.min(), count));
            }
        }
        type.lead().filingRole().ifPresent(filing -> {
            boolean ownerFiles = leads.stream().anyMatch(lead -> lead.role().equals(filing.code())
                    && lead.organisationId().equals(owner));
            if (!ownerFiles) {
                problems.add(Violation.of("leadUnits", "rule.lead.filing", filing.name()));
            }
        });
        for (int i = 0; i < leads.size(); i++) {
            LeadUnit lead = leads.get(i);
            int index = i;
            type.lead().role(lead.role()).ifPresent(role -> leadUnit("leadUnits[" + index + "]", type, role,
                    lead.organisationId(), organisations.apply(lead.organisationId()), problems));
        }
    }

    /** A lead unit as asked for: which role, which organisation. */
    record LeadUnitClaim(String role, UUID organisationId) {
    }

    // ---------------------------------------------------------------- participants

    /** One participant alone, as saved in a draft: a known type, a name, well-formed codes and regions. */
    static void participant(String field, ParticipantRule rule, Participant participant, Set<UUID> proofs,
            List<Violation> problems) {
        String name = participant.name() == null ? "" : participant.name();
        Optional<ParticipantType> type = rule.type(participant.type());
        if (type.isEmpty()) {
            problems.add(Violation.of(field + ".type", "rule.participant.unknownType", participant.type(),
                    String.join(", ", rule.types().stream().map(ParticipantType::code).toList())));
        }
        if (participant.name() == null || participant.name().isBlank()) {
            problems.add(Violation.of(field + ".name", "rule.participant.nameRequired"));
        }
        if (participant.code() != null && !participant.code().isBlank() && !Codes.isOrganisationCode(participant.code())) {
            problems.add(Violation.of(field + ".code", "rule.participant.codeInvalid", name, participant.code()));
        }
        String region = participant.regionCode();
        if (region != null && !region.isBlank()) {
            if (!Codes.isRegion(region)) {
                problems.add(Violation.of(field + ".regionCode", "rule.region.invalid", region));
            } else if (rule.regionLevel() != null && !Codes.precise(region, rule.regionLevel())) {
                problems.add(Violation.of(field + ".regionCode", "rule.participant.regionLevel", name, region,
                        label("level." + rule.regionLevel())));
            } else if (rule.withinRegion() != null && !Codes.within(region, rule.withinRegion())) {
                problems.add(Violation.of(field + ".regionCode", "rule.participant.outsideRegion", name,
                        label("region." + rule.withinRegion(), rule.withinRegion())));
            }
        }
        if (participant.enrolledStudents() != null && participant.enrolledStudents() < 0) {
            problems.add(Violation.of(field + ".enrolledStudents", "rule.participant.studentsNegative", name));
        }
        if (participant.proofAttachmentId() != null && !proofs.contains(participant.proofAttachmentId())) {
            problems.add(Violation.of(field + ".proofAttachmentId", "rule.participant.proofUnknown", name));
        }
    }

    static void participants(ParticipantRule rule, List<Participant> participants, Set<UUID> proofs,
            List<Violation> problems) {
        if (participants.size() > rule.maxCount()) {
            problems.add(Violation.of("participants", "rule.participant.tooMany", rule.maxCount(), participants.size()));
        }
        for (int i = 0; i < participants.size(); i++) {
            participant("participants[" + i + "]", rule, participants.get(i), proofs, problems);
        }
    }

    static void participantsComplete(ParticipantRule rule, List<Participant> participants,
            List<StoredAttachment> attachments, List<Violation> problems) {
        Set<UUID> proofs = new HashSet<>();
        attachments.stream().filter(a -> "PARTICIPATION_PROOF".equals(a.kind())).forEach(a -> proofs.add(a.id()));
        participants(rule, participants, proofs, problems);
        if (participants.size() < rule.minCount()) {
            problems.add(Violation.of("participants", "rule.participant.tooFew", rule.minCount(), participants.size()));
        }
        for (ParticipantType type : rule.types()) {
            long count = participants.stream().filter(p -> type.code().equals(p.type())).count();
            if (count < type.min()) {
                problems.add(Violation.of("participants", "rule.participant.typeTooFew", type.name(), type.min(), count));
            }
        }
        for (int i = 0; i < participants.size(); i++) {
            Participant participant = participants.get(i);
            String field = "participants[" + i + "]";
            String name = participant.name();
            if (rule.codeRequired() && (participant.code() == null || participant.code().isBlank())) {
                problems.add(Violation.of(field + ".code", "rule.participant.codeRequired", name));
            }
            if (rule.regionLevel() != null && (participant.regionCode() == null || participant.regionCode().isBlank())) {
                problems.add(Violation.of(field + ".regionCode", "rule.participant.regionRequired", name));
            }
            if (rule.proofRequired() && participant.proofAttachmentId() == null) {
                problems.add(Violation.of(field + ".proofAttachmentId", "rule.participant.proofRequired", name));
            }
            boolean students = rule.type(participant.type()).map(ParticipantType::studentCount).orElse(false);
            if (students && participant.enrolledStudents() == null) {
                problems.add(Violation.of(field + ".enrolledStudents", "rule.participant.studentsRequired", name));
            }
        }
    }

    // ---------------------------------------------------------------- plan table

    /** A plan value as entered: a number for a known indicator and year, of the indicator's kind. */
    static Optional<BigDecimal> planValue(String field, ProgrammeDefinition programme, TypeRules type, String code,
            Integer year, Object raw, List<Violation> problems) {
        Optional<PlanIndicator> found = type.indicator(code);
        if (found.isEmpty()) {
            problems.add(Violation.of(field + ".indicator", "rule.plan.unknownIndicator", code));
            return Optional.empty();
        }
        PlanIndicator indicator = found.get();
        List<Integer> years = type.yearsOf(indicator, programme.planYears());
        if (year == null || !years.contains(year)) {
            problems.add(Violation.of(field + ".year", "rule.plan.year", indicator.name(), year,
                    String.join(", ", years.stream().map(String::valueOf).toList())));
            return Optional.empty();
        }
        BigDecimal value = number(raw);
        if (value == null) {
            problems.add(Violation.of(field + ".value", "rule.plan.notNumber", indicator.name(), year, String.valueOf(raw)));
            return Optional.empty();
        }
        int before = problems.size();
        if (value.signum() < 0) {
            problems.add(Violation.of(field + ".value", "rule.plan.negative", indicator.name(), year));
        }
        switch (indicator.valueType()) {
            case INTEGER -> {
                if (value.stripTrailingZeros().scale() > 0) {
                    problems.add(Violation.of(field + ".value", "rule.plan.integer", indicator.name(), year, value.toPlainString()));
                }
            }
            case DECIMAL -> {
                if (value.stripTrailingZeros().scale() > DECIMAL_SCALE) {
                    problems.add(Violation.of(field + ".value", "rule.plan.scale", indicator.name(), year, DECIMAL_SCALE));
                }
            }
            case PERCENT -> {
                if (value.compareTo(BigDecimal.valueOf(100)) > 0) {
                    problems.add(Violation.of(field + ".value", "rule.plan.percent", indicator.name(), year, value.toPlainString()));
                } else if (value.stripTrailingZeros().scale() > PERCENT_SCALE) {
                    problems.add(Violation.of(field + ".value", "rule.plan.scale", indicator.name(), year, PERCENT_SCALE));
                }
            }
        }
        return problems.size() == before ? Optional.of(value.stripTrailingZeros().scale() < 0
                ? value.setScale(0) : value.stripTrailingZeros()) : Optional.empty();
    }

    private static BigDecimal number(Object raw) {
        if (raw instanceof BigDecimal decimal) {
            return decimal;
        }
        if (raw instanceof Number number) {
            return new BigDecimal(number.toString());
        }
        if (raw instanceof String text && !text.isBlank()) {
            try {
                return new BigDecimal(text.trim().replace(",", ""));
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    static void planComplete(ProgrammeDefinition programme, TypeRules type, List<PlanValue> plan, List<Violation> problems) {
        Map<String, BigDecimal> values = new HashMap<>();
        for (PlanValue value : plan) {
            List<Violation> own = new ArrayList<>();
            planValue("plan", programme, type, value.indicator(), value.year(), value.value(), own);
            problems.addAll(own);
            values.put(value.indicator() + "@" + value.year(), value.value());
        }
        for (PlanIndicator indicator : type.indicators()) {
            for (int year : type.yearsOf(indicator, programme.planYears())) {
                if (!values.containsKey(indicator.code() + "@" + year)) {
                    problems.add(Violation.of("plan." + indicator.code() + "." + year, "rule.plan.missing",
                            indicatorLabel(indicator), year));
                }
            }
        }
        for (PlanIndicator indicator : type.indicators()) {
            for (int year : type.yearsOf(indicator, programme.planYears())) {
                BigDecimal value = values.get(indicator.code() + "@" + year);
                if (value == null) {
                    continue;
                }
                if (!indicator.sumOf().isEmpty()) {
                    List<BigDecimal> parts = indicator.sumOf().stream().map(code -> values.get(code + "@" + year)).toList();
                    if (parts.stream().allMatch(Objects::nonNull)) {
                        BigDecimal sum = parts.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
                        if (sum.subtract(value).abs().compareTo(new BigDecimal("0.005")) > 0) {
                            problems.add(Violation.of("plan." + indicator.code() + "." + year, "rule.plan.sum",
                                    indicatorLabel(indicator), year, value.toPlainString(), sum.toPlainString()));
                        }
                    }
                }
                if (indicator.partOf() != null) {
                    BigDecimal whole = values.get(indicator.partOf() + "@" + year);
                    if (whole != null && value.compareTo(whole) > 0) {
                        String wholeName = type.indicator(indicator.partOf()).map(FormRules::indicatorLabel).orElse("");
                        problems.add(Violation.of("plan." + indicator.code() + "." + year, "rule.plan.part",
                                indicatorLabel(indicator), wholeName, year));
                    }
                }
            }
        }
    }

    /** 指标名称, with its sub-group where the name alone is ambiguous (省部级 → 取得省级以上技术创新成果数量 · 省部级). */
    static String indicatorLabel(PlanIndicator indicator) {
        return indicator.subgroup() == null || indicator.name().length() > 6 ? indicator.name()
                : indicator.subgroup() + " · " + indicator.name();
    }

    // ---------------------------------------------------------------- text sections

    static void section(TypeRules type, String code, String text, List<Violation> problems) {
        Optional<TextSection> section = type.section(code);
        if (section.isEmpty()) {
            problems.add(Violation.of("sections." + code, "rule.section.unknown", code,
                    String.join(", ", type.sections().stream().map(TextSection::code).toList())));
            return;
        }
        int count = CharacterCount.of(text);
        if (count > section.get().maxChars()) {
            problems.add(Violation.of("sections." + code, "rule.section.tooLong", section.get().title(), count,
                    section.get().maxChars()));
        }
    }

    static void sectionsComplete(TypeRules type, Map<String, String> sections, List<Violation> problems) {
        sections.forEach((code, text) -> section(type, code, text, problems));
        for (TextSection section : type.sections()) {
            String text = sections.get(section.code());
            if (section.required() && (text == null || CharacterCount.of(text) == 0)) {
                problems.add(Violation.of("sections." + section.code(), "rule.section.required", section.title()));
            }
        }
    }

    // ---------------------------------------------------------------- attachments

    static void attachmentsComplete(TypeRules type, List<StoredAttachment> attachments, List<Violation> problems) {
        for (AttachmentRequirement requirement : type.attachments()) {
            long count = attachments.stream().filter(a -> a.kind().equals(requirement.kind())).count();
            if (requirement.required() && count == 0) {
                problems.add(Violation.of("attachments." + requirement.kind(), "rule.attachment.required", requirement.name()));
            }
            if (count > requirement.maxFiles()) {
                problems.add(Violation.of("attachments." + requirement.kind(), "rule.attachment.tooMany",
                        requirement.name(), requirement.maxFiles()));
            }
        }
    }

    /** A message argument that is itself a message (localized), with a fallback text. */
    static DefaultMessageSourceResolvable label(String code, String fallback) {
        return new DefaultMessageSourceResolvable(new String[] { code }, fallback) {
            @Override
            public String toString() {
                return code;
            }

            @Override
            public boolean equals(Object other) {
                return other instanceof DefaultMessageSourceResolvable o && o.getCode() != null && o.getCode().equals(code);
            }

            @Override
            public int hashCode() {
                return code.hashCode();
            }
        };
    }

    static DefaultMessageSourceResolvable label(String code) {
        return label(code, code.substring(code.indexOf('.') + 1));
    }
}
