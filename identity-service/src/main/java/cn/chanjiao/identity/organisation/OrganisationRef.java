package cn.chanjiao.identity.organisation;

import java.util.UUID;

/**
 * What other features of identity-service need to know of an organisation: whom it belongs to in
 * the jurisdiction tree and whether it is verified.
 *
 * @param regionCode the most specific of its region codes (the {@code authority_code} of its users)
 */
public record OrganisationRef(UUID id, String name, OrganisationKind kind, OrganisationStatus status,
        String provinceCode, String cityCode, String districtCode, String regionCode) {

    static OrganisationRef of(Organisation o) {
        return new OrganisationRef(o.id(), o.name(), o.kind(), o.status(), o.provinceCode(), o.cityCode(),
                o.districtCode(), o.regionCode());
    }
}
