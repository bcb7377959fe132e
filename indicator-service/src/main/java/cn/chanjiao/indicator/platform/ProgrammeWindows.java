package cn.chanjiao.indicator.platform;

import cn.chanjiao.contracts.application.PlatformApproved;
import cn.chanjiao.indicator.catalogue.Catalogue;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

/** The programme's collection window as application-service defines it, in the catalogue's terms. */
final class ProgrammeWindows {

    private static final DateTimeFormatter MONTH_DAY = DateTimeFormatter.ofPattern("MM-dd");

    private ProgrammeWindows() {
    }

    /** The COLLECTION window carried by the event (a yearly one before a fixed one), if it carries one. */
    static Optional<Catalogue.Collection> collection(List<PlatformApproved.ProgrammeWindow> windows) {
        if (windows == null) {
            return Optional.empty();
        }
        List<PlatformApproved.ProgrammeWindow> collection = windows.stream()
                .filter(w -> "COLLECTION".equals(w.purpose())).toList();
        Optional<Catalogue.Collection> yearly = collection.stream()
                .filter(w -> w.yearlyOpens() != null && w.yearlyCloses() != null && w.fromYear() != null)
                .findFirst().map(w -> new Catalogue.Collection(w.yearlyOpens(), w.yearlyCloses(), w.fromYear(),
                        w.untilYear()));
        if (yearly.isPresent()) {
            return yearly;
        }
        return collection.stream().filter(w -> w.opensOn() != null && w.closesOn() != null
                        && w.opensOn().getYear() == w.closesOn().getYear()).findFirst()
                .map(w -> new Catalogue.Collection(MONTH_DAY.format(w.opensOn()), MONTH_DAY.format(w.closesOn()),
                        w.opensOn().getYear(), w.closesOn().getYear()));
    }
}
