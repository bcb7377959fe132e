package cn.chanjiao.notification.delivery;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The whole delivery log (e-mail, SMS, webhooks) for platform admins. */
@RestController
@Validated
@RequestMapping("/api/v1/notifications/admin/deliveries")
class DeliveryLogController {

    private final Deliveries deliveries;

    DeliveryLogController(Deliveries deliveries) {
        this.deliveries = deliveries;
    }

    @GetMapping
    @PreAuthorize("hasRole('platform-admin')")
    PageResponse<DeliveryResponse> list(@RequestParam(required = false) String channel,
            @RequestParam(required = false) String status, @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
        return PageResponse.of(deliveries.page(null, channel, status, page, size), page, size,
                deliveries.count(null, channel, status));
    }
}
