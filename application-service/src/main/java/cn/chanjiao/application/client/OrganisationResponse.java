package cn.chanjiao.application.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * An organisation as identity-service answers it ({@code cn.chanjiao.identity.organisation.OrganisationResponse}),
 * the fields this service reads; others are ignored.
 *
 * @param kind       {@code ENTERPRISE}, {@code UNIVERSITY}, {@code VOCATIONAL_SCHOOL}, {@code RESEARCH_INSTITUTE},
 *                   {@code INDUSTRY_ORGANISATION}, {@code GOVERNMENT_DEPARTMENT}, {@code INDUSTRIAL_PARK}, {@code OTHER}
 * @param region     where it is (GB/T 2260 codes)
 * @param attributes what programme rules look at: {@code centralSoe}, {@code chinaTop500},
 *                   {@code integrationEnterpriseLevel}, {@code masterDegreeRights}, {@code doctoralDegreeRights},
 *                   {@code vocationalLevel}, {@code doubleHighLevel}, {@code independentTrainingInstitution},
 *                   {@code parkLevel}, {@code parkOutputValue} …
 * @param status     {@code PENDING}, {@code VERIFIED} or {@code REJECTED}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record OrganisationResponse(UUID id, String kind, String name, String uscc, String schoolCode, Region region,
        String address, Map<String, Object> attributes, String status) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Region(String provinceCode, String cityCode, String districtCode) {
    }

    public boolean verified() {
        return "VERIFIED".equalsIgnoreCase(status);
    }

    public String provinceCode() {
        return region == null ? null : region.provinceCode();
    }

    public String cityCode() {
        return region == null ? null : region.cityCode();
    }

    public String districtCode() {
        return region == null ? null : region.districtCode();
    }

    /** The most specific region code known: district, else city, else province. */
    public Optional<String> regionCode() {
        return Optional.ofNullable(districtCode()).or(() -> Optional.ofNullable(cityCode()))
                .or(() -> Optional.ofNullable(provinceCode()));
    }

    /**
     * Whether the organisation holds a rule attribute: a true flag, or a level that is set (e.g.
     * {@code doubleHighLevel: NATIONAL}).
     */
    public boolean has(String attribute) {
        Object value = attributes == null ? null : attributes.get(attribute);
        if (value instanceof Boolean flag) {
            return flag;
        }
        return value != null && !value.toString().isBlank() && !"false".equalsIgnoreCase(value.toString())
                && !"NONE".equalsIgnoreCase(value.toString());
    }
}
