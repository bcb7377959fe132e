package cn.chanjiao.indicator.watch;

import cn.chanjiao.kit.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;

@RestController
@RequestMapping("${chanjiao.service.api-base-path}")
@Tag(name = "Watch-list", description = "Platforms that missed reports or data, or were graded 不合格")
class WatchListController {

    private final WatchListService watchList;

    WatchListController(WatchListService watchList) {
        this.watchList = watchList;
    }

    @GetMapping("/watch-list")
    @PreAuthorize("hasAnyRole('reviewer', 'programme-admin', 'platform-admin', 'integration')")
    @Operation(summary = "The platforms of the caller's jurisdiction on the watch-list with their reasons, longest first; "
            + "updatedSince (or includeResolved) also lists those that left it")
    WatchList list(@RequestParam(required = false) String programmeCode, @RequestParam(required = false) Instant updatedSince,
            @RequestParam(defaultValue = "false") boolean includeResolved, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size, Caller caller) {
        return watchList.list(programmeCode, updatedSince, includeResolved, page, size, caller);
    }
}
