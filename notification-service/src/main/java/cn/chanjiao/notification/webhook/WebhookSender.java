package cn.chanjiao.notification.webhook;

import cn.chanjiao.notification.config.NotificationServiceProperties;
import cn.chanjiao.notification.delivery.Channels;
import cn.chanjiao.notification.delivery.DeliverySender;
import cn.chanjiao.notification.delivery.PendingDelivery;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.util.Timeout;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;

/**
 * POSTs a webhook: the CloudEvents JSON body, signed per attempt (see {@link WebhookSignature}); any
 * 2xx is delivered, anything else is retried with exponential backoff until {@code max-attempts},
 * then dead-lettered. Redirects are not followed. Every connection takes its addresses from
 * {@link WebhookUrlPolicy#addresses}: the host is resolved, each address checked, and only checked
 * addresses are connected to, so a name that resolves to a loopback, private or metadata address at
 * delivery time (DNS rebinding) is refused without a byte sent.
 */
@Component
class WebhookSender implements DeliverySender, DisposableBean {

    static final String SIGNATURE = "X-Chanjiao-Signature";
    static final String TIMESTAMP = "X-Chanjiao-Timestamp";
    private static final ContentType CLOUD_EVENTS = ContentType.create("application/cloudevents+json", StandardCharsets.UTF_8);

    private final WebhookSubscriptions subscriptions;
    private final NotificationServiceProperties.Webhooks settings;
    private final Clock clock;
    private final CloseableHttpClient http;

    WebhookSender(WebhookSubscriptions subscriptions, NotificationServiceProperties properties, WebhookUrlPolicy urls,
            Clock clock) {
        this.subscriptions = subscriptions;
        this.settings = properties.webhooks();
        this.clock = clock;
        Timeout timeout = Timeout.of(settings.timeout());
        DnsResolver checkedAddresses = new DnsResolver() {
            @Override
            public InetAddress[] resolve(String host) throws UnknownHostException {
                return urls.addresses(host);
            }

            @Override
            public String resolveCanonicalHostname(String host) {
                return host;
            }
        };
        this.http = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDnsResolver(checkedAddresses)
                        .setDefaultConnectionConfig(ConnectionConfig.custom().setConnectTimeout(timeout)
                                .setSocketTimeout(timeout).build())
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom().setConnectionRequestTimeout(timeout)
                        .setResponseTimeout(timeout).build())
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
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
        HttpPost request = new HttpPost(URI.create(subscription.get().url()));
        request.setHeader("User-Agent", "chanjiao-notification-webhooks/1");
        request.setHeader("X-Chanjiao-Delivery", delivery.id().toString());
        request.setHeader("X-Chanjiao-Event-Id", String.valueOf(delivery.eventId()));
        request.setHeader("X-Chanjiao-Event-Type", String.valueOf(delivery.eventType()));
        request.setHeader("X-Chanjiao-Attempt", String.valueOf(delivery.attempts() + 1));
        request.setHeader(TIMESTAMP, String.valueOf(timestamp));
        request.setHeader(SIGNATURE, WebhookSignature.sign(subscription.get().secret(), timestamp, body));
        request.setEntity(new StringEntity(body, CLOUD_EVENTS));
        try {
            int status = http.execute(request, response -> {
                EntityUtils.consume(response.getEntity());
                return response.getCode();
            });
            return status >= 200 && status < 300 ? Outcome.ok(status) : Outcome.failed(status, "HTTP " + status);
        } catch (WebhookUrlPolicy.RefusedAddressException e) {
            return Outcome.failed(null, "address refused: " + e.getMessage());
        } catch (IOException e) {
            return Outcome.failed(null, e.getClass().getSimpleName() + ": " + e.getMessage());
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

    @Override
    public void destroy() throws IOException {
        http.close();
    }
}
