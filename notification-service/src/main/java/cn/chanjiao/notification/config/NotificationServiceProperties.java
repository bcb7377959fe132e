package cn.chanjiao.notification.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Settings of notification-service, prefix {@code chanjiao.notification}.
 *
 * @param frontEndUrl     base URL of the front end; templates append their link path to it
 * @param defaultLanguage language of e-mail and SMS for a user who chose none ({@code zh-CN} or {@code en})
 * @param defaultChannels channels beyond the inbox a user gets when they chose nothing for a kind
 * @param dispatchEvery   how often pending notifications, e-mails, SMS and webhooks are worked off
 * @param events          envelope type → notification kind and audience; a type not listed notifies nobody
 */
@ConfigurationProperties("chanjiao.notification")
public record NotificationServiceProperties(@DefaultValue("http://127.0.0.1:3000") String frontEndUrl,
        @DefaultValue("zh-CN") String defaultLanguage, @DefaultValue("EMAIL") Set<String> defaultChannels,
        @DefaultValue("PT5S") Duration dispatchEvery, @DefaultValue Identity identity, @DefaultValue Delivery delivery,
        @DefaultValue Reminders reminders, @DefaultValue Webhooks webhooks, @DefaultValue Sms sms,
        @DefaultValue("noreply@chanjiao.local") String mailFrom, Map<String, EventRule> events) {

    public NotificationServiceProperties {
        events = events == null ? Map.of() : events;
    }

    /**
     * How an event type becomes notifications.
     *
     * @param kind     the notification kind: names the templates and the user's channel choice
     * @param audience who is told; each entry names payload fields
     * @param also     further notifications of the same event, each with its own kind (its own wording and
     *                 channel choice) and audience, e.g. the supervising authority of a platform whose report is overdue
     */
    public record EventRule(String kind, List<Audience> audience, List<EventRule> also) {

        public EventRule {
            audience = audience == null ? List.of() : audience;
            also = also == null ? List.of() : also;
        }
    }

    /**
     * One part of an audience, read from the event's payload: the users of an organisation
     * ({@code organisationField}), one user ({@code userField}), or the users holding {@code role} in
     * the authority of {@code authorityField} (and {@code department}, if given, or the department read
     * from {@code departmentField} — e.g. the first review stage's department of an application, so that
     * the other departments of the same authority, which cannot see it, are not told).
     */
    public record Audience(String organisationField, String userField, String role, String authorityField,
            String department, String departmentField) {
    }

    /** identity-service and the token this service calls it with. */
    public record Identity(@DefaultValue("http://127.0.0.1:8081") String url,
            @DefaultValue("http://127.0.0.1:18080/realms/chanjiao/protocol/openid-connect/token") String tokenUrl,
            @DefaultValue("chanjiao-services") String clientId, @DefaultValue("chanjiao-services-demo-secret") String clientSecret,
            @DefaultValue("PT2S") Duration connectTimeout, @DefaultValue("PT3S") Duration readTimeout,
            @DefaultValue("PT5S") Duration timeLimit, @DefaultValue("2") int attempts,
            @DefaultValue("PT0.2S") Duration backoff, @DefaultValue CircuitBreaker circuitBreaker) {
    }

    public record CircuitBreaker(@DefaultValue("50") float failureRateThreshold,
            @DefaultValue("10") int slidingWindowSize, @DefaultValue("5") int minimumCalls,
            @DefaultValue("PT30S") Duration openFor) {
    }

    /**
     * Retries of e-mail, SMS, webhooks and of resolving an audience: attempt n waits
     * {@code backoff × 2^(n-1)}, at most {@code maxBackoff}; after {@code maxAttempts} a delivery is dead.
     */
    public record Delivery(@DefaultValue("PT30S") Duration backoff, @DefaultValue("PT1H") Duration maxBackoff,
            @DefaultValue("6") int maxAttempts) {

        public Duration backoffAfter(int attempts) {
            long factor = 1L << Math.min(20, Math.max(0, attempts - 1));
            Duration wait = backoff.multipliedBy(factor);
            return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
        }
    }

    /**
     * Reminder schedules of {@code DeadlineScheduled}.
     *
     * @param checkEvery  how often due reminders are looked for
     * @param defaults    the schedule of a deadline kind not listed in {@code kinds}
     * @param kinds       per deadline kind
     * @param completedBy event type → which reminders it cancels
     */
    public record Reminders(@DefaultValue("PT1M") Duration checkEvery, @DefaultValue Schedule defaults,
            Map<String, Schedule> kinds, Map<String, Completion> completedBy) {

        public Reminders {
            kinds = kinds == null ? Map.of() : kinds;
            completedBy = completedBy == null ? Map.of() : completedBy;
        }

        public Schedule scheduleOf(String deadlineKind) {
            return kinds.getOrDefault(deadlineKind, defaults);
        }
    }

    /**
     * @param before    reminders this long before the deadline
     * @param onTheDay  a reminder on the due date (at {@code onTheDayAt} Beijing time, or at the deadline if earlier)
     * @param overdue   a reminder this long after the deadline has passed; none when null
     * @param audience  who is reminded when the deadline names no organisation
     */
    public record Schedule(@DefaultValue({ "P7D", "P1D" }) List<Duration> before, @DefaultValue("true") boolean onTheDay,
            @DefaultValue("08:00") String onTheDayAt, @DefaultValue("PT1H") Duration overdue, List<Audience> audience) {

        public Schedule {
            audience = audience == null ? List.of() : audience;
        }
    }

    /**
     * @param subjectFields      payload fields holding the subject whose reminders are cancelled
     * @param organisationField  if given, only the reminders of this organisation are cancelled
     */
    public record Completion(List<String> subjectFields, String organisationField) {

        public Completion {
            subjectFields = subjectFields == null ? List.of() : subjectFields;
        }
    }

    /**
     * @param maxAttempts     attempts before a delivery is dead-lettered
     * @param timeout         connect and read timeout of one attempt
     * @param allowedHosts    hosts accepted although they are loopback or private (for tests and on-premise set-ups)
     * @param regionFields    payload fields that place an event in a province (first two digits of a GB/T 2260 code)
     */
    public record Webhooks(@DefaultValue("8") int maxAttempts, @DefaultValue("PT10S") Duration timeout,
            @DefaultValue("PT30S") Duration backoff, @DefaultValue("PT1H") Duration maxBackoff,
            List<String> allowedHosts,
            @DefaultValue({ "authorityCode", "provinceCode", "recommendingRegionCode", "regionCode", "cityCode",
                    "districtCode" }) List<String> regionFields) {

        public Webhooks {
            allowedHosts = allowedHosts == null ? List.of() : allowedHosts;
        }

        public Duration backoffAfter(int attempts) {
            long factor = 1L << Math.min(20, Math.max(0, attempts - 1));
            Duration wait = backoff.multipliedBy(factor);
            return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
        }
    }

    /** The SMS provider's HTTP endpoint (see {@code HttpSmsGateway}); SMS is off without a URL. */
    public record Sms(String url, String apiKey, @DefaultValue("产教融合平台") String signature,
            @DefaultValue("PT5S") Duration timeout) {
    }
}
