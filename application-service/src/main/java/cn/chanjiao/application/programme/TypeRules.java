package cn.chanjiao.application.programme;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import java.util.List;
import java.util.Optional;

/**
 * The rules of one platform type within a programme: who leads, who may take part, what the form
 * asks (basic fields, the construction-plan table, text sections, attachments), how it is reviewed
 * and how many may be recommended.
 *
 * @param type               the platform type
 * @param name               its name in the call, e.g. 行业产教融合共同体
 * @param formTitle          the form's title, e.g. 行业产教融合共同体申报书
 * @param baselineYear       the year of the form's baseline data (已有基础), if the form has one
 * @param lead               the lead-unit composition rule
 * @param participants       who may take part and what is asked of each
 * @param recommendation     which region recommends (and reviews first)
 * @param requiredBasicFields basic-information fields that must be filled at submission
 * @param indicators         the plan indicator catalogue of the form's construction-plan table
 * @param sections           the form's free-text sections with their character limits
 * @param attachments        the attachments asked for
 * @param reviewRoute        the review stages, in order
 * @param quota              how many may be recommended / approved
 * @param commitmentText     the commitment (承诺) the lead signs
 * @param scoringSheet       the programme's indicator system experts score by (建设指标), if it has one
 */
public record TypeRules(
        @NotNull PlatformType type,
        @NotBlank @Size(max = 100) String name,
        @NotBlank @Size(max = 100) String formTitle,
        @Min(2000) @Max(2100) Integer baselineYear,
        @NotNull @Valid LeadRule lead,
        @NotNull @Valid ParticipantRule participants,
        @NotNull @Valid Recommendation recommendation,
        List<@NotBlank String> requiredBasicFields,
        @NotEmpty @Valid List<PlanIndicator> indicators,
        @NotEmpty @Valid List<TextSection> sections,
        @Valid List<AttachmentRequirement> attachments,
        @NotEmpty @Valid List<ReviewStage> reviewRoute,
        @Valid Quota quota,
        @NotBlank @Size(max = 2000) String commitmentText,
        @Valid List<ScoringItem> scoringSheet) {

    public TypeRules {
        requiredBasicFields = requiredBasicFields == null ? List.of() : List.copyOf(requiredBasicFields);
        indicators = indicators == null ? List.of() : List.copyOf(indicators);
        sections = sections == null ? List.of() : List.copyOf(sections);
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
        reviewRoute = reviewRoute == null ? List.of() : List.copyOf(reviewRoute);
        scoringSheet = scoringSheet == null ? List.of() : List.copyOf(scoringSheet);
    }

    /** These rules with the baseline year and every indicator's own years moved by {@code years}. */
    public TypeRules shiftedBy(int years) {
        if (years == 0) {
            return this;
        }
        List<PlanIndicator> moved = indicators.stream().map(i -> new PlanIndicator(i.code(), i.group(), i.subgroup(),
                i.name(), i.unit(), i.valueType(), i.years().stream().map(y -> y + years).toList(), i.partOf(),
                i.sumOf())).toList();
        return new TypeRules(type, name, formTitle, baselineYear == null ? null : baselineYear + years, lead, participants,
                recommendation, requiredBasicFields, moved, sections, attachments, reviewRoute, quota, commitmentText,
                scoringSheet);
    }

    public Optional<PlanIndicator> indicator(String code) {
        return indicators.stream().filter(i -> i.code().equals(code)).findFirst();
    }

    public Optional<TextSection> section(String code) {
        return sections.stream().filter(s -> s.code().equals(code)).findFirst();
    }

    public Optional<AttachmentRequirement> attachment(String kind) {
        return attachments.stream().filter(a -> a.kind().equals(kind)).findFirst();
    }

    /** The years an indicator takes values for: its own list, else the baseline year and the plan years. */
    public List<Integer> yearsOf(PlanIndicator indicator, ProgrammeDefinition.YearRange planYears) {
        if (indicator.years() != null && !indicator.years().isEmpty()) {
            return indicator.years();
        }
        List<Integer> years = new java.util.ArrayList<>();
        if (baselineYear != null) {
            years.add(baselineYear);
        }
        years.addAll(planYears.years());
        return List.copyOf(years);
    }

    /**
     * Lead units: roles such as the lead enterprise, university and vocational school.
     *
     * @param roles        the roles, each filled by one or more organisations
     * @param withinRegion GB/T 2260 code every lead must be located in (e.g. 330100: inside Hangzhou)
     */
    public record LeadRule(@NotEmpty @Valid List<LeadRole> roles, @Pattern(regexp = "\\d{6}") String withinRegion) {

        public Optional<LeadRole> role(String code) {
            return roles.stream().filter(r -> r.code().equals(code)).findFirst();
        }

        public Optional<LeadRole> filingRole() {
            return roles.stream().filter(LeadRole::filing).findFirst();
        }
    }

    /**
     * @param code               e.g. {@code ENTERPRISE}, {@code UNIVERSITY}
     * @param name               e.g. 牵头企业
     * @param kinds              organisation kinds (identity-service) that may fill it
     * @param min                at least this many at submission
     * @param max                at most this many, ever
     * @param requiredAttributes organisation attributes that must be true, e.g. {@code mastersDegreeRights}
     * @param filing             the role of the organisation that files the application
     */
    public record LeadRole(@NotBlank @Pattern(regexp = "[A-Z][A-Z0-9_]*") String code, @NotBlank String name,
            @NotEmpty List<@NotBlank String> kinds, @Min(0) int min, @Min(1) @Max(20) int max,
            List<@NotBlank String> requiredAttributes, boolean filing) {

        public LeadRole {
            requiredAttributes = requiredAttributes == null ? List.of() : List.copyOf(requiredAttributes);
        }
    }

    /**
     * Participants (参与单位 / 成员单位 / 共建单位).
     *
     * @param types          the participant types of the form's table
     * @param minCount       at least this many participants in all
     * @param maxCount       at most this many
     * @param codeRequired   each needs a USCC or school code
     * @param regionLevel    the region each must give: {@code PROVINCE}, {@code CITY}, {@code DISTRICT}; none when absent
     * @param withinRegion   every participant must be located in this region
     * @param proofRequired  each needs a proof of participation (参与证明材料) attachment
     */
    public record ParticipantRule(@NotEmpty @Valid List<ParticipantType> types, @Min(0) int minCount,
            @Min(1) @Max(1000) int maxCount, boolean codeRequired, ProgrammeDefinition.Level regionLevel,
            @Pattern(regexp = "\\d{6}") String withinRegion, boolean proofRequired) {

        public Optional<ParticipantType> type(String code) {
            return types.stream().filter(t -> t.code().equals(code)).findFirst();
        }
    }

    /**
     * @param code          e.g. {@code SCHOOL}
     * @param name          e.g. 学校（含中等职业学校、高等职业学校、本科层次职业学校、普通高等学校）
     * @param min           at least this many of this type at submission
     * @param studentCount  the form asks its number of enrolled students (在校生数)
     */
    public record ParticipantType(@NotBlank @Pattern(regexp = "[A-Z][A-Z0-9_]*") String code, @NotBlank String name,
            @Min(0) int min, boolean studentCount) {
    }

    /**
     * Which region recommends the application (推荐省份 / 推荐区、县（市）): the authority of that
     * region reviews it first.
     *
     * @param level          the level of the recommending region
     * @param within         the recommending region must lie inside this one (e.g. 140000 Shanxi)
     * @param fromLeadUnits  it must be the region (at that level) of one of the lead units
     */
    public record Recommendation(@NotNull ProgrammeDefinition.Level level, @Pattern(regexp = "\\d{6}") String within,
            boolean fromLeadUnits) {
    }

    /**
     * A row of the construction-plan table.
     *
     * @param code      stable code, e.g. {@code CORE_COURSES}
     * @param group     the table's group, e.g. 开发产教资源
     * @param subgroup  the sub-group, e.g. 校企联合招生培养, if any
     * @param name      the row, e.g. 开发专业核心课程数量
     * @param unit      e.g. 门, 人, 万元, %
     * @param valueType integer, decimal or percent
     * @param years     the years it takes values for, if not the baseline and plan years
     * @param partOf    a row this one is part of (其中): its value never exceeds that row's
     * @param sumOf     rows this one is the total of (合计): its value equals their sum
     */
    public record PlanIndicator(@NotBlank @Pattern(regexp = "[A-Z][A-Z0-9_]*") @Size(max = 64) String code,
            @NotBlank @Size(max = 100) String group, @Size(max = 200) String subgroup,
            @NotBlank @Size(max = 300) String name, @NotBlank @Size(max = 20) String unit, @NotNull ValueType valueType,
            List<@NotNull Integer> years, String partOf, List<String> sumOf) {

        public PlanIndicator {
            years = years == null ? List.of() : List.copyOf(years);
            sumOf = sumOf == null ? List.of() : List.copyOf(sumOf);
        }
    }

    public enum ValueType {
        INTEGER, DECIMAL, PERCENT
    }

    /**
     * @param code     e.g. {@code KEY_TASKS}
     * @param title    e.g. 重点建设任务
     * @param maxChars limit in characters as a person counts them
     * @param required must be filled at submission
     * @param hint     what it should contain (the form's note)
     */
    public record TextSection(@NotBlank @Pattern(regexp = "[A-Z][A-Z0-9_]*") @Size(max = 64) String code,
            @NotBlank @Size(max = 200) String title, @Positive @Max(100000) int maxChars, boolean required,
            @Size(max = 1000) String hint) {
    }

    /**
     * @param kind     e.g. {@code STAMPED_FORM}, {@code SUPPORTING_MATERIALS}, {@code PARTICIPATION_PROOF}
     * @param name     e.g. 盖章申报书扫描件
     * @param required at least one file at submission
     * @param maxFiles at most this many files
     * @param maxBytes largest file accepted
     * @param fileTypes accepted types (PDF, JPEG, PNG, DOCX, XLSX); all of them when absent
     */
    public record AttachmentRequirement(@NotBlank @Pattern(regexp = "[A-Z][A-Z0-9_]*") @Size(max = 40) String kind,
            @NotBlank @Size(max = 100) String name, boolean required, @Min(1) @Max(500) int maxFiles,
            @Positive long maxBytes, List<@NotBlank String> fileTypes) {

        public AttachmentRequirement {
            fileTypes = fileTypes == null ? List.of() : List.copyOf(fileTypes);
        }
    }

    /**
     * A review stage.
     *
     * @param stage         {@code PRELIMINARY_REVIEW} (初审), {@code RECOMMENDATION} (推荐), {@code EXPERT_REVIEW},
     *                      {@code MEETING_REVIEW}, {@code SITE_VISIT}
     * @param name          e.g. 属地发改部门初审
     * @param level         level of the reviewing authority
     * @param authorityCode the reviewing authority when fixed; else the application's region at {@code level}
     * @param department    the reviewing department, as in tokens: {@code education}, {@code development-reform} …
     * @param optional      held only where the authority decides (视情)
     * @param skippedFor    lead attributes that skip this stage (e.g. central SOEs file directly)
     * @param avoidSameCity expert review: experts from the city of a lead unit are never assigned
     */
    public record ReviewStage(@NotNull ReviewStageKind stage, @NotBlank @Size(max = 100) String name,
            @NotNull ProgrammeDefinition.Level level, @Pattern(regexp = "\\d{6}") String authorityCode,
            @NotBlank @Size(max = 40) String department, boolean optional, List<String> skippedFor,
            boolean avoidSameCity) {

        public ReviewStage {
            skippedFor = skippedFor == null ? List.of() : List.copyOf(skippedFor);
        }
    }

    public enum ReviewStageKind {
        PRELIMINARY_REVIEW, RECOMMENDATION, EXPERT_REVIEW, MEETING_REVIEW, SITE_VISIT
    }

    /**
     * @param limit  how many
     * @param scope  {@code TOTAL}: in the whole programme; {@code PER_RECOMMENDING_REGION}: per recommending authority
     */
    public record Quota(@Positive @Max(10000) int limit, @NotNull QuotaScope scope) {
    }

    public enum QuotaScope {
        TOTAL, PER_RECOMMENDING_REGION
    }

    /**
     * A basic indicator of the expert scoring sheet (基本指标) with its observation points (观测点).
     *
     * @param code              e.g. {@code 1}
     * @param name              e.g. 基本情况
     * @param observationPoints what experts look at
     * @param deduction         the item only deducts points (e.g. violations in the last 3 years)
     * @param maxDeduction      a deduction item: at most this many points are deducted
     */
    public record ScoringItem(@NotBlank @Size(max = 20) String code, @NotBlank @Size(max = 100) String name,
            @Valid List<ObservationPoint> observationPoints, boolean deduction,
            @jakarta.validation.constraints.PositiveOrZero java.math.BigDecimal maxDeduction) {

        public ScoringItem {
            observationPoints = observationPoints == null ? List.of() : List.copyOf(observationPoints);
        }
    }

    /**
     * @param maxScore the most an expert may give for it (the weight); 0 for the observation point of a deduction item
     */
    public record ObservationPoint(@NotBlank @Size(max = 20) String code, @NotBlank @Size(max = 1000) String text,
            @jakarta.validation.constraints.PositiveOrZero java.math.BigDecimal maxScore) {
    }
}
