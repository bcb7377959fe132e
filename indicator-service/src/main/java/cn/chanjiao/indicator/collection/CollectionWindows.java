package cn.chanjiao.indicator.collection;

import cn.chanjiao.contracts.common.DeadlineScheduled;
import cn.chanjiao.contracts.indicator.CollectionWindowClosed;
import cn.chanjiao.contracts.indicator.CollectionWindowOpened;
import cn.chanjiao.indicator.catalogue.Catalogue;
import cn.chanjiao.indicator.catalogue.Catalogues;
import cn.chanjiao.indicator.platform.Platform;
import cn.chanjiao.indicator.platform.PlatformRepository;
import cn.chanjiao.kit.events.IntegrationEvents;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Opens and closes the programmes' yearly collection windows by the clock (one instance acts:
 * ShedLock; a window row per programme and year makes each transition happen once). Opening
 * creates the platform-years of every active platform that collects that year and publishes
 * {@code CollectionWindowOpened} and a {@code DeadlineScheduled} per platform-year; closing locks
 * what was not submitted and publishes {@code CollectionWindowClosed}.
 */
@Component
public class CollectionWindows {

    public static final String COLLECTION_CLOSES = "INDICATOR_COLLECTION_CLOSES";
    private static final Logger log = LoggerFactory.getLogger(CollectionWindows.class);

    private final Catalogues catalogues;
    private final CollectionRepository collections;
    private final PlatformRepository platforms;
    private final IntegrationEvents events;
    private final TransactionTemplate transactions;
    private final Clock clock;

    CollectionWindows(Catalogues catalogues, CollectionRepository collections, PlatformRepository platforms,
            IntegrationEvents events, TransactionTemplate transactions, Clock clock) {
        this.catalogues = catalogues;
        this.collections = collections;
        this.platforms = platforms;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * What one check did.
     *
     * @param joined platforms approved while a window was open that got their platform-year (and deadline) now
     */
    public record Tick(int opened, int closed, int expiredReopenings, int joined) {
    }

    @Scheduled(initialDelayString = "${chanjiao.indicator.windows.initial-delay:PT15S}",
            fixedDelayString = "${chanjiao.indicator.windows.check-every:PT30S}")
    @SchedulerLock(name = "indicator-collection-windows", lockAtMostFor = "PT5M")
    public void scheduled() {
        tick();
    }

    /** Opens what should be open and closes what has ended, as of now. */
    public Tick tick() {
        Instant now = clock.instant();
        int year = CollectionCalendar.currentYear(clock);
        int opened = 0;
        for (Catalogue catalogue : catalogues.all()) {
            for (int candidate = year - 1; candidate <= year; candidate++) {
                if (CollectionCalendar.isOpen(catalogue.programme().collection(), candidate, now) && open(catalogue, candidate, now)) {
                    opened++;
                }
            }
        }
        int closed = 0;
        for (CollectionRepository.Window window : collections.endedWindows(now)) {
            if (close(window, now)) {
                closed++;
            }
        }
        int expired = transactions.execute(status -> collections.lockExpiredReopenings(now));
        int joined = 0;
        for (CollectionRepository.Window window : collections.windows(null, null)) {
            if ("OPEN".equals(window.status()) && now.isBefore(window.endsAt())) {
                joined += join(window, now);
            }
        }
        return new Tick(opened, closed, expired, joined);
    }

    /** Platforms approved after their programme's window opened: their platform-year and deadline, once. */
    private int join(CollectionRepository.Window window, Instant now) {
        Catalogue catalogue = catalogues.find(window.programmeCode()).orElse(null);
        if (catalogue == null) {
            return 0;
        }
        Instant closesAt = CollectionCalendar.lastMoment(catalogue.programme().collection(), window.year());
        List<UUID> missing = collections.collectingWithoutYear(window.programmeCode(), window.year());
        if (missing.isEmpty()) {
            return 0;
        }
        return transactions.execute(status -> {
            int joined = 0;
            for (UUID platformId : missing) {
                Platform platform = platforms.find(platformId).orElse(null);
                if (platform != null && collections.create(platform.id(), window.year(), PlatformYear.Status.OPEN, now)) {
                    PlatformYear platformYear = collections.find(platform.id(), window.year()).orElseThrow();
                    events.publish(new DeadlineScheduled(UUID.randomUUID(), now, COLLECTION_CLOSES,
                            platformYear.id().toString(), platform.leadOrganisationId(), platform.authorityCode(), closesAt));
                    joined++;
                }
            }
            return joined;
        });
    }

    private boolean open(Catalogue catalogue, int year, Instant now) {
        Catalogue.Programme programme = catalogue.programme();
        return Boolean.TRUE.equals(transactions.execute(status -> {
            UUID windowId = CollectionCalendar.windowId(programme.code(), year);
            Instant opensAt = CollectionCalendar.opensAt(programme.collection(), year);
            Instant endsAt = CollectionCalendar.endsAt(programme.collection(), year);
            if (!collections.openWindow(windowId, programme.code(), year, opensAt, endsAt, now)) {
                return false;
            }
            Instant closesAt = CollectionCalendar.lastMoment(programme.collection(), year);
            List<Platform> collecting = platforms.ofProgramme(programme.code()).stream()
                    .filter(platform -> platform.active() && platform.planYears().contains(year)).toList();
            for (Platform platform : collecting) {
                collections.create(platform.id(), year, PlatformYear.Status.OPEN, now);
                PlatformYear platformYear = collections.find(platform.id(), year).orElseThrow();
                events.publish(new DeadlineScheduled(UUID.randomUUID(), now, COLLECTION_CLOSES,
                        platformYear.id().toString(), platform.leadOrganisationId(), platform.authorityCode(), closesAt));
            }
            events.publish(new CollectionWindowOpened(UUID.randomUUID(), now, windowId, catalogues.programmeId(programme.code()),
                    programme.code(), year, opensAt, closesAt, collecting.size()));
            log.info("collection window {} {} opened for {} platforms", programme.code(), year, collecting.size());
            return true;
        }));
    }

    private boolean close(CollectionRepository.Window window, Instant now) {
        return Boolean.TRUE.equals(transactions.execute(status -> {
            if (!collections.closeWindow(window.id(), now)) {
                return false;
            }
            int submitted = collections.countSubmitted(window.programmeCode(), window.year());
            long collecting = platforms.ofProgramme(window.programmeCode()).stream()
                    .filter(platform -> platform.active() && platform.planYears().contains(window.year())).count();
            int locked = collections.lockUnsubmitted(window.programmeCode(), window.year(), now);
            events.publish(new CollectionWindowClosed(UUID.randomUUID(), now, window.id(),
                    catalogues.programmeId(window.programmeCode()), window.year(), window.endsAt().minusSeconds(1),
                    submitted, (int) Math.max(0, collecting - submitted)));
            log.info("collection window {} {} closed: {} submitted, {} locked", window.programmeCode(), window.year(),
                    submitted, locked);
            return true;
        }));
    }
}
