package cn.chanjiao.application.programme;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

/** Published programmes for anyone, without a token. */
@RestController
@RequestMapping("/api/v1/public/programmes")
@Tag(name = "Programmes (public)")
class PublicProgrammeController {

    private final ProgrammeService programmes;
    private final Clock clock;

    PublicProgrammeController(ProgrammeService programmes, Clock clock) {
        this.programmes = programmes;
        this.clock = clock;
    }

    @GetMapping
    @Operation(summary = "Published programmes and whether registration is open now")
    List<ProgrammeResponse.Summary> list() {
        return programmes.listPublished().stream().map(p -> ProgrammeViews.summary(p, clock)).toList();
    }

    @GetMapping("/{id}")
    @Operation(summary = "A published programme with its rules: windows, types, lead rules, plan indicators, sections, attachments")
    ProgrammeResponse get(@PathVariable UUID id) {
        return ProgrammeViews.response(programmes.getPublished(id), clock);
    }
}
