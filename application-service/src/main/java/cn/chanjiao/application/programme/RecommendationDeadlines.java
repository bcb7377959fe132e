package cn.chanjiao.application.programme;

import cn.chanjiao.kit.time.ChinaTime;

import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;

/**
 * The recommending authorities' deadline of a programme ({@link WindowPurpose#RECOMMENDATION}), separate from the
 * applicants' registration window: the deadline that applies to an application is the first recommendation
 * window that had not closed on the day it was submitted (Beijing time).
 */
public final class RecommendationDeadlines {

    private RecommendationDeadlines() {
    }

    /** The recommendation window that applies to an application submitted at {@code submittedAt}, if the programme has one. */
    public static Optional<Window.Occurrence> applying(ProgrammeDefinition programme, Instant submittedAt) {
        var day = submittedAt.atZone(ChinaTime.ZONE).toLocalDate();
        return programme.windows().stream().filter(w -> w.purpose() == WindowPurpose.RECOMMENDATION)
                .flatMap(w -> w.currentOrNext(day).stream())
                .min(Comparator.comparing(Window.Occurrence::closesOn));
    }

    /** Whether the deadline that applies has passed at {@code now}. */
    public static Optional<Window.Occurrence> passed(ProgrammeDefinition programme, Instant submittedAt, Instant now) {
        return applying(programme, submittedAt).filter(o -> !now.isBefore(o.closesAt()));
    }
}
