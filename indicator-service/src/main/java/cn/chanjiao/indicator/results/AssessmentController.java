package cn.chanjiao.indicator.results;

import cn.chanjiao.kit.security.Caller;
import cn.chanjiao.kit.web.Versions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;
import java.util.UUID;

@RestController
@RequestMapping("${chanjiao.service.api-base-path}")
@Tag(name = "Assessments", description = "Grades per programme rule: yearly, acceptance, end of term; adjustment and publication")
class AssessmentController {

    private final AssessmentService assessments;

    AssessmentController(AssessmentService assessments) {
        this.assessments = assessments;
    }

    @GetMapping("/programmes/{programmeCode}/years/{year}/assessments/{kind}")
    @PreAuthorize(ResultsController.AUTHORITY)
    @Operation(summary = "Every platform of the caller's jurisdiction the kind applies to, with its proposed, adjusted or published grade")
    GradedAssessments list(@PathVariable String programmeCode, @PathVariable int year, @PathVariable AssessmentKind kind,
            Caller caller) {
        return assessments.list(programmeCode, year, kind, caller);
    }

    @GetMapping("/platforms/{platformId}/years/{year}/assessments/{kind}")
    @Operation(summary = "A platform-year's grade of one kind with its history (the platform's own users: once published)")
    ResponseEntity<PlatformAssessment> get(@PathVariable UUID platformId, @PathVariable int year, @PathVariable AssessmentKind kind,
            Caller caller) {
        PlatformAssessment assessment = assessments.get(platformId, year, kind, caller);
        return ResponseEntity.ok().header(HttpHeaders.ETAG, Versions.etag(assessment.grading().version())).body(assessment);
    }

    @PutMapping("/platforms/{platformId}/years/{year}/assessments/{kind}")
    @PreAuthorize("hasAnyRole('reviewer', 'programme-admin', 'platform-admin')")
    @Operation(summary = "An authority adjusts a platform-year's grade with a comment (If-Match; audited; not after publication)")
    ResponseEntity<PlatformAssessment> adjust(@PathVariable UUID platformId, @PathVariable int year,
            @PathVariable AssessmentKind kind, @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody AdjustAssessmentRequest request, Caller caller) {
        PlatformAssessment assessment = assessments.adjust(platformId, year, kind, ifMatch, request, caller);
        return ResponseEntity.ok().header(HttpHeaders.ETAG, Versions.etag(assessment.grading().version())).body(assessment);
    }

    @PostMapping("/programmes/{programmeCode}/years/{year}/assessment")
    @PreAuthorize("hasAnyRole('programme-admin', 'platform-admin')")
    @Operation(summary = "Publish the authority's assessment of one kind (default YEARLY) for the programme's year: once per kind; grades become final; publishes AssessmentPublished")
    Map<String, Object> publish(@PathVariable String programmeCode, @PathVariable int year,
            @RequestParam(defaultValue = "YEARLY") AssessmentKind kind, Caller caller) {
        return assessments.publish(programmeCode, year, kind, caller);
    }
}
