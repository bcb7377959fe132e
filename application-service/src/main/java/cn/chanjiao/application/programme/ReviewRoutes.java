package cn.chanjiao.application.programme;

import cn.chanjiao.application.programme.TypeRules.ReviewStage;
import cn.chanjiao.application.programme.TypeRules.ReviewStageKind;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * A programme's review route as it applies to one application: the stages of its platform type in
 * order, less those its lead units skip (a central SOE files directly with the Ministry), each with
 * the authority that holds it — fixed by the programme, or the application's recommending region at
 * the stage's level (a district development & reform commission, a province's education department).
 *
 * <p>The <em>desk stages</em> are the preliminary reviews and recommendations before the first
 * expert, meeting or site-visit stage: an application passes them one by one while
 * {@code SUBMITTED}, and passing the last one recommends it. The first later stage is the
 * <em>selection stage</em>: its authority holds the expert review, shortlists and is bounded by a
 * {@code TOTAL} quota.
 */
public final class ReviewRoutes {

    private ReviewRoutes() {
    }

    /**
     * @param index         position among the stages that apply to the application
     * @param authorityCode the authority holding it; null when the application names no region yet
     */
    public record Stage(int index, ReviewStage stage, String authorityCode) {

        public boolean desk() {
            return stage.stage() == ReviewStageKind.PRELIMINARY_REVIEW || stage.stage() == ReviewStageKind.RECOMMENDATION;
        }

        public String department() {
            return stage.department();
        }

        public String code() {
            return stage.stage().name();
        }
    }

    /** The route of {@code type} for an application recommended from {@code regionCode} whose leads hold {@code leadAttributes}. */
    public static List<Stage> route(TypeRules type, String regionCode, Collection<String> leadAttributes) {
        List<Stage> stages = new ArrayList<>();
        for (ReviewStage stage : type.reviewRoute()) {
            if (stage.skippedFor().stream().anyMatch(leadAttributes::contains)) {
                continue;
            }
            String authority = stage.authorityCode() != null ? stage.authorityCode()
                    : regionCode == null ? null : atLevel(regionCode, stage.level());
            stages.add(new Stage(stages.size(), stage, authority));
        }
        return List.copyOf(stages);
    }

    /** The desk stages: those before the first expert, meeting or site-visit stage. */
    public static List<Stage> deskStages(List<Stage> route) {
        List<Stage> desk = new ArrayList<>();
        for (Stage stage : route) {
            if (!stage.desk()) {
                break;
            }
            desk.add(stage);
        }
        return List.copyOf(desk);
    }

    /** The first stage after the desk stages (expert review, meeting review or site visit). */
    public static Optional<Stage> selectionStage(List<Stage> route) {
        return route.stream().filter(stage -> !stage.desk()).findFirst();
    }

    /** The later stage of a kind, e.g. the meeting review. */
    public static Optional<Stage> stage(List<Stage> route, ReviewStageKind kind) {
        return route.stream().filter(stage -> !stage.desk() && stage.stage().stage() == kind).findFirst();
    }

    static String atLevel(String code, ProgrammeDefinition.Level level) {
        return switch (level) {
            case NATIONAL -> "100000";
            case PROVINCE -> code.substring(0, 2) + "0000";
            case CITY -> code.endsWith("0000") ? code : code.substring(0, 4) + "00";
            case DISTRICT -> code;
        };
    }
}
