package cn.chanjiao.indicator.platform;

import cn.chanjiao.contracts.application.PlatformApproved;
import cn.chanjiao.indicator.catalogue.Catalogue;
import cn.chanjiao.indicator.catalogue.Catalogues;
import cn.chanjiao.indicator.collection.CollectionWindows;
import cn.chanjiao.indicator.support.IntegrationTestBase;
import cn.chanjiao.indicator.support.Platforms;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Windows are defined once, in application-service's programme: the COLLECTION window carried by
 * {@code PlatformApproved} replaces the catalogue file's default, and the collection opens and closes by it.
 */
class ProgrammeWindowsIT extends IntegrationTestBase {

    private static final String PROGRAMME = "MOE-INDUSTRY-COMMUNITY-2023";

    @Autowired
    Catalogues catalogues;
    @Autowired
    CollectionWindows windows;

    private static PlatformApproved withWindows(PlatformApproved a, List<PlatformApproved.ProgrammeWindow> windows) {
        return new PlatformApproved(a.eventId(), a.occurredAt(), a.platformId(), a.applicationId(), a.programmeId(),
                PROGRAMME, "INDUSTRY_COMMUNITY", a.name(), a.leadOrganisationId(), a.leadOrganisationIds(), a.regionCode(),
                "100000", List.of(2026, 2027, 2028), a.baselineYear(), a.targets(), a.members(), a.approvedAt(), windows);
    }

    @Test
    void theProgrammesCollectionWindowFromPlatformApprovedDecidesWhenCollectionOpensAndCloses() {
        Catalogue.Collection before = catalogues.find(PROGRAMME).orElseThrow().programme().collection();
        try {
            PlatformApproved approved = withWindows(Platforms.aShanxiCommunity().build(), List.of(
                    new PlatformApproved.ProgrammeWindow("REGISTRATION", null, null, "01-01", "10-31", 2024, null),
                    new PlatformApproved.ProgrammeWindow("COLLECTION", null, null, "10-20", "11-30", 2023, null)));
            publish(approved);
            await(() -> count("select count(*) from platform where id = ?", approved.platformId()) == 1, "the platform");
            await(() -> "10-20".equals(catalogues.find(PROGRAMME).orElseThrow().programme().collection().opens()),
                    "the programme's window");

            clock.setBeijing("2026-10-19T23:59:59");
            windows.tick();
            int openedBefore = count("select count(*) from collection_window where programme_code = ? and year = 2026",
                    PROGRAMME);
            clock.setBeijing("2026-10-20T00:00:00");
            windows.tick();

            assertThat(openedBefore).isZero();
            assertThat(jdbc.queryForObject("select ends_at from collection_window where programme_code = ? and year = 2026",
                    Timestamp.class, PROGRAMME).toInstant()).isEqualTo(Instant.parse("2026-11-30T16:00:00Z"));
            assertThat(count("select count(*) from platform_year where platform_id = ? and year = 2026",
                    approved.platformId())).isEqualTo(1);

            PlatformApproved older = Platforms.aShanxiCommunity().build();
            publish(withWindows(older, null));
            await(() -> count("select count(*) from platform where id = ?", older.platformId()) == 1, "the older event");
            assertThat(catalogues.find(PROGRAMME).orElseThrow().programme().collection().closes())
                    .as("an event without windows leaves the programme's window as it is").isEqualTo("11-30");
        } finally {
            catalogues.learnCollectionWindow(PROGRAMME, before);
        }
    }
}
