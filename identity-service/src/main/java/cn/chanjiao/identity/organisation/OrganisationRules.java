package cn.chanjiao.identity.organisation;

import cn.chanjiao.identity.authority.Authority;
import cn.chanjiao.identity.authority.AuthorityDirectory;
import cn.chanjiao.identity.authority.AuthorityLevel;
import cn.chanjiao.identity.authority.Department;
import cn.chanjiao.identity.web.FieldProblems;
import org.springframework.stereotype.Component;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The rules of {@link OrganisationDetails} beyond their shape: the kind, the USCC's check character
 * (GB 32100-2015), the school code, the region against the jurisdiction tree, and which attributes
 * fit which kind. Every violation names its field; nothing is written before all pass.
 */
@Component
public class OrganisationRules {

    private static final Pattern SCHOOL_CODE = Pattern.compile("[0-9]{10}");

    private final AuthorityDirectory authorities;

    OrganisationRules(AuthorityDirectory authorities) {
        this.authorities = authorities;
    }

    /**
     * Checks {@code details} (already valid in shape), reporting fields under {@code prefix}
     * (e.g. {@code organisation}) into {@code problems}.
     */
    public void check(OrganisationDetails details, String prefix, FieldProblems problems) {
        String p = prefix == null || prefix.isEmpty() ? "" : prefix + ".";
        Optional<OrganisationKind> kind = parse(OrganisationKind.class, details.kind());
        if (kind.isEmpty()) {
            problems.reject(p + "kind", details.kind(), "problem.field.oneOf", names(OrganisationKind.class));
        }
        checkCodes(details, kind.orElse(null), p, problems);
        checkRegion(details.region(), p + "region.", problems);
        kind.ifPresent(k -> checkAttributes(k, details.attributes() == null ? OrganisationDetails.Attributes.NONE
                : details.attributes(), p + "attributes.", problems));
    }

    private void checkCodes(OrganisationDetails details, OrganisationKind kind, String p, FieldProblems problems) {
        String uscc = blankToNull(details.uscc());
        String schoolCode = blankToNull(details.schoolCode());
        if (uscc != null) {
            UnifiedSocialCreditCode.defect(uscc).ifPresent(defect -> problems.reject(p + "uscc", uscc, switch (defect) {
                case LENGTH -> "problem.uscc.length";
                case LOWER_CASE -> "problem.uscc.lowerCase";
                case ILLEGAL_CHARACTER -> "problem.uscc.illegalCharacter";
                case REGION -> "problem.uscc.region";
                case CHECK_CHARACTER -> "problem.uscc.checkCharacter";
            }));
        } else if (kind != null && !kind.isSchool()) {
            problems.reject(p + "uscc", null, "problem.uscc.required");
        }
        if (schoolCode != null) {
            if (!SCHOOL_CODE.matcher(schoolCode).matches()) {
                problems.reject(p + "schoolCode", schoolCode, "problem.schoolCode.format");
            } else if (kind != null && !kind.isSchool()) {
                problems.reject(p + "schoolCode", schoolCode, "problem.schoolCode.notSchool");
            }
        } else if (kind != null && kind.isSchool()) {
            problems.reject(p + "schoolCode", null, "problem.schoolCode.required");
        }
    }

    private void checkRegion(OrganisationDetails.Region region, String p, FieldProblems problems) {
        String province = blankToNull(region.provinceCode());
        String city = blankToNull(region.cityCode());
        String district = blankToNull(region.districtCode());
        Optional<Authority> provinceAuthority = level(province, AuthorityLevel.PROVINCE, null, p + "provinceCode", problems);
        if (city == null && district != null) {
            problems.reject(p + "cityCode", null, "problem.region.cityRequired");
        }
        if (city != null) {
            Optional<Authority> cityAuthority = level(city, AuthorityLevel.CITY, provinceAuthority.map(Authority::code).orElse(null),
                    p + "cityCode", problems);
            if (district != null) {
                level(district, AuthorityLevel.DISTRICT, cityAuthority.map(Authority::code).orElse(null), p + "districtCode", problems);
            }
        }
    }

    /** The authority {@code code} if it exists at {@code level} below {@code parent}; a problem otherwise. */
    private Optional<Authority> level(String code, AuthorityLevel level, String parent, String field, FieldProblems problems) {
        if (code == null) {
            return Optional.empty();
        }
        Optional<Authority> authority = authorities.find(code);
        if (authority.isEmpty()) {
            problems.reject(field, code, "problem.region.unknown", code);
            return Optional.empty();
        }
        if (authority.get().level() != level) {
            problems.reject(field, code, "problem.region.level." + level.name().toLowerCase(java.util.Locale.ROOT), code);
            return Optional.empty();
        }
        if (parent != null && !parent.equals(authority.get().parentCode())) {
            problems.reject(field, code, "problem.region.notBelow", code, parent);
            return Optional.empty();
        }
        return authority;
    }

    private void checkAttributes(OrganisationKind kind, OrganisationDetails.Attributes a, String p, FieldProblems problems) {
        Map<String, Object> set = new LinkedHashMap<>();
        set.put("centralSoe", a.centralSoe());
        set.put("chinaTop500", a.chinaTop500());
        set.put("integrationEnterpriseLevel", a.integrationEnterpriseLevel());
        set.put("masterDegreeRights", a.masterDegreeRights());
        set.put("doctoralDegreeRights", a.doctoralDegreeRights());
        set.put("vocationalLevel", a.vocationalLevel());
        set.put("doubleHighLevel", a.doubleHighLevel());
        set.put("independentTrainingInstitution", a.independentTrainingInstitution());
        set.put("parkLevel", a.parkLevel());
        set.put("parkOutputValue", a.parkOutputValue());
        set.put("parkOutputYear", a.parkOutputYear());
        set.put("managementCommittee", a.managementCommittee());
        set.put("governmentAuthorityCode", a.governmentAuthorityCode());
        set.put("governmentDepartment", a.governmentDepartment());
        Set<String> allowed = applicable(kind);
        set.forEach((name, value) -> {
            if (value != null && !(value instanceof String s && s.isBlank()) && !allowed.contains(name)) {
                problems.reject(p + name, value, "problem.attribute.notForKind", kind.name());
            }
        });
        enumValue(Levels.IntegrationEnterpriseLevel.class, a.integrationEnterpriseLevel(), p + "integrationEnterpriseLevel", problems);
        Optional<Levels.VocationalLevel> vocational = enumValue(Levels.VocationalLevel.class, a.vocationalLevel(),
                p + "vocationalLevel", problems);
        enumValue(Levels.DoubleHighLevel.class, a.doubleHighLevel(), p + "doubleHighLevel", problems);
        enumValue(Levels.ParkLevel.class, a.parkLevel(), p + "parkLevel", problems);
        switch (kind) {
            case UNIVERSITY -> {
                if (Boolean.TRUE.equals(a.doctoralDegreeRights()) && !Boolean.TRUE.equals(a.masterDegreeRights())) {
                    problems.reject(p + "masterDegreeRights", a.masterDegreeRights(), "problem.attribute.doctoralWithoutMaster");
                }
            }
            case VOCATIONAL_SCHOOL -> {
                if (blankToNull(a.vocationalLevel()) == null) {
                    problems.reject(p + "vocationalLevel", null, "problem.attribute.required", kind.name());
                }
                if (vocational.filter(v -> v == Levels.VocationalLevel.SECONDARY).isPresent() && blankToNull(a.doubleHighLevel()) != null) {
                    problems.reject(p + "doubleHighLevel", a.doubleHighLevel(), "problem.attribute.doubleHighSecondary");
                }
            }
            case INDUSTRIAL_PARK -> {
                if (blankToNull(a.managementCommittee()) == null) {
                    problems.reject(p + "managementCommittee", null, "problem.attribute.required", kind.name());
                }
                if (a.parkOutputValue() != null && a.parkOutputYear() == null) {
                    problems.reject(p + "parkOutputYear", null, "problem.attribute.outputYear");
                }
            }
            case GOVERNMENT_DEPARTMENT -> {
                String authority = blankToNull(a.governmentAuthorityCode());
                if (authority == null) {
                    problems.reject(p + "governmentAuthorityCode", null, "problem.attribute.required", kind.name());
                } else if (authorities.find(authority).isEmpty()) {
                    problems.reject(p + "governmentAuthorityCode", authority, "problem.region.unknown", authority);
                }
                String department = blankToNull(a.governmentDepartment());
                if (department == null) {
                    problems.reject(p + "governmentDepartment", null, "problem.attribute.required", kind.name());
                } else if (Department.ofCode(department).isEmpty()) {
                    problems.reject(p + "governmentDepartment", department, "problem.field.oneOf",
                            Arrays.stream(Department.values()).map(Department::code).collect(Collectors.joining(", ")));
                }
            }
            default -> {
            }
        }
    }

    /** The attributes that apply to a kind. */
    static Set<String> applicable(OrganisationKind kind) {
        return switch (kind) {
            case ENTERPRISE -> Set.of("centralSoe", "chinaTop500", "integrationEnterpriseLevel");
            case UNIVERSITY -> Set.of("masterDegreeRights", "doctoralDegreeRights", "independentTrainingInstitution");
            case VOCATIONAL_SCHOOL -> Set.of("vocationalLevel", "doubleHighLevel", "independentTrainingInstitution");
            case INDUSTRIAL_PARK -> Set.of("parkLevel", "parkOutputValue", "parkOutputYear", "managementCommittee");
            case GOVERNMENT_DEPARTMENT -> Set.of("governmentAuthorityCode", "governmentDepartment");
            default -> Set.of();
        };
    }

    private static <E extends Enum<E>> Optional<E> enumValue(Class<E> type, String value, String field, FieldProblems problems) {
        if (blankToNull(value) == null) {
            return Optional.empty();
        }
        Optional<E> parsed = parse(type, value);
        if (parsed.isEmpty()) {
            problems.reject(field, value, "problem.field.oneOf", names(type));
        }
        return parsed;
    }

    static <E extends Enum<E>> Optional<E> parse(Class<E> type, String value) {
        if (value == null) {
            return Optional.empty();
        }
        return Arrays.stream(type.getEnumConstants()).filter(e -> e.name().equals(value)).findFirst();
    }

    private static <E extends Enum<E>> String names(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

}
