package cn.chanjiao.application.programme;

import cn.chanjiao.kit.time.ChinaTime;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.Optional;

/** Whether a programme takes submissions at a moment, judged in Beijing time. */
public final class Registrations {

    private Registrations() {
    }

    /** The registration window open at {@code clock}'s now, if one is. */
    public static Optional<Window.Occurrence> openNow(ProgrammeDefinition programme, Clock clock) {
        LocalDate today = LocalDate.now(clock.withZone(ChinaTime.ZONE));
        return programme.windows().stream().filter(w -> w.purpose() == WindowPurpose.REGISTRATION)
                .flatMap(w -> w.occurrenceOn(today).stream())
                .max(Comparator.comparing(Window.Occurrence::closesOn));
    }

    /** The registration window open now, else the next one to open. */
    public static Optional<Window.Occurrence> currentOrNext(ProgrammeDefinition programme, Clock clock) {
        Optional<Window.Occurrence> open = openNow(programme, clock);
        if (open.isPresent()) {
            return open;
        }
        LocalDate today = LocalDate.now(clock.withZone(ChinaTime.ZONE));
        return programme.windows().stream().filter(w -> w.purpose() == WindowPurpose.REGISTRATION)
                .flatMap(w -> w.currentOrNext(today).stream())
                .min(Comparator.comparing(Window.Occurrence::opensOn));
    }

    static ProgrammeResponse.Registration describe(ProgrammeDefinition programme, Clock clock) {
        Optional<Window.Occurrence> open = openNow(programme, clock);
        return open.map(o -> new ProgrammeResponse.Registration(true, o.opensOn(), o.closesOn()))
                .or(() -> currentOrNext(programme, clock)
                        .map(o -> new ProgrammeResponse.Registration(false, o.opensOn(), o.closesOn())))
                .orElse(new ProgrammeResponse.Registration(false, null, null));
    }
}
