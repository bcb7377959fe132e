package cn.chanjiao.identity.organisation;

import cn.chanjiao.identity.authority.AuthorityDirectory;
import cn.chanjiao.kit.security.Caller;
import cn.chanjiao.kit.security.Roles;
import cn.chanjiao.kit.web.ApiException;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * Data-level access to organisations (DESIGN §5): its own people read and edit it; programme admins
 * and reviewers read, and programme admins verify, inside their jurisdiction; an integration client
 * reads its own province; the platform's services and platform admins read everything.
 */
@Component
public class OrganisationAccess {

    private final AuthorityDirectory authorities;

    OrganisationAccess(AuthorityDirectory authorities) {
        this.authorities = authorities;
    }

    /** Whether the caller is one of the organisation's own people. */
    public boolean isMember(Caller caller, OrganisationRef organisation) {
        return caller.organisationId().filter(organisation.id()::equals).isPresent();
    }

    /** Whether the caller's jurisdiction (its {@code authority_code}) covers the organisation's region. */
    public boolean inJurisdiction(Caller caller, OrganisationRef organisation) {
        return caller.authorityCode().filter(code -> authorities.covers(code, organisation.provinceCode(),
                organisation.cityCode(), organisation.districtCode())).isPresent();
    }

    public boolean canRead(Caller caller, OrganisationRef organisation) {
        if (caller.hasRole(Roles.PLATFORM_ADMIN) || caller.hasRole(Roles.SERVICE) || isMember(caller, organisation)) {
            return true;
        }
        if (caller.hasRole(Roles.PROGRAMME_ADMIN) || caller.hasRole(Roles.REVIEWER)) {
            return inJurisdiction(caller, organisation);
        }
        if (caller.hasRole(Roles.INTEGRATION)) {
            return caller.authorityCode().filter(organisation.provinceCode()::equals).isPresent()
                    || caller.authorityCode().filter(AuthorityDirectory.NATIONAL::equals).isPresent();
        }
        return false;
    }

    public void requireReadable(Caller caller, OrganisationRef organisation) {
        if (!canRead(caller, organisation)) {
            throw ApiException.forbidden("problem.organisation.notYours");
        }
    }

    /** Its applicants and org admins edit it; platform admins too. */
    public void requireEditable(Caller caller, OrganisationRef organisation) {
        boolean member = isMember(caller, organisation) && (caller.hasRole(Roles.APPLICANT) || caller.hasRole(Roles.ORG_ADMIN));
        if (!member && !caller.hasRole(Roles.PLATFORM_ADMIN)) {
            throw ApiException.forbidden("problem.organisation.notYours");
        }
    }

    /** A programme admin whose jurisdiction covers the organisation. */
    public void requireReviewable(Caller caller, OrganisationRef organisation) {
        if (!caller.hasRole(Roles.PROGRAMME_ADMIN) || !inJurisdiction(caller, organisation)) {
            throw ApiException.forbidden("problem.organisation.outsideJurisdiction");
        }
    }

    /** Its org admin manages its users. */
    public void requireOrgAdmin(Caller caller, OrganisationRef organisation) {
        if (!caller.hasRole(Roles.ORG_ADMIN) || !isMember(caller, organisation)) {
            throw ApiException.forbidden("problem.organisation.notYourAdmin");
        }
    }

    /**
     * The region to which a caller's lists are confined: empty for the platform's services and
     * platform admins (everything), the caller's authority for programme admins, reviewers and
     * integration clients; a caller with none of these roles may not list at all.
     */
    public Optional<String> listScope(Caller caller) {
        if (caller.hasRole(Roles.PLATFORM_ADMIN) || caller.hasRole(Roles.SERVICE)) {
            return Optional.empty();
        }
        if (caller.hasRole(Roles.PROGRAMME_ADMIN) || caller.hasRole(Roles.REVIEWER) || caller.hasRole(Roles.INTEGRATION)) {
            String authority = caller.authorityCode()
                    .orElseThrow(() -> ApiException.forbidden("problem.organisation.noJurisdiction"));
            return AuthorityDirectory.NATIONAL.equals(authority) ? Optional.empty() : Optional.of(authority);
        }
        throw ApiException.forbidden("problem.forbidden");
    }

    /** Refuses a filter by a region outside the caller's scope. */
    public void requireWithinScope(Optional<String> scope, String region) {
        if (scope.isPresent() && region != null && !authorities.isWithin(region, scope.get())) {
            throw ApiException.forbidden("problem.organisation.outsideJurisdiction");
        }
    }
}
