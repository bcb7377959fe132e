package cn.chanjiao.notification.delivery;

import cn.chanjiao.notification.config.NotificationServiceProperties;
import org.springframework.http.MediaType;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The SMS provider adapter. Its HTTP contract: {@code POST <chanjiao.notification.sms.url>} with
 * {@code Authorization: Bearer <api-key>} and JSON {@code {"to": "+8613800000000", "text": "...",
 * "signature": "产教融合平台"}}; any 2xx means accepted, anything else is retried.
 */
@Component
class HttpSmsGateway implements SmsGateway {

    private final NotificationServiceProperties.Sms settings;
    private final RestClient http;

    HttpSmsGateway(NotificationServiceProperties properties) {
        this.settings = properties.sms();
        SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
        requests.setConnectTimeout(settings.timeout());
        requests.setReadTimeout(settings.timeout());
        this.http = RestClient.builder().requestFactory(requests).build();
    }

    @Override
    public DeliverySender.Outcome send(String mobile, String text) {
        if (settings.url() == null || settings.url().isBlank()) {
            return DeliverySender.Outcome.gaveUp("no SMS provider configured (chanjiao.notification.sms.url)");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("to", mobile);
        body.put("text", text);
        body.put("signature", settings.signature());
        try {
            var response = http.post().uri(settings.url()).contentType(MediaType.APPLICATION_JSON)
                    .headers(h -> {
                        if (settings.apiKey() != null) {
                            h.setBearerAuth(settings.apiKey());
                        }
                    })
                    .body(body).retrieve().toBodilessEntity();
            return DeliverySender.Outcome.ok(response.getStatusCode().value());
        } catch (RestClientResponseException e) {
            return DeliverySender.Outcome.failed(e.getStatusCode().value(), "SMS provider answered " + e.getStatusCode());
        } catch (RestClientException e) {
            return DeliverySender.Outcome.failed(null, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }
}
