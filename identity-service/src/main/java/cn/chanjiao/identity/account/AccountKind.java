package cn.chanjiao.identity.account;

import cn.chanjiao.kit.security.Roles;

import java.util.List;

/** Why an account exists, and the realm roles that gives it. */
public enum AccountKind {
    /** the first user of a self-registered organisation: administers it and fills its applications */
    ORG_ADMIN(List.of(Roles.ORG_ADMIN, Roles.APPLICANT)),
    /** invited by its org admin: fills applications and reports for the organisation */
    APPLICANT(List.of(Roles.APPLICANT)),
    /** created by a programme admin: reviews within an authority and department */
    REVIEWER(List.of(Roles.REVIEWER)),
    /** created by a programme admin: scores assigned applications; has an organisation for conflict-of-interest checks */
    EXPERT(List.of(Roles.EXPERT)),
    /** created by a platform admin: runs programmes for an authority */
    PROGRAMME_ADMIN(List.of(Roles.PROGRAMME_ADMIN));

    private final List<String> roles;

    AccountKind(List<String> roles) {
        this.roles = roles;
    }

    public List<String> roles() {
        return roles;
    }
}
