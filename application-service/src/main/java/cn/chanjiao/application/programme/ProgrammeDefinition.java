package cn.chanjiao.application.programme;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;
import java.util.Optional;

/**
 * A programme (申报批次, a call for applications) as data: who issues it, when applications are
 * taken, and per platform type the rules of the form. Loaded from {@code programmes/*.yml} on first
 * start and edited by programme admins; validated as a whole by {@link ProgrammeRules}.
 *
 * @param code              stable code, e.g. {@code HZ-PLATFORMS-2024}
 * @param name              the call's title
 * @param documentNumber    the issuing document's number (文号), if any
 * @param authority         the issuing authority
 * @param planYears         the years of the construction plan (plan targets are asked for these years)
 * @param noticeWorkingDays minimum length of the public notice (公示) in working days
 * @param windows           registration and other windows, fixed or recurring every year
 * @param platformTypes     the platform types accepted, each with its form rules
 * @param source            where the rules come from (seed document), for people
 * @param planYearsFollowApplication rolling registration (seed 000 / 001: 2024年起每年1月1日-10月31日): an application
 *                          made in a later year than {@code planYears.from} plans the same number of years from its own
 *                          year (made in 2025: 2025–2027), baseline and indicator years shifted alike; null = no
 */
public record ProgrammeDefinition(
        @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Z0-9][A-Z0-9_-]*") String code,
        @NotBlank @Size(max = 200) String name,
        @Size(max = 100) String documentNumber,
        @NotNull @Valid Authority authority,
        @Size(max = 4000) String description,
        @NotNull @Valid YearRange planYears,
        @Min(0) @Max(60) int noticeWorkingDays,
        @NotEmpty @Valid List<Window> windows,
        @NotEmpty @Valid List<TypeRules> platformTypes,
        @Size(max = 500) String source,
        Boolean planYearsFollowApplication) {

    public ProgrammeDefinition {
        windows = windows == null ? List.of() : List.copyOf(windows);
        platformTypes = platformTypes == null ? List.of() : List.copyOf(platformTypes);
    }

    /**
     * The programme as an application made in {@code applicationYear} sees it: with
     * {@code planYearsFollowApplication}, plan years (and baseline and indicator years) moved to start in that year;
     * otherwise, or in the programme's first year or before, this programme unchanged.
     */
    public ProgrammeDefinition forApplicationYear(int applicationYear) {
        if (!Boolean.TRUE.equals(planYearsFollowApplication) || applicationYear <= planYears.from()) {
            return this;
        }
        int offset = applicationYear - planYears.from();
        return new ProgrammeDefinition(code, name, documentNumber, authority, description,
                new YearRange(planYears.from() + offset, planYears.to() + offset), noticeWorkingDays, windows,
                platformTypes.stream().map(t -> t.shiftedBy(offset)).toList(), source, planYearsFollowApplication);
    }

    public Optional<TypeRules> type(PlatformType type) {
        return platformTypes.stream().filter(rules -> rules.type() == type).findFirst();
    }

    /** The issuing authority: a node of the jurisdiction tree (GB/T 2260 code) and its level. */
    public record Authority(@NotBlank @Pattern(regexp = "\\d{6}") String code, @NotNull Level level,
            @NotBlank @Size(max = 200) String name, @Size(max = 40) String department) {
    }

    public enum Level {
        NATIONAL, PROVINCE, CITY, DISTRICT
    }

    public record YearRange(@Min(2000) @Max(2100) int from, @Min(2000) @Max(2100) int to) {

        public boolean contains(int year) {
            return year >= from && year <= to;
        }

        public List<Integer> years() {
            return java.util.stream.IntStream.rangeClosed(from, Math.max(from, to)).boxed().toList();
        }
    }
}
