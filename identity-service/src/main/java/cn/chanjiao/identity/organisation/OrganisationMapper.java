package cn.chanjiao.identity.organisation;

import cn.chanjiao.identity.authority.Authority;
import cn.chanjiao.identity.authority.AuthorityDirectory;
import org.springframework.stereotype.Component;

/** Entity to response, with the region's names from the jurisdiction tree. */
@Component
class OrganisationMapper {

    private final AuthorityDirectory authorities;

    OrganisationMapper(AuthorityDirectory authorities) {
        this.authorities = authorities;
    }

    OrganisationResponse response(Organisation o) {
        var region = new OrganisationResponse.RegionResponse(o.provinceCode(), name(o.provinceCode()), o.cityCode(),
                name(o.cityCode()), o.districtCode(), name(o.districtCode()));
        var leader = o.leaderName() == null ? null
                : new OrganisationResponse.LeaderResponse(o.leaderName(), o.leaderTitle(), o.leaderPhone(), o.leaderEmail());
        var attributes = new OrganisationResponse.AttributesResponse(o.centralSoe(), o.chinaTop500(),
                o.integrationEnterpriseLevel(), o.masterDegreeRights(), o.doctoralDegreeRights(), o.vocationalLevel(),
                o.doubleHighLevel(), o.independentTrainingInstitution(), o.parkLevel(), o.parkOutputValue(),
                o.parkOutputYear(), o.managementCommittee(), o.governmentAuthorityCode(), o.governmentDepartment());
        var review = o.reviewedAt() == null || o.status() == OrganisationStatus.PENDING ? null
                : new OrganisationResponse.ReviewResponse(o.status().name(), o.rejectionReason(), o.reviewedBy(),
                        o.reviewedByAuthority(), o.reviewedAt());
        return new OrganisationResponse(o.id(), o.kind().name(), o.name(), o.shortName(), o.uscc(), o.schoolCode(), region,
                o.address(), o.postalCode(), o.phone(), o.email(), o.website(), o.industry(), leader, attributes,
                o.status().name(), o.status() == OrganisationStatus.VERIFIED, review, o.createdAt(), o.updatedAt(),
                o.version());
    }

    private String name(String code) {
        return code == null ? null : authorities.find(code).map(Authority::name).orElse(null);
    }
}
