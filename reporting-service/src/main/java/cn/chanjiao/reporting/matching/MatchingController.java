package cn.chanjiao.reporting.matching;

import cn.chanjiao.kit.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

/** Recommendations: the best counterpart rows for a row, each with its score and the reasons for it. */
@RestController
@Tag(name = "Matching")
@Validated
class MatchingController {

    private final MatchingService matching;

    MatchingController(MatchingService matching) {
        this.matching = matching;
    }

    @GetMapping("/api/v1/public/supply-demand/rows/{id}/matches")
    @Operation(summary = "For a published row, the best published rows of the other side (no token needed)")
    MatchingService.Matches publicMatches(@PathVariable UUID id,
            @RequestParam(defaultValue = "10") @Min(1) @Max(50) int limit) {
        return matching.forPublished(id, limit);
    }

    @GetMapping("/api/v1/supply-demand/rows/{id}/matches")
    @Operation(summary = "For a row the caller may read (a draft too), the best published rows of the other side")
    MatchingService.Matches matches(@PathVariable UUID id, Caller caller,
            @RequestParam(defaultValue = "10") @Min(1) @Max(50) int limit) {
        return matching.forCaller(id, caller, limit);
    }
}
