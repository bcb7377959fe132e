package cn.chanjiao.application.notice;

import cn.chanjiao.kit.security.Caller;
import cn.chanjiao.kit.web.Versions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Members of an approved platform: read by its lead organisation and the approving authority; participants
 * added, changed or removed by the lead organisation's org admin or the authority's programme admin, with
 * {@code If-Match} (the member version).
 */
@RestController
@Tag(name = "Platform members")
class PlatformMembersController {

    private static final String READERS = "hasAnyRole('applicant', 'org-admin', 'programme-admin', 'platform-admin')";
    private static final String EDITORS = "hasAnyRole('org-admin', 'programme-admin', 'platform-admin')";

    private final PlatformMembers members;

    PlatformMembersController(PlatformMembers members) {
        this.members = members;
    }

    /**
     * @param memberType     one of the programme's participant types (e.g. SCHOOL, UPSTREAM_DOWNSTREAM_ENTERPRISE)
     * @param regionCode     GB/T 2260 code of where it is
     * @param code           USCC or school code (required where the programme requires codes)
     * @param organisationId the registered organisation, if it is one
     * @param comment        why (kept in the audit and the event)
     */
    record MemberRequest(@Size(max = 64) String memberType, @Size(max = 200) String name, @Size(max = 32) String code,
            @Size(max = 6) String regionCode, UUID organisationId, @Size(max = 2000) String comment) {

        PlatformMembers.MemberInput input() {
            return new PlatformMembers.MemberInput(memberType, name, code, regionCode, organisationId);
        }
    }

    record MemberView(UUID id, String role, String memberType, UUID organisationId, String name, String code,
            String regionCode, String provinceCode, String cityCode, String districtCode, Instant addedAt) {

        static MemberView of(PlatformMemberRepository.Member m) {
            return new MemberView(m.id(), m.role(), m.memberType(), m.organisationId(), m.name(), m.code(), m.regionCode(),
                    m.provinceCode(), m.cityCode(), m.districtCode(), m.addedAt());
        }
    }

    record MembersResponse(UUID platformId, String platformName, String status, long version, List<MemberView> members) {

        static MembersResponse of(PlatformMembers.Members m) {
            return new MembersResponse(m.platform().id(), m.platform().name(), m.platform().status(), m.version(),
                    m.members().stream().map(MemberView::of).toList());
        }
    }

    record ChangeView(long id, UUID memberId, String action, String before, String after, String actor, String actorRole,
            String comment, long version, Instant at) {

        static ChangeView of(PlatformMemberRepository.Change c) {
            return new ChangeView(c.id(), c.memberId(), c.action(), c.before(), c.after(), c.actor(), c.actorRole(),
                    c.comment(), c.memberVersion(), c.at());
        }
    }

    @GetMapping({"/api/v1/platforms/{id}/members", "/api/v1/applications/platforms/{id}/members"})
    @PreAuthorize(READERS)
    @Operation(summary = "The platform's current members (leads and participants); ETag = member version")
    ResponseEntity<MembersResponse> list(@PathVariable UUID id, Caller caller) {
        return ok(HttpStatus.OK, members.list(id, caller));
    }

    @PostMapping({"/api/v1/platforms/{id}/members", "/api/v1/applications/platforms/{id}/members"})
    @PreAuthorize(EDITORS)
    @Operation(summary = "Add a participant (If-Match: the member version); publishes PlatformMembersChanged")
    ResponseEntity<MembersResponse> add(@PathVariable UUID id, @RequestHeader(value = HttpHeaders.IF_MATCH,
            required = false) String ifMatch, @Valid @RequestBody MemberRequest request, Caller caller) {
        return ok(HttpStatus.CREATED, members.add(id, Versions.required(ifMatch), request.input(), request.comment(),
                caller));
    }

    @PutMapping({"/api/v1/platforms/{id}/members/{memberId}", "/api/v1/applications/platforms/{id}/members/{memberId}"})
    @PreAuthorize(EDITORS)
    @Operation(summary = "Change a participant (type, name, code, region); If-Match; publishes PlatformMembersChanged")
    ResponseEntity<MembersResponse> update(@PathVariable UUID id, @PathVariable UUID memberId,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody MemberRequest request, Caller caller) {
        return ok(HttpStatus.OK, members.update(id, memberId, Versions.required(ifMatch), request.input(),
                request.comment(), caller));
    }

    @DeleteMapping({"/api/v1/platforms/{id}/members/{memberId}", "/api/v1/applications/platforms/{id}/members/{memberId}"})
    @PreAuthorize(EDITORS)
    @Operation(summary = "Remove a participant (not below the programme's minimum); If-Match; publishes PlatformMembersChanged")
    ResponseEntity<MembersResponse> remove(@PathVariable UUID id, @PathVariable UUID memberId,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestParam(required = false) @Size(max = 2000) String comment, Caller caller) {
        return ok(HttpStatus.OK, members.remove(id, memberId, Versions.required(ifMatch), comment, caller));
    }

    @GetMapping({"/api/v1/platforms/{id}/member-changes", "/api/v1/applications/platforms/{id}/member-changes"})
    @PreAuthorize(READERS)
    @Operation(summary = "The audit of the platform's member changes: who, when, what before and after, why")
    List<ChangeView> changes(@PathVariable UUID id, Caller caller) {
        return members.changes(id, caller).stream().map(ChangeView::of).toList();
    }

    private static ResponseEntity<MembersResponse> ok(HttpStatus status, PlatformMembers.Members m) {
        return ResponseEntity.status(status).eTag(Versions.etag(m.version())).body(MembersResponse.of(m));
    }
}
