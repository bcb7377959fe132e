package cn.chanjiao.reporting.list;

import cn.chanjiao.kit.web.ApiException;
import cn.chanjiao.reporting.support.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.UUID;

/** The public information service (seed 002 (二十五)): published lists and keyword search, no token needed. */
@RestController
@RequestMapping("/api/v1/public/supply-demand")
@Tag(name = "Public supply-demand information")
@Validated
class PublicListController {

    private final PublicSearch search;
    private final ListService lists;
    private final SdLists store;

    PublicListController(PublicSearch search, ListService lists, SdLists store) {
        this.search = search;
        this.lists = lists;
        this.store = store;
    }

    @GetMapping("/rows")
    @Operation(summary = "Search published rows: keywords (Chinese works, 2 characters and up), kind, major, education level, region, industry, platform, year; updatedSince (published since) for incremental sync")
    SearchPage rows(@RequestParam(required = false) String q,
            @RequestParam(required = false) ListKind kind, @RequestParam(required = false) String major,
            @RequestParam(required = false) String educationLevel, @RequestParam(required = false) String region,
            @RequestParam(required = false) String industry, @RequestParam(required = false) UUID platformId,
            @RequestParam(required = false) Integer year,
            @RequestParam(required = false) @org.springframework.format.annotation.DateTimeFormat(
                    iso = org.springframework.format.annotation.DateTimeFormat.ISO.DATE_TIME) java.time.Instant updatedSince,
            @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        PublicSearch.Result result = search.search(new PublicSearch.Query(q, kind, major, educationLevel, region,
                industry, platformId, year, updatedSince), page, size);
        return new SearchPage(result.hits().stream().map(h -> ListResponses.row(h.row(), h.platformName())).toList(),
                page, size, result.total(), result.totalExact());
    }

    /** A page of search hits; {@code total} is exact up to 10,000 matches ({@code totalExact} false beyond). */
    record SearchPage(List<ListResponses.RowView> items, int page, int size, long total, boolean totalExact) {
    }

    @GetMapping("/lists")
    @Operation(summary = "Published lists, newest first")
    List<ListResponses.ListView> lists(@RequestParam(required = false) UUID platformId,
            @RequestParam(required = false) Integer year, @RequestParam(required = false) ListKind kind,
            @RequestParam(defaultValue = "0") @Min(0) int page, @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return store.published(platformId, year, kind == null ? null : kind.name(), page, size).stream()
                .map(l -> ListResponses.list(lists.get(l.id(), null))).toList();
    }

    @GetMapping("/lists/{id}/rows")
    @Operation(summary = "The rows of a published list")
    PageResponse<ListResponses.RowView> listRows(@PathVariable UUID id, @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        published(id);
        return new PageResponse<>(lists.rows(id, page, size).stream().map(ListResponses::row).toList(), page, size,
                lists.countRows(id));
    }

    @GetMapping("/lists/{id}/export.xlsx")
    @Operation(summary = "A published list as XLSX in the seed layout")
    ResponseEntity<byte[]> export(@PathVariable UUID id) {
        ListService.Loaded loaded = published(id);
        return ListController.xlsx(lists.export(loaded), loaded.list().kind().titleZh() + "-" + loaded.list().year() + ".xlsx");
    }

    private ListService.Loaded published(UUID id) {
        SdList list = store.find(id).filter(SdList::published).orElseThrow(() -> ApiException.notFound("list.notFound", id));
        return lists.get(list.id(), null);
    }
}
