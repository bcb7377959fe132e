package cn.chanjiao.kit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * What every service configures about itself, prefix {@code chanjiao.service}.
 *
 * @param area        the API area the service answers under, e.g. {@code indicators}
 * @param apiBasePath the base of its protected API, {@code /api/v1/<area>}
 * @param outbox      how undelivered events are retried
 */
@ConfigurationProperties("chanjiao.service")
public record ServiceKitProperties(String area, String apiBasePath, @DefaultValue Outbox outbox) {

    /**
     * @param resubmitEvery     how often undelivered events are looked for
     * @param resubmitOlderThan an event younger than this may still be in flight and is left alone;
     *                          keep it above the producer's {@code delivery.timeout.ms}
     * @param keepCompletedFor  delivered events are kept this long for inspection, then deleted
     */
    public record Outbox(@DefaultValue("PT10S") Duration resubmitEvery, @DefaultValue("PT1M") Duration resubmitOlderThan,
            @DefaultValue("P7D") Duration keepCompletedFor) {
    }
}
