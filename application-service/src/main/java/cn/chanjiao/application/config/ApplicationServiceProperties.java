package cn.chanjiao.application.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

/**
 * application-service's own settings, prefix {@code chanjiao.application}.
 *
 * @param loadPresets  load the programme presets of {@code classpath:programmes/*.yml} on start
 * @param identity     how identity-service is reached
 * @param attachments  where and how large uploads may be
 */
@ConfigurationProperties("chanjiao.application")
public record ApplicationServiceProperties(@DefaultValue("true") boolean loadPresets, @DefaultValue Identity identity,
        @DefaultValue Attachments attachments) {

    /**
     * @param url            identity-service's base URL
     * @param tokenUrl       Keycloak's token endpoint for the client-credentials grant
     * @param clientId       this service's Keycloak client
     * @param clientSecret   its secret
     * @param connectTimeout TCP connect timeout of one call
     * @param readTimeout    response timeout of one call
     * @param attempts       tries of an idempotent read that failed on I/O (1 = no retry)
     * @param backoff        first wait between tries, doubled each time
     * @param timeLimit      the whole call including retries gives up after this
     * @param circuitBreaker when the circuit opens and how long it stays open
     */
    public record Identity(@DefaultValue("http://127.0.0.1:8081") URI url,
            @DefaultValue("http://127.0.0.1:18080/realms/chanjiao/protocol/openid-connect/token") URI tokenUrl,
            @DefaultValue("chanjiao-services") String clientId,
            @DefaultValue("chanjiao-services-demo-secret") String clientSecret,
            @DefaultValue("PT1S") Duration connectTimeout, @DefaultValue("PT2S") Duration readTimeout,
            @DefaultValue("3") int attempts, @DefaultValue("PT0.2S") Duration backoff,
            @DefaultValue("PT8S") Duration timeLimit, @DefaultValue CircuitBreaker circuitBreaker) {
    }

    /**
     * @param failureRateThreshold percentage of failed calls that opens the circuit
     * @param slidingWindowSize    calls looked at
     * @param minimumCalls         calls needed before the rate counts
     * @param openFor              how long an open circuit refuses calls before trying again
     */
    public record CircuitBreaker(@DefaultValue("50") int failureRateThreshold, @DefaultValue("10") int slidingWindowSize,
            @DefaultValue("5") int minimumCalls, @DefaultValue("PT15S") Duration openFor) {
    }

    /**
     * @param directory where the filesystem object storage keeps files
     * @param maxSize   largest upload accepted, whatever the programme allows
     */
    public record Attachments(@DefaultValue("data/application-service/attachments") Path directory,
            @DefaultValue("20MB") DataSize maxSize) {
    }
}
