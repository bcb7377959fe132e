package cn.chanjiao.application.form;

import cn.chanjiao.kit.security.Caller;
import cn.chanjiao.kit.security.Roles;

import java.util.List;

/**
 * Who made a transition, as the audit records it.
 *
 * @param username      the person or client
 * @param role          the role they acted in ({@code reviewer}, {@code programme-admin}, {@code system} …)
 * @param authorityCode their authority, if any
 * @param department    their department, if any
 */
public record Actor(String username, String role, String authorityCode, String department) {

    /** The system itself (the notice-closing job). */
    public static final Actor SYSTEM = new Actor("system", "system", null, null);

    private static final List<String> PRECEDENCE = List.of(Roles.REVIEWER, Roles.PROGRAMME_ADMIN, Roles.PLATFORM_ADMIN,
            Roles.EXPERT, Roles.APPLICANT, Roles.ORG_ADMIN, Roles.INTEGRATION, Roles.SERVICE);

    /** The caller acting in {@code role}. */
    public static Actor of(Caller caller, String role) {
        return new Actor(caller.username(), role, caller.authorityCode().orElse(null), caller.department().orElse(null));
    }

    /** The caller acting in its most specific staff role. */
    public static Actor of(Caller caller) {
        String role = PRECEDENCE.stream().filter(caller::hasRole).findFirst().orElse(null);
        return of(caller, role);
    }
}
