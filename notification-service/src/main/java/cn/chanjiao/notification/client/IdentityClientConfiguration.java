package cn.chanjiao.notification.client;

import cn.chanjiao.kit.security.ServiceTokens;
import cn.chanjiao.notification.config.NotificationServiceProperties;
import feign.Request;
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
    Request.Options identityRequestOptions(NotificationServiceProperties properties) {
        var identity = properties.identity();
        return new Request.Options(identity.connectTimeout().toMillis(), TimeUnit.MILLISECONDS,
                identity.readTimeout().toMillis(), TimeUnit.MILLISECONDS, true);
    }

    @Bean
    Retryer identityRetryer(NotificationServiceProperties properties) {
        var identity = properties.identity();
        long backoff = identity.backoff().toMillis();
        return identity.attempts() <= 1 ? Retryer.NEVER_RETRY
                : new Retryer.Default(backoff, backoff * 4, identity.attempts());
    }

    @Bean
    RequestInterceptor identityBearerToken(ServiceTokens tokens) {
        return template -> template.header("Authorization", "Bearer " + tokens.token());
    }
}
