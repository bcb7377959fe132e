package cn.chanjiao.application.notice;

import cn.chanjiao.application.form.ApplicationForm;
import cn.chanjiao.application.form.ApplicationLedger;
import cn.chanjiao.application.form.Codes;
import cn.chanjiao.application.form.Form;
import cn.chanjiao.application.notice.NoticeRepository.Platform;
import cn.chanjiao.application.notice.PlatformMemberRepository.Member;
import cn.chanjiao.application.programme.Programme;
import cn.chanjiao.application.programme.ProgrammeService;
import cn.chanjiao.application.programme.TypeRules;
import cn.chanjiao.application.programme.TypeRules.ParticipantRule;
import cn.chanjiao.contracts.application.PlatformApproved;
import cn.chanjiao.contracts.application.PlatformMembersChanged;
import cn.chanjiao.kit.events.IntegrationEvents;
import cn.chanjiao.kit.security.Caller;
import cn.chanjiao.kit.security.Roles;
import cn.chanjiao.kit.web.ApiException;
import cn.chanjiao.kit.web.Versions;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Member changes of an approved platform (issue 15 item 7): its lead organisation's org admin or the approving
 * authority's programme admin adds, removes or changes a participant; every change is checked against the
 * programme's participant rules, needs the member version ({@code If-Match}), is audited and published as
 * {@link PlatformMembersChanged} with the whole member list, so the cross-province / cross-city distribution
 * indicators stay true. Lead units are not changed here: a different lead is a major change (revocation
 * {@code MAJOR_CHANGE}) or a new application.
 */
@Service
class PlatformMembers {

    static final String LEAD = "LEAD";
    static final String PARTICIPANT = "PARTICIPANT";

    private final NoticeRepository notices;
    private final PlatformMemberRepository members;
    private final ApplicationLedger ledger;
    private final ProgrammeService programmes;
    private final IntegrationEvents events;
    private final TransactionTemplate transactions;
    private final Clock clock;

    PlatformMembers(NoticeRepository notices, PlatformMemberRepository members, ApplicationLedger ledger,
            ProgrammeService programmes, IntegrationEvents events, TransactionTemplate transactions, Clock clock) {
        this.notices = notices;
        this.members = members;
        this.ledger = ledger;
        this.programmes = programmes;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** A participant as entered: type, name, code (USCC or school code), region (GB/T 2260), registered organisation. */
    record MemberInput(String memberType, String name, String code, String regionCode, UUID organisationId) {
    }

    record Members(Platform platform, long version, List<Member> members) {
    }

    /** Writes the members of a platform just approved (in the approving transaction). */
    void approved(UUID platformId, PlatformApproved event, Instant now) {
        seed(platformId, event.members(), now);
    }

    Members list(UUID platformId, Caller caller) {
        Platform platform = notices.platform(platformId, false)
                .orElseThrow(() -> ApiException.notFound("platform.notFound", platformId));
        if (!reads(caller, platform)) {
            throw ApiException.notFound("platform.notFound", platformId);
        }
        if (!members.any(platformId)) {
            transactions.executeWithoutResult(status -> {
                Platform locked = notices.platform(platformId, true).orElseThrow();
                if (!members.any(platformId)) {
                    seedFromForm(locked);
                }
            });
        }
        return new Members(platform, members.version(platformId), members.current(platformId));
    }

    List<PlatformMemberRepository.Change> changes(UUID platformId, Caller caller) {
        list(platformId, caller);
        return members.changes(platformId);
    }

    Members add(UUID platformId, long expectedVersion, MemberInput input, String comment, Caller caller) {
        return change(platformId, expectedVersion, caller, (platform, rule, current, now) -> {
            if (current.stream().filter(m -> PARTICIPANT.equals(m.role())).count() >= rule.maxCount()) {
                throw ApiException.conflict("platform.member.tooMany", String.valueOf(rule.maxCount()));
            }
            Member added = member(UUID.randomUUID(), platformId, members.nextPosition(platformId), input, rule, now);
            members.insert(added);
            return new Changed("ADDED", null, added);
        }, comment);
    }

    Members update(UUID platformId, UUID memberId, long expectedVersion, MemberInput input, String comment, Caller caller) {
        return change(platformId, expectedVersion, caller, (platform, rule, current, now) -> {
            Member before = participant(current, memberId);
            Member after = member(before.id(), platformId, before.position(), input, rule, before.addedAt());
            members.update(after);
            return new Changed("CHANGED", before, after);
        }, comment);
    }

    Members remove(UUID platformId, UUID memberId, long expectedVersion, String comment, Caller caller) {
        return change(platformId, expectedVersion, caller, (platform, rule, current, now) -> {
            Member before = participant(current, memberId);
            if (current.stream().filter(m -> PARTICIPANT.equals(m.role())).count() - 1 < rule.minCount()) {
                throw ApiException.conflict("platform.member.tooFew", String.valueOf(rule.minCount()));
            }
            members.remove(memberId, now);
            return new Changed("REMOVED", before, null);
        }, comment);
    }

    // -------------------------------------------------------------------------------- the change

    private record Changed(String action, Member before, Member after) {
    }

    @FunctionalInterface
    private interface Edit {
        Changed apply(Platform platform, ParticipantRule rule, List<Member> current, Instant now);
    }

    private Members change(UUID platformId, long expectedVersion, Caller caller, Edit edit, String comment) {
        String reason = comment == null || comment.isBlank() ? null : comment.strip();
        return transactions.execute(status -> {
            Platform platform = notices.platform(platformId, true)
                    .orElseThrow(() -> ApiException.notFound("platform.notFound", platformId));
            if (!reads(caller, platform)) {
                throw ApiException.notFound("platform.notFound", platformId);
            }
            if (!changes(caller, platform)) {
                throw ApiException.forbidden("platform.member.notYours", platform.name());
            }
            if (!"APPROVED".equals(platform.status())) {
                throw ApiException.conflict("platform.member.notApproved", platform.name());
            }
            if (!members.any(platformId)) {
                seedFromForm(platform);
            }
            Versions.check(expectedVersion, members.version(platformId));
            Programme programme = programme(platform);
            TypeRules type = programme.definition().type(cn.chanjiao.application.programme.PlatformType.valueOf(platform.platformType()))
                    .orElseThrow();
            Instant now = clock.instant();
            Changed changed = edit.apply(platform, type.participants(), members.current(platformId), now);
            long version = members.bump(platformId);
            Member subject = changed.after() != null ? changed.after() : changed.before();
            members.audit(platformId, subject.id(), changed.action(), changed.before(), changed.after(), caller.username(),
                    role(caller, platform), reason, version, now);
            List<Member> current = members.current(platformId);
            events.publish(new PlatformMembersChanged(UUID.randomUUID(), now, platformId, platform.programmeId(),
                    programme.definition().code(), version, changed.action(), subject.name(), reason,
                    current.stream().map(PlatformMembers::contract).toList()));
            return new Members(notices.platform(platformId, false).orElseThrow(), version, current);
        });
    }

    private Member member(UUID id, UUID platformId, int position, MemberInput input, ParticipantRule rule, Instant addedAt) {
        String type = input.memberType() == null ? null : input.memberType().strip();
        if (type == null || rule.type(type).isEmpty()) {
            throw ApiException.badRequest("platform.member.type", String.valueOf(type),
                    String.join(", ", rule.types().stream().map(TypeRules.ParticipantType::code).toList()))
                    .with("allowedTypes", rule.types().stream().map(TypeRules.ParticipantType::code).toList());
        }
        if (input.name() == null || input.name().isBlank()) {
            throw ApiException.badRequest("platform.member.name");
        }
        String region = input.regionCode() == null ? null : input.regionCode().strip();
        if (region == null || !Codes.isRegion(region)) {
            throw ApiException.badRequest("platform.member.region", String.valueOf(region));
        }
        if (rule.withinRegion() != null && !Codes.within(region, rule.withinRegion())) {
            throw ApiException.badRequest("platform.member.outside", region, rule.withinRegion());
        }
        String code = input.code() == null || input.code().isBlank() ? null : input.code().strip();
        if (code == null && rule.codeRequired()) {
            throw ApiException.badRequest("platform.member.codeRequired", input.name().strip());
        }
        if (code != null && !Codes.isOrganisationCode(code)) {
            throw ApiException.badRequest("platform.member.code", code);
        }
        return new Member(id, platformId, position, PARTICIPANT, type, input.organisationId(), input.name().strip(), code,
                region, ApprovedPlatforms.province(region), ApprovedPlatforms.city(region), ApprovedPlatforms.district(region),
                addedAt);
    }

    private static Member participant(List<Member> current, UUID memberId) {
        Member member = current.stream().filter(m -> m.id().equals(memberId)).findFirst()
                .orElseThrow(() -> ApiException.notFound("platform.member.notFound", memberId));
        if (LEAD.equals(member.role())) {
            throw ApiException.conflict("platform.member.lead", member.name());
        }
        return member;
    }

    // ------------------------------------------------------------------------------- seeding

    private void seed(UUID platformId, List<PlatformApproved.Member> approved, Instant now) {
        int position = 0;
        for (PlatformApproved.Member m : approved == null ? List.<PlatformApproved.Member>of() : approved) {
            String region = m.districtCode() != null ? m.districtCode() : m.cityCode() != null ? m.cityCode()
                    : m.provinceCode();
            members.insert(new Member(UUID.randomUUID(), platformId, position++, m.role(), m.memberType(),
                    m.organisationId(), m.name() == null ? "" : m.name(), m.code(), region, m.provinceCode(), m.cityCode(),
                    m.districtCode(), now));
        }
    }

    /** A platform approved before members were kept: its members as the submitted form names them. */
    private void seedFromForm(Platform platform) {
        ApplicationForm application = ledger.find(platform.applicationId()).orElseThrow();
        Form submitted = ledger.submittedForm(application);
        Programme programme = programme(platform);
        TypeRules type = programme.definition().type(application.platformType()).orElseThrow();
        PlatformApproved event = ApprovedPlatforms.event(platform.id(), application, submitted, programme, type,
                platform.approvedAt());
        seed(platform.id(), event.members(), platform.approvedAt());
    }

    static PlatformApproved.Member contract(Member m) {
        return new PlatformApproved.Member(m.organisationId(), m.name(), m.role(), m.memberType(), m.code(),
                m.provinceCode(), m.cityCode(), m.districtCode());
    }

    // --------------------------------------------------------------------------------- access

    /** The lead organisation's org admin, the approving authority's programme admins, platform admins. */
    private static boolean changes(Caller caller, Platform platform) {
        return caller.hasRole(Roles.PLATFORM_ADMIN)
                || (caller.hasRole(Roles.PROGRAMME_ADMIN)
                        && caller.authorityCode().filter(platform.authorityCode()::equals).isPresent())
                || (caller.hasRole(Roles.ORG_ADMIN)
                        && caller.organisationId().filter(platform.leadOrganisationId()::equals).isPresent());
    }

    /** Who changes, and the lead organisation's applicants and org admins. */
    private static boolean reads(Caller caller, Platform platform) {
        return changes(caller, platform) || caller.organisationId().filter(platform.leadOrganisationId()::equals).isPresent();
    }

    private static String role(Caller caller, Platform platform) {
        if (caller.hasRole(Roles.PLATFORM_ADMIN)) {
            return Roles.PLATFORM_ADMIN;
        }
        if (caller.hasRole(Roles.PROGRAMME_ADMIN) && caller.authorityCode().filter(platform.authorityCode()::equals)
                .isPresent()) {
            return Roles.PROGRAMME_ADMIN;
        }
        return Roles.ORG_ADMIN;
    }

    private Programme programme(Platform platform) {
        return programmes.find(platform.programmeId()).orElseThrow();
    }
}
