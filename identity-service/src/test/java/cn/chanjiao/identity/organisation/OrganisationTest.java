package cn.chanjiao.identity.organisation;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class OrganisationTest {

    private static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");
    private static final Instant T1 = Instant.parse("2026-11-02T00:00:00Z");

    @Test
    void aNewRegistrationIsPending() {
        Organisation organisation = Organisation.register(UUID.randomUUID(), details("某企业", "0351-1234567"), T0);

        assertThat(organisation.status()).isEqualTo(OrganisationStatus.PENDING);
        assertThat(organisation.regionCode()).isEqualTo("140100");
    }

    @Test
    void anEditNamesTheFieldsThatChangedAndNothingWhenNothingDid() {
        Organisation organisation = Organisation.register(UUID.randomUUID(), details("某企业", "0351-1234567"), T0);

        assertThat(organisation.edit(details("某企业", "0351-1234567"), T1)).isEmpty();
        assertThat(organisation.updatedAt()).isEqualTo(T0);
        assertThat(organisation.edit(details("某企业", "0351-7654321"), T1)).containsExactly("phone");
        assertThat(organisation.updatedAt()).isEqualTo(T1);
    }

    @Test
    void aVerifiedOrganisationIsPendingAgainOnlyWhenWhatIdentifiesItChanges() {
        Organisation organisation = Organisation.register(UUID.randomUUID(), details("某企业", "0351-1234567"), T0);
        organisation.verify("admin", "140000", T0);

        organisation.edit(details("某企业", "0351-7654321"), T1);
        assertThat(organisation.status()).isEqualTo(OrganisationStatus.VERIFIED);

        organisation.edit(details("某企业集团", "0351-7654321"), T1);
        assertThat(organisation.status()).isEqualTo(OrganisationStatus.PENDING);
    }

    @Test
    void aRejectedOrganisationThatIsCorrectedIsPendingAgainWithoutTheReason() {
        Organisation organisation = Organisation.register(UUID.randomUUID(), details("某企业", "0351-1234567"), T0);
        organisation.reject("地址不详", "admin", "140000", T0);
        assertThat(organisation.rejectionReason()).isEqualTo("地址不详");

        organisation.edit(details("某企业", "0351-7654321"), T1);

        assertThat(organisation.status()).isEqualTo(OrganisationStatus.PENDING);
        assertThat(organisation.rejectionReason()).isNull();
    }

    private static OrganisationDetails details(String name, String phone) {
        return new OrganisationDetails("ENTERPRISE", name, null, "91350100M000100Y43", null,
                new OrganisationDetails.Region("140000", "140100", null), "太原市某路 1 号", null, phone, null, null, null,
                null, null);
    }
}
