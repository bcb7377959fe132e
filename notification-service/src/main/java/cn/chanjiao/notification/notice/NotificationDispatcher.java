package cn.chanjiao.notification.notice;

import cn.chanjiao.notification.client.IdentityClient;
import cn.chanjiao.notification.client.UserAccount;
import cn.chanjiao.notification.client.UserPage;
import cn.chanjiao.notification.config.NotificationServiceProperties;
import cn.chanjiao.notification.delivery.Channels;
import cn.chanjiao.notification.delivery.Deliveries;
import cn.chanjiao.notification.inbox.Inbox;
import cn.chanjiao.notification.preference.Preferences;
import cn.chanjiao.notification.template.Templates;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Turns accepted notifications into inbox entries and e-mails / SMS for each user of their audience,
 * resolved through identity-service. While identity-service cannot answer, the notification stays
 * pending and is retried with backoff; it is never dropped.
 */
@Component
public class NotificationDispatcher {

    private static final Logger log = LoggerFactory.getLogger(NotificationDispatcher.class);
    private static final int BATCH = 10;
    private static final int PAGE_SIZE = 200;

    private final NotificationRequests requests;
    private final IdentityClient identity;
    private final Inbox inbox;
    private final Deliveries deliveries;
    private final Preferences preferences;
    private final Templates templates;
    private final NotificationServiceProperties properties;
    private final TransactionTemplate transactions;
    private final Clock clock;

    NotificationDispatcher(NotificationRequests requests, IdentityClient identity, Inbox inbox, Deliveries deliveries,
            Preferences preferences, Templates templates, NotificationServiceProperties properties,
            TransactionTemplate transactions, Clock clock) {
        this.requests = requests;
        this.identity = identity;
        this.inbox = inbox;
        this.deliveries = deliveries;
        this.preferences = preferences;
        this.templates = templates;
        this.properties = properties;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${chanjiao.notification.dispatch-every:PT5S}", initialDelayString = "PT1S")
    @SchedulerLock(name = "notification-requests", lockAtMostFor = "PT5M")
    public void run() {
        dispatchDue();
    }

    /** Works off the due notifications; returns how many were handled (delivered or put back). */
    public int dispatchDue() {
        int total = 0;
        while (true) {
            Integer handled = transactions.execute(status -> {
                List<NotificationRequests.Pending> due = requests.claimDue(BATCH);
                due.forEach(this::dispatch);
                return due.size();
            });
            total += handled == null ? 0 : handled;
            if (handled == null || handled < BATCH) {
                return total;
            }
        }
    }

    private void dispatch(NotificationRequests.Pending request) {
        Map<String, UserAccount> users;
        try {
            users = resolve(request.audience());
        } catch (RuntimeException e) {
            int attempts = request.attempts() + 1;
            log.info("notification {} waits for identity-service (attempt {}): {}", request.id(), attempts, e.toString());
            requests.retryLater(request.id(), attempts,
                    clock.instant().plus(properties.delivery().backoffAfter(attempts)), e.getMessage());
            return;
        }
        for (UserAccount user : users.values()) {
            inbox.add(request.id(), user.id(), request.kind(), request.params())
                    .ifPresent(notificationId -> sendOnChannels(notificationId, request, user));
        }
        requests.done(request.id());
    }

    private Map<String, UserAccount> resolve(List<AudienceSpec> audience) {
        Map<String, UserAccount> users = new LinkedHashMap<>();
        for (AudienceSpec spec : audience) {
            if (spec.organisationId() != null) {
                identity.usersOf(UUID.fromString(spec.organisationId())).forEach(user -> users.putIfAbsent(user.id(), user));
            } else if (spec.userId() != null) {
                identity.user(spec.userId()).ifPresent(user -> users.putIfAbsent(user.id(), user));
            } else if (spec.role() != null) {
                int page = 0;
                UserPage result;
                do {
                    result = identity.usersHolding(spec.role(), spec.authority(), spec.department(), page++, PAGE_SIZE);
                    result.items().forEach(user -> users.putIfAbsent(user.id(), user));
                } while (page < result.totalPages());
            }
        }
        users.values().removeIf(user -> user.id() == null);
        return users;
    }

    private void sendOnChannels(UUID notificationId, NotificationRequests.Pending request, UserAccount user) {
        Preferences.Preference preference = preferences.of(user.id()).orElse(new Preferences.Preference(null, Map.of()));
        Set<String> channels = preference.channels().getOrDefault(request.kind(), properties.defaultChannels());
        String language = preference.language() != null ? preference.language() : properties.defaultLanguage();
        Templates.Rendered texts = templates.render(request.kind(), request.params(), language);
        if (channels.contains(Channels.EMAIL) && notBlank(user.email())) {
            Map<String, Object> mail = new LinkedHashMap<>();
            mail.put("subject", texts.title());
            mail.put("text", texts.text());
            mail.put("html", texts.html());
            deliveries.enqueue(Channels.EMAIL, notificationId, null, null, request.kind(), user.email(), mail);
        }
        if (channels.contains(Channels.SMS) && notBlank(user.mobile())) {
            deliveries.enqueue(Channels.SMS, notificationId, null, null, request.kind(), user.mobile(),
                    Map.of("text", texts.title() + " " + texts.link()));
        }
    }

    private static boolean notBlank(String value) {
        return value != null && !value.isBlank();
    }
}
