package cn.chanjiao.indicator.platform;

import cn.chanjiao.kit.security.Caller;
import cn.chanjiao.kit.security.Roles;
import cn.chanjiao.kit.web.ApiException;
import org.springframework.stereotype.Component;

import java.util.UUID;

/**
 * Data-level access to a platform's data: its lead organisations' users edit and read it;
 * reviewers, programme admins and integration clients read it within their jurisdiction
 * ({@code authority_code}); platform admins read everything.
 */
@Component
public class PlatformAccess {

    private final PlatformRepository platforms;

    PlatformAccess(PlatformRepository platforms) {
        this.platforms = platforms;
    }

    public Platform platform(UUID platformId) {
        return platforms.find(platformId).orElseThrow(() -> ApiException.notFound("platform.notFound", platformId));
    }

    /** The platform, if the caller may read its data. */
    public Platform readable(UUID platformId, Caller caller) {
        Platform platform = platform(platformId);
        if (!canRead(platform, caller)) {
            throw ApiException.forbidden("platform.notYours", platform.name());
        }
        return platform;
    }

    /** The platform, if the caller may enter its data. */
    public Platform editable(UUID platformId, Caller caller) {
        return editable(platform(platformId), caller);
    }

    /** The platform already read (e.g. with its platform-year locked), if the caller may enter its data. */
    public Platform editable(Platform platform, Caller caller) {
        if (!isMember(platform, caller)) {
            throw ApiException.forbidden("platform.notYours", platform.name());
        }
        return platform;
    }

    /** The platform, if the caller is an authority over it (reopen, assessment). */
    public Platform governed(UUID platformId, Caller caller) {
        Platform platform = platform(platformId);
        if (!isAuthorityOver(platform, caller)) {
            throw ApiException.forbidden("platform.notYourJurisdiction", platform.name());
        }
        return platform;
    }

    public boolean canRead(Platform platform, Caller caller) {
        return caller.hasRole(Roles.PLATFORM_ADMIN) || isMember(platform, caller) || isAuthorityOver(platform, caller)
                || caller.hasRole(Roles.INTEGRATION) && caller.authorityCode()
                        .map(code -> Jurisdiction.covers(code, platform.regionCode())).orElse(false);
    }

    public static boolean isMember(Platform platform, Caller caller) {
        return (caller.hasRole(Roles.APPLICANT) || caller.hasRole(Roles.ORG_ADMIN)) && caller.organisationId()
                .map(platform.leadOrganisationIds()::contains).orElse(false);
    }

    /** Reviewers and programme admins of the programme's authority or of the platform's region; platform admins. */
    public static boolean isAuthorityOver(Platform platform, Caller caller) {
        if (caller.hasRole(Roles.PLATFORM_ADMIN)) {
            return true;
        }
        if (!caller.hasRole(Roles.REVIEWER) && !caller.hasRole(Roles.PROGRAMME_ADMIN)) {
            return false;
        }
        return caller.authorityCode().map(code -> code.equals(platform.authorityCode())
                || Jurisdiction.covers(code, platform.regionCode())).orElse(false);
    }
}
