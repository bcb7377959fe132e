package cn.chanjiao.application.client;

import cn.chanjiao.kit.security.ServiceTokens;

import cn.chanjiao.application.config.ApplicationServiceProperties;
import feign.Client;
import feign.Request;
import feign.hc5.ApacheHttp5Client;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import feign.RequestInterceptor;
import feign.Retryer;
import org.springframework.context.annotation.Bean;

import java.util.concurrent.TimeUnit;

/**
 * Feign settings of {@link IdentityClient} only (deliberately not a {@code @Configuration}, so it is
 * not picked up for other clients): timeouts, retry with backoff of the idempotent GETs on I/O
 * failure, and the client-credentials bearer token.
 */
class IdentityClientConfiguration {

    @Bean
    Request.Options identityRequestOptions(ApplicationServiceProperties properties) {
        var identity = properties.identity();
        return new Request.Options(identity.connectTimeout().toMillis(), TimeUnit.MILLISECONDS,
                identity.readTimeout().toMillis(), TimeUnit.MILLISECONDS, true);
    }

    @Bean
    Retryer identityRetryer(ApplicationServiceProperties properties) {
        var identity = properties.identity();
        long backoff = identity.backoff().toMillis();
        return identity.attempts() <= 1 ? Retryer.NEVER_RETRY
                : new Retryer.Default(backoff, backoff * 4, identity.attempts());
    }

    /** Apache HttpClient 5, pooled, without its own hidden retries: retries are the {@link Retryer}'s, counted and backed off. */
    @Bean
    Client identityHttpClient() {
        PoolingHttpClientConnectionManager connections = PoolingHttpClientConnectionManagerBuilder.create()
                .setMaxConnTotal(50).setMaxConnPerRoute(20).build();
        return new ApacheHttp5Client(HttpClients.custom().setConnectionManager(connections).disableAutomaticRetries()
                .disableCookieManagement().evictExpiredConnections().build());
    }

    @Bean
    RequestInterceptor identityBearerToken(ServiceTokens tokens) {
        return template -> template.header("Authorization", "Bearer " + tokens.token());
    }
}
