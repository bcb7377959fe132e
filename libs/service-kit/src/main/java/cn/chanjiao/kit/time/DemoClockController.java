package cn.chanjiao.kit.time;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;

import cn.chanjiao.kit.web.ApiException;

/**
 * Demo only ({@code chanjiao.demo.clock-control=true}): a platform admin reads and moves this
 * service's {@link DemoClock}, e.g. {@code PUT /api/v1/applications/admin/demo-clock
 * {"now":"2023-09-01T09:00:00+08:00"}}.
 */
@RestController
@RequestMapping("${chanjiao.service.api-base-path}/admin/demo-clock")
@PreAuthorize("hasRole('platform-admin')")
class DemoClockController {

    private static final Logger log = LoggerFactory.getLogger(DemoClockController.class);

    private final java.time.Clock serviceClock;

    DemoClockController(java.time.Clock serviceClock) {
        this.serviceClock = serviceClock;
    }

    /** The service's clock when it is a demo clock; another one (a test's, a fixed demo-time) cannot be moved. */
    private DemoClock clock() {
        if (serviceClock instanceof DemoClock demo) {
            return demo;
        }
        throw new ApiException(org.springframework.http.HttpStatus.CONFLICT, "problem.demoClock.notMovable");
    }

    @GetMapping
    DemoClockResponse read() {
        return response();
    }

    @PutMapping
    DemoClockResponse set(@RequestBody DemoClockRequest request) {
        if (request == null || request.now() == null) {
            throw ApiException.badRequest("problem.demoClock.nowRequired", "now");
        }
        clock().set(request.now().toInstant());
        log.warn("demo clock set: the service's time is now {}", request.now());
        return response();
    }

    @DeleteMapping
    DemoClockResponse reset() {
        clock().reset();
        log.warn("demo clock reset to the real time");
        return response();
    }

    private DemoClockResponse response() {
        return new DemoClockResponse(OffsetDateTime.ofInstant(clock().instant(), ChinaTime.ZONE), Instant.now(), clock().offset());
    }

    record DemoClockRequest(OffsetDateTime now) {
    }

    record DemoClockResponse(OffsetDateTime now, Instant realNow, Duration offset) {
    }
}
