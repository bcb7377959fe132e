package cn.chanjiao.application.form;

import cn.chanjiao.application.programme.Programme;
import cn.chanjiao.kit.security.Caller;

/**
 * Who may return a submitted form, decided by the review workflow (the reviewers of the stage the
 * application stands at); the form only asks. Implemented outside this package, so the form does not
 * depend on the review.
 */
public interface ReturnPolicy {

    /** Throws a problem (403) when {@code caller} may not return {@code application} now. */
    void checkMayReturn(ApplicationForm application, Programme programme, Caller caller);

    /** The stage the return was made at, for the audit; null when unknown. */
    String currentStage(ApplicationForm application, Programme programme);

    /** Called in the returning transaction: the application starts its route again when resubmitted. */
    void returned(ApplicationForm application);

    /** Whether a reviewer has passed a stage of the submitted application already (then it can no longer be withdrawn). */
    boolean reviewStarted(ApplicationForm application);

    /**
     * Called in the submitting transaction: the review schedules what follows from a submission (the recommending
     * authority's deadline).
     */
    default void submitted(ApplicationForm application, Programme programme) {
    }
}
