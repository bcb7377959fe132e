package cn.chanjiao.kit.security;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.springframework.http.MediaType;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;

/**
 * A service's own access token for calls to other services (Keycloak client credentials, e.g.
 * {@code chanjiao-services} with realm role {@code service}), fetched when needed and reused until
 * 30 s before it expires. A service makes one from its settings and adds it to its Feign requests.
 */
public class ServiceTokens {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final RestClient keycloak;
    private final String tokenUrl;
    private final String clientId;
    private final String clientSecret;
    private String token;
    private long validUntilNanos;

    public ServiceTokens(String tokenUrl, String clientId, String clientSecret, Duration connectTimeout,
            Duration readTimeout) {
        this.tokenUrl = tokenUrl;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
        requests.setConnectTimeout(connectTimeout);
        requests.setReadTimeout(readTimeout);
        this.keycloak = RestClient.builder().requestFactory(requests).build();
    }

    /** A valid access token; fetches a new one when the last is about to expire. */
    public synchronized String token() {
        if (token == null || System.nanoTime() - validUntilNanos >= 0) {
            MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
            form.add("grant_type", "client_credentials");
            form.add("client_id", clientId);
            form.add("client_secret", clientSecret);
            String body = keycloak.post().uri(tokenUrl).accept(MediaType.APPLICATION_JSON)
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
