package cn.chanjiao.application.programme;

import cn.chanjiao.kit.web.Messages;
import cn.chanjiao.kit.web.Versions;
import cn.chanjiao.kit.web.Violation;
import cn.chanjiao.kit.security.Caller;
import cn.chanjiao.kit.security.Roles;
import cn.chanjiao.kit.web.ApiException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Programmes: read by everyone, written by programme admins of the issuing authority and platform admins. */
@Service
public class ProgrammeService {

    private final ProgrammeRepository programmes;
    private final Messages messages;
    private final Clock clock;

    ProgrammeService(ProgrammeRepository programmes, Messages messages, Clock clock) {
        this.programmes = programmes;
        this.messages = messages;
        this.clock = clock;
    }

    /** A programme by id, whatever its state (for other features). */
    public Optional<Programme> find(UUID id) {
        return programmes.find(id);
    }

    List<Programme> list(Caller caller) {
        return programmes.findAll(false).stream().filter(programme -> visibleTo(programme, caller)).toList();
    }

    List<Programme> listPublished() {
        return programmes.findAll(true);
    }

    Programme get(UUID id, Caller caller) {
        return programmes.find(id).filter(programme -> visibleTo(programme, caller))
                .orElseThrow(() -> ApiException.notFound("programme.notFound", id));
    }

    Programme getPublished(UUID id) {
        return programmes.find(id).filter(Programme::published)
                .orElseThrow(() -> ApiException.notFound("programme.notFound", id));
    }

    @Transactional
    Programme create(SaveProgrammeRequest request, Caller caller) {
        ProgrammeDefinition definition = request.definition();
        requireAdminOf(definition, caller);
        validate(definition);
        Instant now = clock.instant();
        Programme programme = new Programme(UUID.randomUUID(), 1, request.published(), false, now, now, definition);
        if (!programmes.insertIfAbsent(programme)) {
            throw ApiException.conflict("programme.codeTaken", definition.code());
        }
        return programme;
    }

    @Transactional
    Programme update(UUID id, long expectedVersion, SaveProgrammeRequest request, Caller caller) {
        Programme current = get(id, caller);
        requireAdminOf(current.definition(), caller);
        requireAdminOf(request.definition(), caller);
        Versions.check(expectedVersion, current.version());
        validate(request.definition());
        if (programmes.codeTaken(request.definition().code(), id)) {
            throw ApiException.conflict("programme.codeTaken", request.definition().code());
        }
        Programme updated = new Programme(id, current.version() + 1, request.published(), current.preset(),
                current.createdAt(), clock.instant(), request.definition());
        if (!programmes.update(updated, expectedVersion)) {
            throw Versions.stale(programmes.find(id).map(Programme::version).orElse(current.version()));
        }
        return updated;
    }

    private void validate(ProgrammeDefinition definition) {
        List<Violation> problems = ProgrammeRules.check(definition);
        if (!problems.isEmpty()) {
            throw messages.badRequest(problems);
        }
    }

    private static boolean visibleTo(Programme programme, Caller caller) {
        return programme.published() || isAdminOf(programme.definition(), caller);
    }

    private static boolean isAdminOf(ProgrammeDefinition definition, Caller caller) {
        return caller.hasRole(Roles.PLATFORM_ADMIN) || (caller.hasRole(Roles.PROGRAMME_ADMIN)
                && caller.authorityCode().filter(code -> code.equals(definition.authority().code())).isPresent());
    }

    private static void requireAdminOf(ProgrammeDefinition definition, Caller caller) {
        if (!isAdminOf(definition, caller)) {
            throw ApiException.forbidden("programme.notYourAuthority", definition.authority().code());
        }
    }
}
