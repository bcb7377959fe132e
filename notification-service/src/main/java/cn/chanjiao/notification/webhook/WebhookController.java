package cn.chanjiao.notification.webhook;

import cn.chanjiao.kit.events.EventTypeCatalog;
import cn.chanjiao.kit.security.Caller;
import cn.chanjiao.kit.web.ApiException;
import cn.chanjiao.notification.delivery.Deliveries;
import cn.chanjiao.notification.delivery.DeliveryResponse;
import cn.chanjiao.notification.delivery.PageResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.UUID;

/**
 * Webhook subscriptions of integration clients (role {@code integration}, scoped to the province of
 * their {@code authority_code}): each client sees and manages only its own subscriptions and their
 * delivery log (another client's is 404).
 */
@RestController
@Validated
@RequestMapping("/api/v1/notifications/webhooks")
@PreAuthorize("hasRole('integration')")
class WebhookController {

    private final WebhookSubscriptions subscriptions;
    private final WebhookUrlPolicy urls;
    private final EventTypeCatalog catalog;
    private final Deliveries deliveries;

    WebhookController(WebhookSubscriptions subscriptions, WebhookUrlPolicy urls, EventTypeCatalog catalog,
            Deliveries deliveries) {
        this.subscriptions = subscriptions;
        this.urls = urls;
        this.catalog = catalog;
        this.deliveries = deliveries;
    }

    @PostMapping("/subscriptions")
    @ResponseStatus(HttpStatus.CREATED)
    SubscriptionResponse subscribe(Caller caller, @Valid @RequestBody CreateSubscriptionRequest request) {
        String province = province(caller);
        for (String type : request.eventTypes()) {
            if (catalog.forName(type).isEmpty()) {
                throw ApiException.badRequest("notification.webhook.unknown-event-type", type).with("eventType", type);
            }
        }
        String url = urls.check(request.url()).toString();
        return SubscriptionResponse.of(subscriptions.create(caller.clientId(), province, url,
                List.copyOf(new java.util.LinkedHashSet<>(request.eventTypes())), WebhookSignature.newSecret(),
                request.description()), true);
    }

    @GetMapping("/subscriptions")
    List<SubscriptionResponse> list(Caller caller) {
        province(caller);
        return subscriptions.ofClient(caller.clientId()).stream().map(s -> SubscriptionResponse.of(s, false)).toList();
    }

    @GetMapping("/subscriptions/{id}")
    SubscriptionResponse get(Caller caller, @PathVariable UUID id) {
        return SubscriptionResponse.of(own(caller, id), false);
    }

    @DeleteMapping("/subscriptions/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(Caller caller, @PathVariable UUID id) {
        subscriptions.deactivate(own(caller, id).id());
    }

    /** The delivery log of a subscription, newest first, each with its attempts. */
    @GetMapping("/subscriptions/{id}/deliveries")
    PageResponse<DeliveryResponse> deliveries(Caller caller, @PathVariable UUID id,
            @RequestParam(required = false) String status, @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
        UUID subscription = own(caller, id).id();
        return PageResponse.of(deliveries.page(subscription, null, status, page, size), page, size,
                deliveries.count(subscription, null, status));
    }

    /** Sends a delivery again (e.g. a dead-lettered one) with a fresh round of attempts. */
    @PostMapping("/deliveries/{deliveryId}/redelivery")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Transactional
    DeliveryResponse redeliver(Caller caller, @PathVariable UUID deliveryId) {
        DeliveryResponse delivery = deliveries.find(deliveryId)
                .filter(d -> d.subscriptionId() != null)
                .filter(d -> subscriptions.find(d.subscriptionId()).filter(s -> s.clientId().equals(caller.clientId()))
                        .isPresent())
                .orElseThrow(() -> ApiException.notFound("notification.webhook.delivery-not-found", deliveryId));
        province(caller);
        deliveries.redeliver(delivery.id());
        return deliveries.find(delivery.id()).orElseThrow();
    }

    private WebhookSubscriptions.Subscription own(Caller caller, UUID id) {
        province(caller);
        return subscriptions.find(id).filter(s -> s.active() && s.clientId().equals(caller.clientId()))
                .orElseThrow(() -> ApiException.notFound("notification.webhook.subscription-not-found", id));
    }

    private static String province(Caller caller) {
        return caller.authorityCode().filter(code -> code.matches("\\d{6}"))
                .orElseThrow(() -> ApiException.forbidden("notification.webhook.no-province"));
    }
}
