package cn.chanjiao.application.programme;

import java.time.Clock;

/** Programmes as responses. */
final class ProgrammeViews {

    private ProgrammeViews() {
    }

    static ProgrammeResponse response(Programme programme, Clock clock) {
        return new ProgrammeResponse(programme.id(), programme.version(), programme.published(), programme.preset(),
                programme.createdAt(), programme.updatedAt(), Registrations.describe(programme.definition(), clock),
                programme.definition());
    }

    static ProgrammeResponse.Summary summary(Programme programme, Clock clock) {
        ProgrammeDefinition definition = programme.definition();
        return new ProgrammeResponse.Summary(programme.id(), definition.code(), definition.name(),
                definition.authority().code(), definition.authority().name(), definition.authority().level(),
                definition.platformTypes().stream().map(TypeRules::type).toList(), programme.published(),
                Registrations.describe(definition, clock));
    }
}
