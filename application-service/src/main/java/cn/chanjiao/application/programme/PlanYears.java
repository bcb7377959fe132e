package cn.chanjiao.application.programme;

import cn.chanjiao.kit.time.ChinaTime;

import java.time.Instant;

/**
 * The plan years an application works with: those of its programme, moved to the application's own year when
 * the programme registers every year ({@link ProgrammeDefinition#planYearsFollowApplication()}). The application's
 * year is the year (Beijing time) it was submitted in, or for a draft the current one.
 */
public final class PlanYears {

    private PlanYears() {
    }

    /** The programme as an application made at {@code madeAt} sees it. */
    public static Programme forApplication(Programme programme, Instant madeAt) {
        ProgrammeDefinition definition = programme.definition()
                .forApplicationYear(madeAt.atZone(ChinaTime.ZONE).getYear());
        return definition == programme.definition() ? programme : new Programme(programme.id(), programme.version(),
                programme.published(), programme.preset(), programme.createdAt(), programme.updatedAt(), definition);
    }
}
