package cn.chanjiao.notification.client;

import cn.chanjiao.notification.config.NotificationServiceProperties;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.springframework.http.MediaType;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;

/**
 * This service's own access token (Keycloak client credentials of {@code chanjiao-services}, realm
 * role {@code service}), fetched when needed and reused until shortly before it expires.
 */
@Component
class ServiceTokens {

    private final RestClient keycloak;
    private final NotificationServiceProperties.Identity settings;
    private String token;
    private long validUntilNanos;

    ServiceTokens(NotificationServiceProperties properties) {
        this.settings = properties.identity();
        SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
        requests.setConnectTimeout(settings.connectTimeout());
        requests.setReadTimeout(settings.readTimeout());
        this.keycloak = RestClient.builder().requestFactory(requests).build();
    }

    synchronized String token() {
        if (token == null || System.nanoTime() - validUntilNanos >= 0) {
            MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
            form.add("grant_type", "client_credentials");
            form.add("client_id", settings.clientId());
            form.add("client_secret", settings.clientSecret());
            TokenResponse response = keycloak.post().uri(settings.tokenUrl())
                    .contentType(MediaType.APPLICATION_FORM_URLENCODED).body(form).retrieve().body(TokenResponse.class);
            if (response == null || response.accessToken() == null) {
                throw new IllegalStateException("Keycloak answered no access token");
            }
            long lifetime = Math.max(10, response.expiresIn() - 30);
            token = response.accessToken();
            validUntilNanos = System.nanoTime() + lifetime * 1_000_000_000L;
        }
        return token;
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record TokenResponse(@JsonProperty("access_token") String accessToken, @JsonProperty("expires_in") long expiresIn) {
    }
}
