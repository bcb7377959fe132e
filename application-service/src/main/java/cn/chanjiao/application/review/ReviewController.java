package cn.chanjiao.application.review;

import cn.chanjiao.application.form.ApplicationForm;
import cn.chanjiao.application.programme.PlatformType;
import cn.chanjiao.application.programme.Programme;
import cn.chanjiao.application.programme.ProgrammeService;
import cn.chanjiao.application.programme.ReviewRoutes.Stage;
import cn.chanjiao.application.programme.TypeRules;
import cn.chanjiao.kit.security.Caller;
import cn.chanjiao.kit.web.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The desk stages of the review route and the recommending authorities' ranked, locked lists. */
@RestController
@Tag(name = "Review")
class ReviewController {

    private static final String STAFF = "hasAnyRole('reviewer', 'programme-admin')";

    private final ReviewService reviews;
    private final ProgrammeService programmes;

    ReviewController(ReviewService reviews, ProgrammeService programmes) {
        this.reviews = reviews;
        this.programmes = programmes;
    }

    enum Decision {
        APPROVE, REJECT
    }

    record DecideRequest(@NotNull Decision decision, @Size(max = 2000) String comment) {
    }

    record StageView(int index, String stage, String name, String authorityCode, String department, boolean optional,
            boolean desk) {

        static StageView of(Stage stage) {
            return new StageView(stage.index(), stage.code(), stage.stage().name(), stage.authorityCode(),
                    stage.department(), stage.stage().optional(), stage.desk());
        }
    }

    record ReviewResponse(UUID applicationId, String status, Integer currentStage, List<StageView> route) {

        static ReviewResponse of(ApplicationForm application, List<Stage> route, Integer current) {
            return new ReviewResponse(application.id(), application.status().name(), current,
                    route.stream().map(StageView::of).toList());
        }
    }

    record RankRequest(@NotEmpty List<@NotNull UUID> applicationIds) {
    }

    record RankingResponse(UUID programmeId, String platformType, String authorityCode, String department,
            boolean locked, Instant lockedAt, Integer quota, List<Entry> items) {

        record Entry(UUID applicationId, String name, int rank, String status) {
        }

        static RankingResponse of(ReviewService.Ranking r) {
            return new RankingResponse(r.programmeId(), r.platformType(), r.authorityCode(), r.department(), r.locked(),
                    r.lockedAt(), r.quota(), r.items().stream()
                            .map(e -> new Entry(e.applicationId(), e.name(), e.rank(), e.status())).toList());
        }
    }

    @GetMapping("/api/v1/applications/{id}/review")
    @Operation(summary = "The application's review route as it applies to it, and the desk stage it stands at")
    ReviewResponse review(@PathVariable UUID id, Caller caller) {
        ReviewService.View view = reviews.view(id, caller);
        return ReviewResponse.of(view.application(), view.route(), view.currentStage());
    }

    @PostMapping("/api/v1/applications/{id}/decisions")
    @PreAuthorize(STAFF)
    @Operation(summary = "Approve (pass the current desk stage; the last one recommends within the quota) or reject with a reason")
    ReviewResponse decide(@PathVariable UUID id, @Valid @RequestBody DecideRequest request, Caller caller) {
        if (request.decision() == Decision.REJECT && (request.comment() == null || request.comment().isBlank())) {
            throw ApiException.badRequest("review.reasonRequired");
        }
        if (request.decision() == Decision.APPROVE) {
            reviews.approve(id, request.comment(), caller);
        } else {
            reviews.reject(id, request.comment().strip(), caller);
        }
        return review(id, caller);
    }

    @GetMapping("/api/v1/programmes/{programmeId}/recommendations/{type}")
    @PreAuthorize(STAFF)
    @Operation(summary = "The caller's authority's recommended applications of a programme and type, by rank, with the quota")
    RankingResponse ranking(@PathVariable UUID programmeId, @PathVariable PlatformType type, Caller caller) {
        return RankingResponse.of(reviews.ranking(programmeId, type(programmeId, type), caller));
    }

    @PutMapping("/api/v1/programmes/{programmeId}/recommendations/{type}/ranking")
    @PreAuthorize(STAFF)
    @Operation(summary = "Order the recommended applications (all of them, once each) before locking")
    RankingResponse rank(@PathVariable UUID programmeId, @PathVariable PlatformType type,
            @Valid @RequestBody RankRequest request, Caller caller) {
        return RankingResponse.of(reviews.rank(programmeId, type(programmeId, type), request.applicationIds(), caller));
    }

    @PostMapping("/api/v1/programmes/{programmeId}/recommendations/{type}/lock")
    @PreAuthorize(STAFF)
    @Operation(summary = "Lock the list: publishes ApplicationRecommended per application with its rank")
    RankingResponse lock(@PathVariable UUID programmeId, @PathVariable PlatformType type, Caller caller) {
        return RankingResponse.of(reviews.lock(programmeId, type(programmeId, type), caller));
    }

    @GetMapping({"/api/v1/programmes/{programmeId}/recommendations/summary.xlsx",
            "/api/v1/programmes/{programmeId}/recommendations/{type}/summary.xlsx"})
    @PreAuthorize(STAFF)
    @Operation(summary = "The caller's authority's recommendation summary table (推荐名单汇总表) as XLSX: every type it "
            + "recommends for in the programme, or one type")
    org.springframework.http.ResponseEntity<byte[]> summary(@PathVariable UUID programmeId,
            @PathVariable(required = false) PlatformType type, Caller caller) {
        Programme programme = programmes.find(programmeId)
                .orElseThrow(() -> ApiException.notFound("programme.notFound", programmeId));
        byte[] xlsx = reviews.summaryXlsx(programme, type == null ? java.util.Optional.empty()
                : java.util.Optional.of(type(programmeId, type)), caller);
        return org.springframework.http.ResponseEntity.ok()
                .contentType(org.springframework.http.MediaType.parseMediaType(
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .header(org.springframework.http.HttpHeaders.CONTENT_DISPOSITION, org.springframework.http.ContentDisposition
                        .attachment().filename("推荐名单汇总表.xlsx", java.nio.charset.StandardCharsets.UTF_8).build()
                        .toString())
                .body(xlsx);
    }

    private TypeRules type(UUID programmeId, PlatformType type) {
        Programme programme = programmes.find(programmeId)
                .orElseThrow(() -> ApiException.notFound("programme.notFound", programmeId));
        return programme.definition().type(type).orElseThrow(() -> ApiException.notFound("programme.typeNotFound", type));
    }
}
