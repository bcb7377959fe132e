package cn.chanjiao.indicator.platform;

import cn.chanjiao.indicator.catalogue.CentreType;
import cn.chanjiao.kit.security.Caller;
import cn.chanjiao.kit.security.Roles;
import cn.chanjiao.kit.web.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

@RestController
@RequestMapping("${chanjiao.service.api-base-path}/platforms")
@Tag(name = "Platforms", description = "Approved platforms with their members and plan targets")
class PlatformController {

    private final PlatformRepository platforms;
    private final PlatformAccess access;
    private final Clock clock;

    PlatformController(PlatformRepository platforms, PlatformAccess access, Clock clock) {
        this.platforms = platforms;
        this.access = access;
        this.clock = clock;
    }

    @GetMapping
    @Operation(summary = "The platforms the caller may see (its organisation's, or those of its jurisdiction), a page at a time; updatedSince for incremental sync")
    PageResponse list(@RequestParam(required = false) String programmeCode, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size, @RequestParam(required = false) Instant updatedSince, Caller caller) {
        int limit = Math.max(1, Math.min(size, 200));
        int offset = Math.max(0, page) * limit;
        List<Platform> visible;
        long total;
        if (caller.hasRole(Roles.PLATFORM_ADMIN)) {
            visible = platforms.page(programmeCode, null, updatedSince, offset, limit);
            total = platforms.count(programmeCode, null, updatedSince);
        } else if (caller.hasRole(Roles.REVIEWER) || caller.hasRole(Roles.PROGRAMME_ADMIN) || caller.hasRole(Roles.INTEGRATION)) {
            List<Platform> all = platforms.page(programmeCode, null, updatedSince, 0, 100_000).stream()
                    .filter(platform -> access.canRead(platform, caller)).toList();
            visible = all.stream().skip(offset).limit(limit).toList();
            total = all.size();
        } else if (caller.organisationId().isPresent() && (caller.hasRole(Roles.APPLICANT) || caller.hasRole(Roles.ORG_ADMIN))) {
            UUID organisation = caller.organisationId().get();
            visible = platforms.page(programmeCode, organisation, updatedSince, offset, limit);
            total = platforms.count(programmeCode, organisation, updatedSince);
        } else {
            visible = List.of();
            total = 0;
        }
        return new PageResponse(Math.max(0, page), limit, total, visible.stream().map(PlatformSummary::of).toList());
    }

    @GetMapping("/{id}")
    @Operation(summary = "A platform with its members and plan targets")
    PlatformResponse get(@PathVariable UUID id, Caller caller) {
        Platform platform = access.readable(id, caller);
        return new PlatformResponse(PlatformSummary.of(platform), platform.leadOrganisationIds(), platform.planYears(),
                platform.baselineYear(), platforms.members(id), platforms.targets(id));
    }

    @PutMapping("/{id}/centre-type")
    @Operation(summary = "Set a school practice centre's type (secondary or higher vocational school): it decides the key indicators")
    PlatformSummary setCentreType(@PathVariable UUID id, @Valid @RequestBody SetCentreTypeRequest request, Caller caller) {
        Platform platform = access.platform(id);
        if (!PlatformAccess.isMember(platform, caller) && !PlatformAccess.isAuthorityOver(platform, caller)) {
            throw ApiException.forbidden("platform.notYours", platform.name());
        }
        if (!"PRACTICE_CENTER_SCHOOL".equals(platform.platformType())
                || request.centreType() != CentreType.SECONDARY_VOCATIONAL_SCHOOL
                        && request.centreType() != CentreType.HIGHER_VOCATIONAL_SCHOOL) {
            throw ApiException.badRequest("platform.centreTypeNotApplicable", platform.platformType(), request.centreType());
        }
        Instant now = clock.instant();
        platforms.setCentreType(id, request.centreType(), now);
        return PlatformSummary.of(access.platform(id));
    }

    record SetCentreTypeRequest(@NotNull CentreType centreType) {
    }

    record PageResponse(int page, int size, long total, List<PlatformSummary> items) {
    }

    record PlatformSummary(UUID id, String programmeCode, UUID programmeId, String platformType, String name,
            UUID leadOrganisationId, String regionCode, String authorityCode, CentreType centreType, String status,
            Instant approvedAt) {

        static PlatformSummary of(Platform platform) {
            return new PlatformSummary(platform.id(), platform.programmeCode(), platform.programmeId(),
                    platform.platformType(), platform.name(), platform.leadOrganisationId(), platform.regionCode(),
                    platform.authorityCode(), platform.effectiveCentreType(), platform.status(), platform.approvedAt());
        }
    }

    record PlatformResponse(PlatformSummary platform, List<UUID> leadOrganisationIds, List<Integer> planYears,
            Integer baselineYear, List<Platform.Member> members, List<Platform.Target> targets) {
    }
}
