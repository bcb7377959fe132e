package cn.chanjiao.reporting.list;

import cn.chanjiao.kit.security.Caller;
import cn.chanjiao.kit.web.Versions;
import cn.chanjiao.reporting.support.PageResponse;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A platform's supply-demand lists: its lead organisations create them, enter or import rows, export
 * and publish; members and the authority read them.
 */
@RestController
@RequestMapping("/api/v1/supply-demand")
@Tag(name = "Supply-demand lists")
@Validated
class ListController {

    static final MediaType XLSX = MediaType.parseMediaType(
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final ListService lists;

    ListController(ListService lists) {
        this.lists = lists;
    }

    @GetMapping("/kinds")
    @Operation(summary = "Every kind of list with its seed columns")
    List<ListResponses.KindView> kinds() {
        return Arrays.stream(ListKind.values()).map(ListResponses::kind).toList();
    }

    @GetMapping("/templates/{kind}.xlsx")
    @Operation(summary = "An empty XLSX of the kind in the seed layout, to fill in and import")
    ResponseEntity<byte[]> template(@PathVariable ListKind kind) {
        return xlsx(ListService.template(kind), kind.titleZh() + ".xlsx");
    }

    @PostMapping("/lists")
    @Operation(summary = "Create a platform's list of one kind for one plan year (lead organisations)")
    @ApiResponse(responseCode = "201", description = "The new draft list (`Location`, `ETag` = its version)", content = @Content(schema = @Schema(implementation = ListResponses.ListView.class)))
    ResponseEntity<ListResponses.ListView> create(@Valid @RequestBody CreateListRequest request, Caller caller) {
        ListService.Loaded loaded = lists.create(request.platformId(), request.kind(), request.year(), request.industry(),
                caller);
        return ResponseEntity.created(URI.create("/api/v1/supply-demand/lists/" + loaded.list().id()))
                .eTag(Versions.etag(loaded.list().version())).body(ListResponses.list(loaded));
    }

    @GetMapping("/lists")
    @Operation(summary = "A platform's lists")
    List<ListResponses.ListView> list(@RequestParam UUID platformId, @RequestParam(required = false) Integer year,
            Caller caller) {
        return lists.ofPlatform(platformId, year, caller).stream().map(ListResponses::list).toList();
    }

    @GetMapping("/lists/{id}")
    @Operation(summary = "One list; ETag = its version")
    ResponseEntity<ListResponses.ListView> get(@PathVariable UUID id, Caller caller) {
        ListService.Loaded loaded = lists.get(id, caller);
        return ResponseEntity.ok().eTag(Versions.etag(loaded.list().version())).body(ListResponses.list(loaded));
    }

    @GetMapping("/lists/{id}/rows")
    @Operation(summary = "The rows of a list in order")
    PageResponse<ListResponses.RowView> rows(@PathVariable UUID id, Caller caller,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        lists.get(id, caller);
        return new PageResponse<>(lists.rows(id, page, size).stream().map(ListResponses::row).toList(), page, size,
                lists.countRows(id));
    }

    @PostMapping("/lists/{id}/rows")
    @Operation(summary = "Add a row: the kind's columns as properties (unitName, description, major, educationLevel, headcount, contact, phone, startOn, endOn, serviceType)")
    @ApiResponse(responseCode = "201", description = "The new row (`Location`)", content = @Content(schema = @Schema(implementation = ListResponses.RowView.class)))
    ResponseEntity<ListResponses.RowView> addRow(@PathVariable UUID id, Caller caller,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(schema = @Schema(implementation = RowRequest.class)))
            @RequestBody Map<String, Object> row) {
        ListRow added = lists.addRow(id, caller, ListService.raw(row));
        return ResponseEntity.created(URI.create("/api/v1/supply-demand/lists/" + id + "/rows/" + added.id()))
                .body(ListResponses.row(added));
    }

    @PutMapping("/lists/{id}/rows/{rowId}")
    @Operation(summary = "Replace a row's values")
    ListResponses.RowView updateRow(@PathVariable UUID id, @PathVariable UUID rowId, Caller caller,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(schema = @Schema(implementation = RowRequest.class)))
            @RequestBody Map<String, Object> row) {
        return ListResponses.row(lists.updateRow(id, rowId, caller, ListService.raw(row)));
    }

    @DeleteMapping("/lists/{id}/rows/{rowId}")
    @Operation(summary = "Remove a row")
    @ApiResponse(responseCode = "204", description = "The row is removed")
    ResponseEntity<Void> deleteRow(@PathVariable UUID id, @PathVariable UUID rowId, Caller caller) {
        lists.deleteRow(id, rowId, caller);
        return ResponseEntity.noContent().build();
    }

    @PostMapping(value = "/lists/{id}/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Replace the draft's rows with an XLSX in the seed layout (If-Match; once per Idempotency-Key); all or nothing, errors by row and column")
    ResponseEntity<ListService.Imported> importXlsx(@PathVariable UUID id, Caller caller,
            @RequestHeader(value = "If-Match", required = false) String ifMatch,
            @RequestHeader(value = "Idempotency-Key", required = false) String key,
            @RequestPart("file") MultipartFile file) {
        long version = Versions.required(ifMatch);
        ListService.Imported imported = lists.importXlsx(id, caller, file, version, key);
        return ResponseEntity.ok().eTag(Versions.etag(imported.version())).body(imported);
    }

    @GetMapping("/lists/{id}/export.xlsx")
    @Operation(summary = "The list as XLSX in the seed layout")
    ResponseEntity<byte[]> export(@PathVariable UUID id, Caller caller) {
        ListService.Loaded loaded = lists.get(id, caller);
        return xlsx(lists.export(loaded), loaded.list().kind().titleZh() + "-" + loaded.list().year() + ".xlsx");
    }

    @PostMapping("/lists/{id}/publish")
    @Operation(summary = "Publish the list to the public information service (If-Match)")
    ResponseEntity<ListResponses.ListView> publish(@PathVariable UUID id, Caller caller,
            @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        long version = Versions.required(ifMatch);
        ListService.Loaded loaded = lists.publish(id, caller, version);
        return ResponseEntity.ok().eTag(Versions.etag(loaded.list().version())).body(ListResponses.list(loaded));
    }

    static ResponseEntity<byte[]> xlsx(byte[] content, String fileName) {
        return ResponseEntity.ok().contentType(XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(fileName, StandardCharsets.UTF_8).build().toString())
                .body(content);
    }

    record CreateListRequest(@NotNull UUID platformId, @NotNull ListKind kind, @NotNull @Min(2000) @Max(2100) Integer year,
            @Size(max = 100) String industry) {
    }
}
