package cn.chanjiao.indicator.collection;

import cn.chanjiao.indicator.config.IndicatorServiceProperties;
import cn.chanjiao.indicator.web.Xlsx;
import cn.chanjiao.kit.security.Caller;
import cn.chanjiao.kit.web.IdempotentRequests;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ContentDisposition;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.multipart.MultipartFile;
import java.io.IOException;
import java.io.InputStream;
import cn.chanjiao.kit.web.Versions;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
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
    private final IndicatorServiceProperties properties;
    private final YearImportService yearImport;

    CollectionController(CollectionService collection, CollectionRepository windows, IndicatorServiceProperties properties,
            YearImportService yearImport) {
        this.collection = collection;
        this.yearImport = yearImport;
        this.windows = windows;
        this.properties = properties;
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
    @ApiResponse(responseCode = "200", description = "The values saved: new version (also the `ETag`), plausibility warnings; a retry with the same `Idempotency-Key` gets the first answer with `Idempotent-Replayed: true`", content = @Content(schema = @Schema(implementation = SaveValuesResponse.class)))
    ResponseEntity<Object> save(@PathVariable UUID platformId, @PathVariable int year, @Valid @RequestBody SaveValuesRequest request,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Parameter(required = true) @RequestHeader(value = "Idempotency-Key", required = false) String key, Caller caller) {
        return answer(collection.save(platformId, year, request, ifMatch, key, caller));
    }

    @PostMapping("/platforms/{platformId}/years/{year}/submission")
    @PreAuthorize(PLATFORM_USER)
    @Operation(summary = "Submit the year's values (publishes IndicatorDataSubmitted); If-Match and Idempotency-Key required")
    @ApiResponse(responseCode = "200", description = "The submitted platform-year (`ETag` = its version); a retry with the same `Idempotency-Key` gets the first answer with `Idempotent-Replayed: true`", content = @Content(schema = @Schema(implementation = PlatformYearResponse.class)))
    ResponseEntity<Object> submit(@PathVariable UUID platformId, @PathVariable int year,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Parameter(required = true) @RequestHeader(value = "Idempotency-Key", required = false) String key, Caller caller) {
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

    @GetMapping(value = "/platforms/{platformId}/years/{year}/values.xlsx", produces = Xlsx.MEDIA_TYPE)
    @Operation(summary = "The platform-year as XLSX (one row per indicator: target, value, note, evidence); fill 填报值 and import it back")
    ResponseEntity<byte[]> export(@PathVariable UUID platformId, @PathVariable int year, Caller caller) {
        PlatformYearResponse view = collection.view(platformId, year, caller);
        return ResponseEntity.ok().eTag(Versions.etag(view.version()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("indicators-" + platformId + "-" + year + ".xlsx").build().toString())
                .contentType(MediaType.parseMediaType(Xlsx.MEDIA_TYPE)).body(ValuesWorkbook.export(view));
    }

    @PutMapping(value = "/platforms/{platformId}/years/{year}/values.xlsx", consumes = Xlsx.MEDIA_TYPE)
    @PreAuthorize(PLATFORM_USER)
    @Operation(summary = "Import values from XLSX (columns 指标编码, 填报值; optional 说明, 佐证材料), read streaming; a save like PUT values")
    @ApiResponse(responseCode = "200", description = "The values saved: new version (also the `ETag`), plausibility warnings; a retry with the same `Idempotency-Key` gets the first answer with `Idempotent-Replayed: true`", content = @Content(schema = @Schema(implementation = SaveValuesResponse.class)))
    ResponseEntity<Object> importWorkbook(@PathVariable UUID platformId, @PathVariable int year, HttpServletRequest request,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Parameter(required = true) @RequestHeader(value = "Idempotency-Key", required = false) String key, Caller caller) throws IOException {
        return importFrom(platformId, year, request.getInputStream(), ifMatch, key, caller);
    }

    @PutMapping(value = "/platforms/{platformId}/years/{year}/values.xlsx", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize(PLATFORM_USER)
    @Operation(summary = "Import values from an XLSX sent as the multipart part 'file'")
    @ApiResponse(responseCode = "200", description = "The values saved: new version (also the `ETag`), plausibility warnings; a retry with the same `Idempotency-Key` gets the first answer with `Idempotent-Replayed: true`", content = @Content(schema = @Schema(implementation = SaveValuesResponse.class)))
    ResponseEntity<Object> importMultipart(@PathVariable UUID platformId, @PathVariable int year,
            @RequestPart("file") MultipartFile file,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Parameter(required = true) @RequestHeader(value = "Idempotency-Key", required = false) String key, Caller caller) throws IOException {
        try (InputStream in = file.getInputStream()) {
            return importFrom(platformId, year, in, ifMatch, key, caller);
        }
    }

    private ResponseEntity<Object> importFrom(UUID platformId, int year, InputStream in, String ifMatch, String key,
            Caller caller) {
        Versions.required(ifMatch);
        IdempotentRequests.requireKey(key);
        collection.requireEditor(platformId, caller);
        ValuesWorkbook.Imported imported = ValuesWorkbook.read(in, properties.maxImportBytes());
        return answer(collection.save(platformId, year, imported.request(), ifMatch, key, caller, imported::relabel));
    }

    @PutMapping(value = "/programmes/{programmeCode}/years/{year}/values.xlsx", consumes = Xlsx.MEDIA_TYPE)
    @PreAuthorize(AUTHORITY)
    @Operation(summary = "An authority imports its whole year: the sheet 指标数据 of overview.xlsx (columns 平台编号, 指标编码, "
            + "实际值 or 填报值; optional 说明, 佐证材料), all or nothing, each platform's rows a batch save; Idempotency-Key required")
    @ApiResponse(responseCode = "200", description = "Per platform: rows saved, removed, unchanged, its new version and warnings; the platforms left as they were", content = @Content(schema = @Schema(implementation = YearImportService.ImportResponse.class)))
    ResponseEntity<Object> importYear(@PathVariable String programmeCode, @PathVariable int year, HttpServletRequest request,
            @Parameter(required = true) @RequestHeader(value = "Idempotency-Key", required = false) String key, Caller caller) throws IOException {
        return importYearFrom(programmeCode, year, request.getInputStream(), key, caller);
    }

    @PutMapping(value = "/programmes/{programmeCode}/years/{year}/values.xlsx", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize(AUTHORITY)
    @Operation(summary = "An authority imports its whole year from an XLSX sent as the multipart part 'file'")
    @ApiResponse(responseCode = "200", description = "As the raw XLSX import", content = @Content(schema = @Schema(implementation = YearImportService.ImportResponse.class)))
    ResponseEntity<Object> importYearMultipart(@PathVariable String programmeCode, @PathVariable int year,
            @RequestPart("file") MultipartFile file,
            @Parameter(required = true) @RequestHeader(value = "Idempotency-Key", required = false) String key, Caller caller) throws IOException {
        try (InputStream in = file.getInputStream()) {
            return importYearFrom(programmeCode, year, in, key, caller);
        }
    }

    private ResponseEntity<Object> importYearFrom(String programmeCode, int year, InputStream in, String key, Caller caller) {
        IdempotentRequests.requireKey(key);
        yearImport.programme(programmeCode);
        YearWorkbook.Imported imported = YearWorkbook.read(in, properties.maxImportBytes());
        CollectionService.Outcome outcome = yearImport.importYear(programmeCode, year, imported, key, caller);
        ResponseEntity.BodyBuilder builder = ResponseEntity.status(outcome.status()).contentType(MediaType.APPLICATION_JSON);
        if (outcome.replayed()) {
            builder.header("Idempotent-Replayed", "true");
        }
        return builder.body(outcome.body());
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
