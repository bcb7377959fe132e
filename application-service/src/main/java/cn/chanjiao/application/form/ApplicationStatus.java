package cn.chanjiao.application.form;

/** Where an application stands (DESIGN §2, application lifecycle). */
public enum ApplicationStatus {
    DRAFT, SUBMITTED, RETURNED, RECOMMENDED, IN_EXPERT_REVIEW, SHORTLISTED, IN_PUBLIC_NOTICE, APPROVED, REJECTED,
    WITHDRAWN, REVOKED;

    /** The applicant may change the form: a draft, or a form a reviewer returned. */
    public boolean editable() {
        return this == DRAFT || this == RETURNED;
    }
}
