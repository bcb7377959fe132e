package cn.chanjiao.application.client;

import cn.chanjiao.application.config.ApplicationServiceProperties;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.springframework.http.MediaType;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * This service's own access token (Keycloak client credentials of {@code chanjiao-services}, realm
 * role {@code service}), fetched when needed and reused until shortly before it expires.
 */
@Component
class ServiceTokens {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final RestClient keycloak;
    private final ApplicationServiceProperties.Identity settings;
    private String token;
    private long validUntilNanos;

    ServiceTokens(ApplicationServiceProperties properties) {
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
            String body = keycloak.post().uri(settings.tokenUrl()).accept(MediaType.APPLICATION_JSON)
                    .contentType(MediaType.APPLICATION_FORM_URLENCODED).body(form).retrieve().body(String.class);
            TokenResponse response = body == null ? null : JSON.readValue(body, TokenResponse.class);
            if (response == null || response.accessToken() == null) {
                throw new IllegalStateException("Keycloak answered no access token: " + abbreviate(body));
            }
            long lifetime = Math.max(10, response.expiresIn() - 30);
            token = response.accessToken();
            validUntilNanos = System.nanoTime() + lifetime * 1_000_000_000L;
        }
        return token;
    }

    private static String abbreviate(String body) {
        return body == null ? "nothing" : body.length() > 200 ? body.substring(0, 200) + "…" : body;
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record TokenResponse(@JsonProperty("access_token") String accessToken, @JsonProperty("expires_in") long expiresIn) {
    }
}
