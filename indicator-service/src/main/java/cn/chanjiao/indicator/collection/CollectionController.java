package cn.chanjiao.indicator.collection;

import cn.chanjiao.kit.security.Caller;
import cn.chanjiao.kit.web.Versions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
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

import java.util.List;
import java.util.UUID;

@RestController
@RequestMapping("${chanjiao.service.api-base-path}")
@Tag(name = "Collection", description = "Entering, submitting and reopening a platform's yearly values")
class CollectionController {

    static final String PLATFORM_USER = "hasAnyRole('applicant', 'org-admin')";
    static final String AUTHORITY = "hasAnyRole('reviewer', 'programme-admin', 'platform-admin')";

    private final CollectionService collection;
    private final CollectionRepository windows;

    CollectionController(CollectionService collection, CollectionRepository windows) {
        this.collection = collection;
        this.windows = windows;
    }

    @GetMapping("/platforms/{platformId}/years/{year}")
    @Operation(summary = "A platform's collection of a year: state, version (ETag), every indicator with target and value, warnings")
    ResponseEntity<PlatformYearResponse> get(@PathVariable UUID platformId, @PathVariable int year, Caller caller) {
        PlatformYearResponse view = collection.view(platformId, year, caller);
        return ResponseEntity.ok().eTag(Versions.etag(view.version())).body(view);
    }

    @PutMapping("/platforms/{platformId}/years/{year}/values")
    @PreAuthorize(PLATFORM_USER)
    @Operation(summary = "Save a batch of values (all or any subset) with evidence: If-Match (the ETag read) and Idempotency-Key required")
    ResponseEntity<Object> save(@PathVariable UUID platformId, @PathVariable int year, @Valid @RequestBody SaveValuesRequest request,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestHeader(value = "Idempotency-Key", required = false) String key, Caller caller) {
        return answer(collection.save(platformId, year, request, ifMatch, key, caller));
    }

    @PostMapping("/platforms/{platformId}/years/{year}/submission")
    @PreAuthorize(PLATFORM_USER)
    @Operation(summary = "Submit the year's values (publishes IndicatorDataSubmitted); If-Match and Idempotency-Key required")
    ResponseEntity<Object> submit(@PathVariable UUID platformId, @PathVariable int year,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestHeader(value = "Idempotency-Key", required = false) String key, Caller caller) {
        return answer(collection.submit(platformId, year, ifMatch, key, caller));
    }

    @PostMapping("/platforms/{platformId}/years/{year}/reopening")
    @PreAuthorize(AUTHORITY)
    @Operation(summary = "Reopen one platform's collection of a year with a reason and a new deadline (authority)")
    ResponseEntity<PlatformYearResponse> reopen(@PathVariable UUID platformId, @PathVariable int year,
            @Valid @RequestBody ReopenCollectionRequest request, Caller caller) {
        PlatformYearResponse view = collection.reopen(platformId, year, request, caller);
        return ResponseEntity.ok().eTag(Versions.etag(view.version())).body(view);
    }

    @GetMapping("/windows")
    @Operation(summary = "Collection windows opened so far, optionally of one programme and year")
    List<CollectionRepository.Window> windows(@RequestParam(required = false) String programmeCode,
            @RequestParam(required = false) Integer year) {
        return windows.windows(programmeCode, year);
    }

    static ResponseEntity<Object> answer(CollectionService.Outcome outcome) {
        ResponseEntity.BodyBuilder builder = ResponseEntity.status(outcome.status()).eTag(Versions.etag(outcome.version()))
                .contentType(MediaType.APPLICATION_JSON);
        if (outcome.replayed()) {
            builder.header("Idempotent-Replayed", "true");
        }
        return builder.body(outcome.body());
    }
}
