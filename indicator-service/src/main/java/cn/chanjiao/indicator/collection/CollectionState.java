package cn.chanjiao.indicator.collection;

import cn.chanjiao.indicator.catalogue.Catalogue;
import cn.chanjiao.indicator.platform.Platform;

import java.time.Instant;

/**
 * Whether a platform's values of a year may be changed now, and if not, why: the rule every save,
 * import and submission goes through.
 */
public enum CollectionState {
    /** The programme's window is open and the year not submitted. */
    OPEN(true),
    /** Reopened for this platform by an authority, until its deadline. */
    REOPENED(true),
    NOT_YET_OPEN(false),
    CLOSED(false),
    SUBMITTED(false),
    /** The platform does not collect this year (outside its plan years or the programme's collection years). */
    NOT_COLLECTED(false),
    REVOKED(false);

    private final boolean writable;

    CollectionState(boolean writable) {
        this.writable = writable;
    }

    public boolean writable() {
        return writable;
    }

    static CollectionState of(Platform platform, Catalogue.Collection collection, PlatformYear year, int yearNumber,
            Instant now) {
        if (!platform.active()) {
            return REVOKED;
        }
        if (!collection.collects(yearNumber) || !platform.planYears().contains(yearNumber)) {
            return NOT_COLLECTED;
        }
        PlatformYear.Status status = year == null ? PlatformYear.Status.OPEN : year.status();
        switch (status) {
            case SUBMITTED:
                return SUBMITTED;
            case REOPENED:
                return year.deadline() != null && !now.isAfter(year.deadline()) ? REOPENED : CLOSED;
            case LOCKED:
                return CLOSED;
            default:
                if (now.isBefore(CollectionCalendar.opensAt(collection, yearNumber))) {
                    return NOT_YET_OPEN;
                }
                return now.isBefore(CollectionCalendar.endsAt(collection, yearNumber)) ? OPEN : CLOSED;
        }
    }

    /** The message code of the refusal. */
    String refusal() {
        return "collection." + switch (this) {
            case NOT_YET_OPEN -> "notYetOpen";
            case CLOSED -> "closed";
            case SUBMITTED -> "submitted";
            case NOT_COLLECTED -> "notCollected";
            case REVOKED -> "revoked";
            default -> "open";
        };
    }
}
