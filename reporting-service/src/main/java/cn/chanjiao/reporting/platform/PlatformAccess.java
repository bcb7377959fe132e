package cn.chanjiao.reporting.platform;

import cn.chanjiao.kit.security.Caller;
import cn.chanjiao.kit.security.Roles;
import cn.chanjiao.kit.web.ApiException;
import cn.chanjiao.reporting.support.Jurisdiction;
import org.springframework.stereotype.Component;

/**
 * Data-level access to a platform's reports and lists: its lead organisations (claim {@code org_id})
 * edit and submit; staff of the approving authority or of an authority above it (claim
 * {@code authority_code}, role reviewer or programme-admin) read and review; platform admins do all.
 */
@Component
public class PlatformAccess {

    /** The caller acts for one of the platform's lead organisations. */
    public boolean isLead(Caller caller, Platform platform) {
        return caller.organisationId().map(platform::ledBy).orElse(false)
                && (caller.hasRole(Roles.APPLICANT) || caller.hasRole(Roles.ORG_ADMIN));
    }

    /** The caller reviews for the approving authority or one above it. */
    public boolean isAuthority(Caller caller, Platform platform) {
        if (caller.hasRole(Roles.PLATFORM_ADMIN)) {
            return true;
        }
        return (caller.hasRole(Roles.REVIEWER) || caller.hasRole(Roles.PROGRAMME_ADMIN))
                && caller.authorityCode().map(code -> Jurisdiction.covers(code, platform.authorityCode())).orElse(false);
    }

    public boolean canRead(Caller caller, Platform platform) {
        return isLead(caller, platform) || isAuthority(caller, platform)
                || caller.organisationId().map(platform::hasMember).orElse(false);
    }

    public void requireLead(Caller caller, Platform platform) {
        if (!isLead(caller, platform)) {
            throw ApiException.forbidden("platform.notYours", platform.name());
        }
        if (platform.revoked()) {
            throw ApiException.conflict("platform.revoked", platform.name());
        }
    }

    public void requireAuthority(Caller caller, Platform platform) {
        if (!isAuthority(caller, platform)) {
            throw ApiException.forbidden("platform.notInJurisdiction", platform.name());
        }
    }

    public void requireRead(Caller caller, Platform platform) {
        if (!canRead(caller, platform)) {
            throw ApiException.forbidden("platform.notYours", platform.name());
        }
    }
}
