package cn.chanjiao.application.programme;

import cn.chanjiao.application.programme.TypeRules.AttachmentRequirement;
import cn.chanjiao.application.programme.TypeRules.LeadRole;
import cn.chanjiao.application.programme.TypeRules.PlanIndicator;
import cn.chanjiao.kit.web.Violation;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What a programme must satisfy beyond its fields' own constraints: windows in order, a way to
 * register, plan years after the baseline, unique codes, lead roles that can be filled, consistent
 * indicator references. Returns every problem found, none when the programme is sound.
 */
public final class ProgrammeRules {

    /** File types an attachment can be recognised as (see the attachment feature). */
    public static final Set<String> FILE_TYPES = Set.of("PDF", "JPEG", "PNG", "DOCX", "XLSX");

    /** Basic-information fields a programme may require. */
    public static final Set<String> BASIC_FIELDS = Set.of("name", "foundedOn", "headName", "headTitle", "headPhone",
            "headEmail", "contactName", "contactOrganisation", "contactTitle", "contactPhone", "contactEmail",
            "recommendingRegionCode", "address", "industryField", "parkName", "secretariat");

    private ProgrammeRules() {
    }

    public static List<Violation> check(ProgrammeDefinition programme) {
        List<Violation> problems = new ArrayList<>();
        if (programme.planYears().from() > programme.planYears().to()) {
            problems.add(Violation.of("planYears", "programme.planYears.order", programme.planYears().from(),
                    programme.planYears().to()));
        } else if (programme.planYears().to() - programme.planYears().from() > 9) {
            problems.add(Violation.of("planYears", "programme.planYears.tooLong"));
        }
        checkWindows(programme, problems);
        Set<PlatformType> types = new HashSet<>();
        for (int i = 0; i < programme.platformTypes().size(); i++) {
            TypeRules type = programme.platformTypes().get(i);
            String at = "platformTypes[" + i + "]";
            if (!types.add(type.type())) {
                problems.add(Violation.of(at + ".type", "programme.type.duplicate", type.type()));
            }
            checkType(programme, type, at, problems);
        }
        return problems;
    }

    private static void checkWindows(ProgrammeDefinition programme, List<Violation> problems) {
        boolean registration = false;
        for (int i = 0; i < programme.windows().size(); i++) {
            Window window = programme.windows().get(i);
            String at = "windows[" + i + "]";
            registration |= window.purpose() == WindowPurpose.REGISTRATION;
            if (window.recurring()) {
                if (window.opensOn() != null || window.closesOn() != null) {
                    problems.add(Violation.of(at, "programme.window.fixedOrYearly"));
                    continue;
                }
                Window.Yearly yearly = window.yearly();
                try {
                    if (yearly.opensDay().isAfter(yearly.closesDay())) {
                        problems.add(Violation.of(at + ".yearly", "programme.window.order", yearly.opens(), yearly.closes()));
                    }
                } catch (RuntimeException e) {
                    problems.add(Violation.of(at + ".yearly", "programme.window.badDay", yearly.opens(), yearly.closes()));
                }
                if (yearly.untilYear() != null && yearly.untilYear() < yearly.fromYear()) {
                    problems.add(Violation.of(at + ".yearly", "programme.window.years", yearly.fromYear(), yearly.untilYear()));
                }
            } else if (window.opensOn() == null || window.closesOn() == null) {
                problems.add(Violation.of(at, "programme.window.fixedOrYearly"));
            } else if (window.opensOn().isAfter(window.closesOn())) {
                problems.add(Violation.of(at, "programme.window.order", window.opensOn(), window.closesOn()));
            }
        }
        if (!registration) {
            problems.add(Violation.of("windows", "programme.window.noRegistration"));
        }
    }

    private static void checkType(ProgrammeDefinition programme, TypeRules type, String at, List<Violation> problems) {
        if (type.baselineYear() != null && type.baselineYear() >= programme.planYears().from()) {
            problems.add(Violation.of(at + ".baselineYear", "programme.baselineYear", type.baselineYear(),
                    programme.planYears().from()));
        }
        // lead roles
        List<LeadRole> roles = type.lead().roles();
        long filing = roles.stream().filter(LeadRole::filing).count();
        if (filing != 1) {
            problems.add(Violation.of(at + ".lead.roles", "programme.lead.filing"));
        }
        unique(roles, LeadRole::code, at + ".lead.roles", problems);
        for (int r = 0; r < roles.size(); r++) {
            LeadRole role = roles.get(r);
            if (role.min() > role.max()) {
                problems.add(Violation.of(at + ".lead.roles[" + r + "]", "programme.minMax", role.min(), role.max()));
            }
            if (role.filing() && (role.min() != 1 || role.max() != 1)) {
                problems.add(Violation.of(at + ".lead.roles[" + r + "]", "programme.lead.filingOne"));
            }
        }
        // participants
        var participants = type.participants();
        if (participants.minCount() > participants.maxCount()) {
            problems.add(Violation.of(at + ".participants", "programme.minMax", participants.minCount(), participants.maxCount()));
        }
        unique(participants.types(), TypeRules.ParticipantType::code, at + ".participants.types", problems);
        if (participants.withinRegion() != null && participants.regionLevel() == null) {
            problems.add(Violation.of(at + ".participants.withinRegion", "programme.participants.regionLevel"));
        }
        // basic fields
        for (String field : type.requiredBasicFields()) {
            if (!BASIC_FIELDS.contains(field)) {
                problems.add(Violation.of(at + ".requiredBasicFields", "programme.basicField.unknown", field,
                        String.join(", ", BASIC_FIELDS.stream().sorted().toList())));
            }
        }
        // indicators
        unique(type.indicators(), PlanIndicator::code, at + ".indicators", problems);
        Map<String, PlanIndicator> byCode = type.indicators().stream()
                .collect(Collectors.toMap(PlanIndicator::code, Function.identity(), (a, b) -> a));
        List<Integer> allowedYears = new ArrayList<>(programme.planYears().years());
        if (type.baselineYear() != null) {
            allowedYears.add(type.baselineYear());
        }
        for (int n = 0; n < type.indicators().size(); n++) {
            PlanIndicator indicator = type.indicators().get(n);
            String path = at + ".indicators[" + n + "]";
            for (Integer year : indicator.years()) {
                if (!allowedYears.contains(year)) {
                    problems.add(Violation.of(path + ".years", "programme.indicator.year", indicator.code(), year));
                }
            }
            if (indicator.partOf() != null && (!byCode.containsKey(indicator.partOf()) || indicator.partOf().equals(indicator.code()))) {
                problems.add(Violation.of(path + ".partOf", "programme.indicator.reference", indicator.code(), indicator.partOf()));
            }
            for (String part : indicator.sumOf()) {
                if (!byCode.containsKey(part) || part.equals(indicator.code())) {
                    problems.add(Violation.of(path + ".sumOf", "programme.indicator.reference", indicator.code(), part));
                }
            }
        }
        unique(type.sections(), TypeRules.TextSection::code, at + ".sections", problems);
        unique(type.attachments(), AttachmentRequirement::kind, at + ".attachments", problems);
        for (int a = 0; a < type.attachments().size(); a++) {
            for (String fileType : type.attachments().get(a).fileTypes()) {
                if (!FILE_TYPES.contains(fileType)) {
                    problems.add(Violation.of(at + ".attachments[" + a + "].fileTypes", "programme.attachment.fileType",
                            fileType, String.join(", ", FILE_TYPES.stream().sorted().toList())));
                }
            }
        }
        if (participants.proofRequired() && type.attachment("PARTICIPATION_PROOF").isEmpty()) {
            problems.add(Violation.of(at + ".attachments", "programme.attachment.proofKind"));
        }
        checkReview(type, at, problems);
    }

    /** The route has a stage that selects after its desk stages; quotas have someone to bound; the sheet has weights. */
    private static void checkReview(TypeRules type, String at, List<Violation> problems) {
        List<ReviewRoutes.Stage> route = ReviewRoutes.route(type, "000000", List.of());
        if (!type.reviewRoute().isEmpty() && ReviewRoutes.selectionStage(route).isEmpty()) {
            problems.add(Violation.of(at + ".reviewRoute", "programme.route.noSelection"));
        }
        if (type.quota() != null && type.quota().scope() == TypeRules.QuotaScope.PER_RECOMMENDING_REGION
                && ReviewRoutes.deskStages(route).isEmpty()) {
            problems.add(Violation.of(at + ".quota", "programme.quota.noRecommender"));
        }
        Set<String> points = new HashSet<>();
        for (int i = 0; i < type.scoringSheet().size(); i++) {
            TypeRules.ScoringItem item = type.scoringSheet().get(i);
            String path = at + ".scoringSheet[" + i + "]";
            if (item.deduction() && (item.maxDeduction() == null || item.maxDeduction().signum() <= 0)) {
                problems.add(Violation.of(path + ".maxDeduction", "programme.scoring.deduction", item.code()));
            }
            for (TypeRules.ObservationPoint point : item.observationPoints()) {
                if (!points.add(point.code())) {
                    problems.add(Violation.of(path, "programme.duplicateCode", point.code()));
                }
                if (!item.deduction() && (point.maxScore() == null || point.maxScore().signum() <= 0)) {
                    problems.add(Violation.of(path + ".observationPoints", "programme.scoring.weight", point.code()));
                }
            }
        }
    }

    private static <T> void unique(List<T> items, Function<T, String> key, String at, List<Violation> problems) {
        Set<String> seen = new HashSet<>();
        for (T item : items) {
            String value = key.apply(item);
            if (value != null && !seen.add(value)) {
                problems.add(Violation.of(at, "programme.duplicateCode", value));
            }
        }
    }
}
