package cn.chanjiao.indicator.collection;

import cn.chanjiao.indicator.catalogue.Catalogue;
import cn.chanjiao.kit.time.ChinaTime;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * When a programme's collection of a year is open, in Asia/Shanghai: from the opening day 00:00 up
 * to and including the closing day 23:59:59 (by default 1 Nov – 15 Dec).
 */
public final class CollectionCalendar {

    private CollectionCalendar() {
    }

    public static Instant opensAt(Catalogue.Collection collection, int year) {
        return collection.opensOn(year).atStartOfDay(ChinaTime.ZONE).toInstant();
    }

    /** The first moment after the window (exclusive end). */
    public static Instant endsAt(Catalogue.Collection collection, int year) {
        return collection.closesOn(year).plusDays(1).atStartOfDay(ChinaTime.ZONE).toInstant();
    }

    /** The window's last moment, e.g. 15 Dec 23:59:59: what events and people are told. */
    public static Instant lastMoment(Catalogue.Collection collection, int year) {
        return endsAt(collection, year).minusSeconds(1);
    }

    public static boolean isOpen(Catalogue.Collection collection, int year, Instant now) {
        return collection.collects(year) && !now.isBefore(opensAt(collection, year)) && now.isBefore(endsAt(collection, year));
    }

    public static int currentYear(Clock clock) {
        return LocalDate.ofInstant(clock.instant(), ChinaTime.ZONE).getYear();
    }

    /** A window's id: the same on every instance, before and after the scheduler stored it. */
    public static UUID windowId(String programmeCode, int year) {
        return UUID.nameUUIDFromBytes(("collection-window:" + programmeCode + ":" + year).getBytes(StandardCharsets.UTF_8));
    }
}
