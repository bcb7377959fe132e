package cn.chanjiao.application.form;

import cn.chanjiao.application.programme.Programme;
import cn.chanjiao.kit.security.Caller;
import cn.chanjiao.kit.security.Roles;

import java.util.List;
import java.util.Optional;

/**
 * Who sees and does what with an application (DESIGN §5). An applicant (or org admin) works on its
 * own organisation's applications only; drafts are never seen by anyone else. Staff see submitted
 * applications in their jurisdiction: a programme admin those of its authority's programmes or
 * recommended from inside its region; a reviewer those recommended from inside its region whose
 * review route passes its department; an integration client those of its province; a platform
 * admin all. Anything else is answered 404, as if it did not exist.
 */
final class ApplicationAccess {

    private ApplicationAccess() {
    }

    static boolean owns(Caller caller, ApplicationForm application) {
        return (caller.hasRole(Roles.APPLICANT) || caller.hasRole(Roles.ORG_ADMIN))
                && caller.organisationId().filter(application.organisationId()::equals).isPresent();
    }

    static boolean canRead(Caller caller, ApplicationForm application, Programme programme) {
        return owns(caller, application) || (application.submittedAt() != null && staffScope(caller, application, programme));
    }

    /** Staff who may act on a submitted application (return it): reviewers and programme admins in scope. */
    static boolean canReview(Caller caller, ApplicationForm application, Programme programme) {
        return (caller.hasRole(Roles.REVIEWER) || caller.hasRole(Roles.PROGRAMME_ADMIN) || caller.hasRole(Roles.PLATFORM_ADMIN))
                && application.submittedAt() != null && staffScope(caller, application, programme);
    }

    private static boolean staffScope(Caller caller, ApplicationForm application, Programme programme) {
        if (caller.hasRole(Roles.PLATFORM_ADMIN)) {
            return true;
        }
        Optional<String> authority = caller.authorityCode();
        if (authority.isEmpty()) {
            return false;
        }
        String region = application.recommendingRegionCode();
        boolean inRegion = region != null && Codes.within(region, authority.get());
        boolean ownProgramme = programme.definition().authority().code().equals(authority.get());
        if (caller.hasRole(Roles.PROGRAMME_ADMIN) && (ownProgramme || inRegion)) {
            return true;
        }
        if (caller.hasRole(Roles.REVIEWER) && (ownProgramme || inRegion) && caller.department()
                .map(department -> application.reviewDepartments().contains("," + department + ",")).orElse(true)) {
            return true;
        }
        return caller.hasRole(Roles.INTEGRATION) && inRegion;
    }

    /** The same rule as SQL over {@code application a join programme p}, appending its parameters. */
    static String where(Caller caller, List<Object> params) {
        StringBuilder any = new StringBuilder("(false");
        if ((caller.hasRole(Roles.APPLICANT) || caller.hasRole(Roles.ORG_ADMIN)) && caller.organisationId().isPresent()) {
            any.append(" or a.organisation_id = ?");
            params.add(caller.organisationId().get());
        }
        if (caller.hasRole(Roles.PLATFORM_ADMIN)) {
            any.append(" or a.submitted_at is not null");
        } else if (caller.authorityCode().isPresent()) {
            String authority = caller.authorityCode().get();
            String prefix = Codes.prefix(authority) + "%";
            if (caller.hasRole(Roles.PROGRAMME_ADMIN)) {
                any.append(" or (a.submitted_at is not null and (p.authority_code = ? or a.recommending_region_code like ?))");
                params.add(authority);
                params.add(prefix);
            }
            if (caller.hasRole(Roles.REVIEWER)) {
                any.append(" or (a.submitted_at is not null and (p.authority_code = ? or a.recommending_region_code like ?)");
                params.add(authority);
                params.add(prefix);
                if (caller.department().isPresent()) {
                    any.append(" and a.review_departments like ?");
                    params.add("%," + caller.department().get() + ",%");
                }
                any.append(")");
            }
            if (caller.hasRole(Roles.INTEGRATION)) {
                any.append(" or (a.submitted_at is not null and a.recommending_region_code like ?)");
                params.add(prefix);
            }
        }
        return any.append(")").toString();
    }
}
