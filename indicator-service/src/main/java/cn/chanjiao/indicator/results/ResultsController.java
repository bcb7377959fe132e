package cn.chanjiao.indicator.results;

import cn.chanjiao.indicator.web.Xlsx;
import cn.chanjiao.kit.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;
import java.util.UUID;

@RestController
@RequestMapping("${chanjiao.service.api-base-path}")
@Tag(name = "Results", description = "Plan against actual, authority views, assessments")
class ResultsController {

    static final String AUTHORITY = "hasAnyRole('reviewer', 'programme-admin', 'platform-admin', 'integration')";

    private final ResultsService results;

    ResultsController(ResultsService results) {
        this.results = results;
    }

    @GetMapping("/platforms/{platformId}/years/{year}/results")
    @Operation(summary = "Plan against actual per indicator, per dimension and overall, with derived indicators")
    PlatformResults platform(@PathVariable UUID platformId, @PathVariable int year, Caller caller) {
        return results.platformResults(platformId, year, caller);
    }

    @GetMapping("/programmes/{programmeCode}/years/{year}/overview")
    @PreAuthorize(AUTHORITY)
    @Operation(summary = "Every platform of the programme's year within the caller's jurisdiction: completion, rank, missing submissions, statistics by type, province and city")
    Overview overview(@PathVariable String programmeCode, @PathVariable int year, Caller caller) {
        return results.overview(programmeCode, year, caller);
    }

    @GetMapping(value = "/programmes/{programmeCode}/years/{year}/overview.xlsx", produces = Xlsx.MEDIA_TYPE)
    @PreAuthorize(AUTHORITY)
    @Operation(summary = "The authority's whole year as XLSX: platforms with completion and rank, statistics, every value against its target")
    ResponseEntity<byte[]> overviewWorkbook(@PathVariable String programmeCode, @PathVariable int year, Caller caller) {
        Overview overview = results.overview(programmeCode, year, caller);
        Map<UUID, List<PlatformResults.IndicatorResult>> details = results.details(programmeCode, year, overview);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("overview-" + programmeCode + "-" + year + ".xlsx").build().toString())
                .contentType(MediaType.parseMediaType(Xlsx.MEDIA_TYPE)).body(OverviewWorkbook.export(overview, details, results.storedValues(overview, year)));
    }
}
