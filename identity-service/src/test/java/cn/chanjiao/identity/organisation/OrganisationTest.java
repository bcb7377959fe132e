package cn.chanjiao.identity.organisation;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;
import java.util.stream.Stream;

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

    @Test
    void everyAttributeAProgrammeRuleMayReadIsReVerifiedWhenItChanges() {
        assertThat(Arrays.stream(OrganisationDetails.Attributes.class.getRecordComponents())
                .map(RecordComponent::getName).map(name -> "attributes." + name))
                .allSatisfy(field -> assertThat(Organisation.IDENTIFYING).contains(field));
    }

    static Stream<OrganisationDetails.Attributes> claimedAttributes() {
        return Stream.of(
                attributes(true, null, null, null, null, null),
                attributes(null, true, null, null, null, null),
                attributes(null, null, true, null, null, null),
                attributes(null, null, null, true, null, null),
                attributes(null, null, null, null, "NATIONAL", null),
                attributes(null, null, null, null, null, "NATIONAL"));
    }

    @ParameterizedTest
    @MethodSource("claimedAttributes")
    void aVerifiedOrganisationThatClaimsARuleAttributeIsPendingAgain(OrganisationDetails.Attributes claimed) {
        Organisation organisation = Organisation.register(UUID.randomUUID(), details("某企业", "0351-1234567"), T0);
        organisation.verify("admin", "140000", T0);

        var changed = organisation.edit(withAttributes(details("某企业", "0351-1234567"), claimed), T1);

        assertThat(changed).singleElement().asString().startsWith("attributes.");
        assertThat(organisation.status()).isEqualTo(OrganisationStatus.PENDING);
    }

    @Test
    void aVerifiedOrganisationThatNoLongerClaimsAnAttributeIsPendingAgainToo() {
        Organisation organisation = Organisation.register(UUID.randomUUID(),
                withAttributes(details("某企业", "0351-1234567"), attributes(null, null, true, null, null, null)), T0);
        organisation.verify("admin", "140000", T0);

        assertThat(organisation.edit(details("某企业", "0351-1234567"), T1)).containsExactly("attributes.centralSoe");
        assertThat(organisation.status()).isEqualTo(OrganisationStatus.PENDING);
    }

    private static OrganisationDetails.Attributes attributes(Boolean masterDegreeRights, Boolean doctoralDegreeRights,
            Boolean centralSoe, Boolean independentTrainingInstitution, String doubleHighLevel, String parkLevel) {
        return new OrganisationDetails.Attributes(centralSoe, null, null, masterDegreeRights, doctoralDegreeRights, null,
                doubleHighLevel, independentTrainingInstitution, parkLevel, null, null, null, null, null);
    }

    private static OrganisationDetails withAttributes(OrganisationDetails d, OrganisationDetails.Attributes a) {
        return new OrganisationDetails(d.kind(), d.name(), d.shortName(), d.uscc(), d.schoolCode(), d.region(),
                d.address(), d.postalCode(), d.phone(), d.email(), d.website(), d.industry(), d.leader(), a);
    }

    private static OrganisationDetails details(String name, String phone) {
        return new OrganisationDetails("ENTERPRISE", name, null, "91350100M000100Y43", null,
                new OrganisationDetails.Region("140000", "140100", null), "太原市某路 1 号", null, phone, null, null, null,
                null, null);
    }
}
