package cn.chanjiao.identity.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * identity-service's own settings, prefix {@code chanjiao.identity}; defaults in its application.yml.
 *
 * @param keycloak      the Keycloak admin API users and clients are provisioned through
 * @param provisioning  registrations and invitations in flight: how long an attempt holds its Idempotency-Key,
 *                      how long answers are kept, how often abandoned attempts are compensated
 * @param invitations   how invited users (applicants, reviewers, experts, programme admins) get their first login
 */
@ConfigurationProperties("chanjiao.identity")
public record IdentityServiceProperties(@DefaultValue Keycloak keycloak, @DefaultValue Provisioning provisioning,
        @DefaultValue Invitations invitations) {

    /**
     * @param url               Keycloak's base URL; default {@code chanjiao.keycloak.url}
     * @param realm             the platform realm; default {@code chanjiao.keycloak.realm}
     * @param adminClientId     confidential client with realm-management roles (client credentials)
     * @param adminClientSecret its secret
     * @param connectTimeout    to open a connection
     * @param readTimeout       to wait for an answer; a call that takes longer is answered 503
     * @param failureRateThreshold   percentage of failed calls that opens the circuit breaker
     * @param openFor           how long the open breaker answers 503 at once before it tries Keycloak again
     */
    public record Keycloak(@DefaultValue("http://127.0.0.1:18080") String url, @DefaultValue("chanjiao") String realm,
            @DefaultValue("chanjiao-identity-admin") String adminClientId,
            @DefaultValue("chanjiao-identity-admin-demo-secret") String adminClientSecret,
            @DefaultValue("PT2S") Duration connectTimeout, @DefaultValue("PT10S") Duration readTimeout,
            @DefaultValue("50") float failureRateThreshold, @DefaultValue("PT15S") Duration openFor) {
    }

    /**
     * @param lease           an attempt younger than this is still running: a retry with its key is told so (409);
     *                        an older one is taken to have died, and is compensated and restarted
     * @param keepAnswersFor  how long the answer to a keyed registration is replayed to retries
     * @param sweepEvery      how often abandoned attempts are compensated (their Keycloak users deleted)
     */
    public record Provisioning(@DefaultValue("PT2M") Duration lease, @DefaultValue("P1D") Duration keepAnswersFor,
            @DefaultValue("PT1M") Duration sweepEvery) {
    }

    /**
     * @param sendEmail        also ask Keycloak to e-mail the invited user a link to set a password
     *                         (needs SMTP in the realm); the one-time initial password is answered either way
     * @param emailLinkLifespan how long that link is valid
     * @param clientId         the client the link returns to
     * @param redirectUri      where the browser goes after the password is set
     */
    public record Invitations(@DefaultValue("false") boolean sendEmail, @DefaultValue("P3D") Duration emailLinkLifespan,
            @DefaultValue("chanjiao-web") String clientId, @DefaultValue("http://localhost:5173/") String redirectUri) {
    }
}
