package cn.chanjiao.indicator.collection;

import cn.chanjiao.indicator.catalogue.Catalogue;
import cn.chanjiao.indicator.platform.Platform;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class CollectionStateTest {

    private static final Catalogue.Collection DEFAULT = new Catalogue.Collection("11-01", "12-15", 2023, 2025);
    private static final Platform PLATFORM = platform("ACTIVE");

    @Test
    void theWindowRunsFromTheFirstOfNovemberMidnightToTheFifteenthOfDecemberLastSecondBeijingTime() {
        assertThat(CollectionCalendar.opensAt(DEFAULT, 2024)).isEqualTo(Instant.parse("2024-10-31T16:00:00Z"));
        assertThat(CollectionCalendar.lastMoment(DEFAULT, 2024)).isEqualTo(Instant.parse("2024-12-15T15:59:59Z"));
        assertThat(state(null, 2024, "2024-10-31T15:59:59Z")).isEqualTo(CollectionState.NOT_YET_OPEN);
        assertThat(state(null, 2024, "2024-10-31T16:00:00Z")).isEqualTo(CollectionState.OPEN);
        assertThat(state(null, 2024, "2024-12-15T15:59:59Z")).isEqualTo(CollectionState.OPEN);
        assertThat(state(null, 2024, "2024-12-15T16:00:00Z")).isEqualTo(CollectionState.CLOSED);
    }

    @Test
    void aSubmittedOrLockedYearIsNotWritableAndAReopenedOneUntilItsDeadline() {
        Instant now = Instant.parse("2024-11-20T02:00:00Z");
        assertThat(state(year(PlatformYear.Status.SUBMITTED, null), 2024, now.toString())).isEqualTo(CollectionState.SUBMITTED);
        assertThat(state(year(PlatformYear.Status.LOCKED, null), 2024, now.toString())).isEqualTo(CollectionState.CLOSED);
        PlatformYear reopened = year(PlatformYear.Status.REOPENED, Instant.parse("2025-01-10T15:59:59Z"));
        assertThat(state(reopened, 2024, "2025-01-10T15:59:59Z")).isEqualTo(CollectionState.REOPENED);
        assertThat(state(reopened, 2024, "2025-01-10T16:00:00Z")).isEqualTo(CollectionState.CLOSED);
        assertThat(CollectionState.REOPENED.writable()).isTrue();
    }

    @Test
    void yearsOutsideThePlanOrTheProgrammesCollectionAndRevokedPlatformsAreNotCollected() {
        assertThat(state(null, 2026, "2026-11-20T02:00:00Z")).isEqualTo(CollectionState.NOT_COLLECTED);
        assertThat(CollectionState.of(platform("REVOKED"), DEFAULT, null, 2024, Instant.parse("2024-11-20T02:00:00Z")))
                .isEqualTo(CollectionState.REVOKED);
    }

    @Test
    void aWindowHasTheSameIdOnEveryInstance() {
        assertThat(CollectionCalendar.windowId("HZ-PLATFORMS-2024", 2024)).isEqualTo(CollectionCalendar.windowId("HZ-PLATFORMS-2024", 2024))
                .isNotEqualTo(CollectionCalendar.windowId("HZ-PLATFORMS-2024", 2025));
    }

    private static CollectionState state(PlatformYear year, int number, String now) {
        return CollectionState.of(PLATFORM, DEFAULT, year, number, Instant.parse(now));
    }

    private static PlatformYear year(PlatformYear.Status status, Instant deadline) {
        return new PlatformYear(UUID.randomUUID(), PLATFORM.id(), 2024, status, 3, deadline, null, null, null, Instant.now());
    }

    private static Platform platform(String status) {
        return new Platform(UUID.randomUUID(), "SX-INDUSTRY-COMMUNITY-2023", UUID.randomUUID(), "INDUSTRY_COMMUNITY", "共同体",
                UUID.randomUUID(), List.of(), "140105", "140000", List.of(2023, 2024, 2025), null, null, status, Instant.now());
    }
}
