package cn.chanjiao.application.review;

import cn.chanjiao.application.programme.ReviewRoutes;
import cn.chanjiao.kit.security.Caller;
import cn.chanjiao.kit.security.Roles;
import cn.chanjiao.kit.web.ApiException;

/**
 * Who acts on a review stage: a reviewer or programme admin of exactly the stage's authority and
 * department (a district DRC reviewer acts on the district DRC's preliminary review, nobody else does).
 */
public final class StageActors {

    private StageActors() {
    }

    public static boolean acts(Caller caller, String authorityCode, String department) {
        return (caller.hasRole(Roles.REVIEWER) || caller.hasRole(Roles.PROGRAMME_ADMIN)) && authorityCode != null
                && caller.authorityCode().filter(authorityCode::equals).isPresent()
                && caller.department().filter(department::equals).isPresent();
    }

    public static boolean acts(Caller caller, ReviewRoutes.Stage stage) {
        return acts(caller, stage.authorityCode(), stage.department());
    }

    /** 403 naming the stage and who holds it. */
    public static void require(Caller caller, ReviewRoutes.Stage stage) {
        if (!acts(caller, stage)) {
            throw ApiException.forbidden("review.notYourStage", stage.stage().name(), stage.authorityCode(),
                    stage.department()).with("stage", stage.code()).with("authorityCode", stage.authorityCode())
                    .with("department", stage.department());
        }
    }
}
