package cn.chanjiao.identity.organisation;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * An organisation as the API shows it; {@link #version} is also its ETag.
 *
 * @param canLeadApplications whether it may lead an application: only a verified organisation may
 * @param review              who verified or rejected it, when, and why (a rejection's reason); null while never reviewed
 */
public record OrganisationResponse(UUID id, String kind, String name, String shortName, String uscc, String schoolCode,
        RegionResponse region, String address, String postalCode, String phone, String email, String website,
        String industry, LeaderResponse leader, AttributesResponse attributes, String status,
        boolean canLeadApplications, ReviewResponse review, Instant createdAt, Instant updatedAt, long version) {

    public record RegionResponse(String provinceCode, String provinceName, String cityCode, String cityName,
            String districtCode, String districtName) {
    }

    public record LeaderResponse(String name, String title, String phone, String email) {
    }

    public record AttributesResponse(Boolean centralSoe, Boolean chinaTop500, String integrationEnterpriseLevel,
            Boolean masterDegreeRights, Boolean doctoralDegreeRights, String vocationalLevel, String doubleHighLevel,
            Boolean independentTrainingInstitution, String parkLevel, BigDecimal parkOutputValue, Integer parkOutputYear,
            String managementCommittee, String governmentAuthorityCode, String governmentDepartment) {
    }

    public record ReviewResponse(String decision, String reason, String reviewedBy, String authorityCode, Instant reviewedAt) {
    }
}
