package cn.chanjiao.notification.webhook;

import cn.chanjiao.notification.config.NotificationServiceProperties;
import cn.chanjiao.notification.delivery.Channels;
import cn.chanjiao.notification.delivery.DeliverySender;
import cn.chanjiao.notification.delivery.PendingDelivery;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;

/**
 * POSTs a webhook: the CloudEvents JSON body, signed per attempt (see {@link WebhookSignature}); any
 * 2xx is delivered, anything else is retried with exponential backoff until {@code max-attempts},
 * then dead-lettered. Redirects are not followed.
 */
@Component
class WebhookSender implements DeliverySender {

    static final String SIGNATURE = "X-Chanjiao-Signature";
    static final String TIMESTAMP = "X-Chanjiao-Timestamp";

    private final WebhookSubscriptions subscriptions;
    private final NotificationServiceProperties.Webhooks settings;
    private final Clock clock;
    private final HttpClient http;

    WebhookSender(WebhookSubscriptions subscriptions, NotificationServiceProperties properties, Clock clock) {
        this.subscriptions = subscriptions;
        this.settings = properties.webhooks();
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(settings.timeout()).followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Override
    public String channel() {
        return Channels.WEBHOOK;
    }

    @Override
    public Outcome send(PendingDelivery delivery) {
        var subscription = subscriptions.find(delivery.subscriptionId()).filter(WebhookSubscriptions.Subscription::active);
        if (subscription.isEmpty()) {
            return Outcome.gaveUp("subscription deleted");
        }
        String body = String.valueOf(delivery.content().get("body"));
        long timestamp = clock.instant().getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(URI.create(subscription.get().url()))
                .timeout(settings.timeout())
                .header("Content-Type", "application/cloudevents+json; charset=utf-8")
                .header("User-Agent", "chanjiao-notification-webhooks/1")
                .header("X-Chanjiao-Delivery", delivery.id().toString())
                .header("X-Chanjiao-Event-Id", String.valueOf(delivery.eventId()))
                .header("X-Chanjiao-Event-Type", String.valueOf(delivery.eventType()))
                .header("X-Chanjiao-Attempt", String.valueOf(delivery.attempts() + 1))
                .header(TIMESTAMP, String.valueOf(timestamp))
                .header(SIGNATURE, WebhookSignature.sign(subscription.get().secret(), timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        try {
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            int status = response.statusCode();
            return status >= 200 && status < 300 ? Outcome.ok(status) : Outcome.failed(status, "HTTP " + status);
        } catch (IOException e) {
            return Outcome.failed(null, e.getClass().getSimpleName() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Outcome.failed(null, "interrupted");
        }
    }

    @Override
    public int maxAttempts() {
        return settings.maxAttempts();
    }

    @Override
    public Duration backoffAfter(int attempts) {
        return settings.backoffAfter(attempts);
    }
}
