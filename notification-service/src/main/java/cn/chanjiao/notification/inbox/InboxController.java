package cn.chanjiao.notification.inbox;

import cn.chanjiao.kit.security.Caller;
import cn.chanjiao.kit.web.ApiException;
import cn.chanjiao.notification.delivery.PageResponse;
import cn.chanjiao.notification.template.Templates;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

/**
 * The caller's own in-app inbox: any person with a token; a user sees and marks only their own
 * notifications (someone else's is 404), and a service account has no inbox (403).
 */
@RestController
@Validated
@RequestMapping("/api/v1/notifications/inbox")
class InboxController {

    private final Inbox inbox;
    private final Templates templates;

    InboxController(Inbox inbox, Templates templates) {
        this.inbox = inbox;
        this.templates = templates;
    }

    /** Newest first; {@code unread=true} for the unread ones only. */
    @GetMapping
    PageResponse<NotificationResponse> list(Caller caller, @RequestParam(defaultValue = "false") boolean unread,
            @RequestParam(defaultValue = "0") @Min(0) int page, @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        String user = person(caller);
        return PageResponse.of(inbox.page(user, unread, page, size).stream().map(this::response).toList(), page, size,
                inbox.count(user, unread));
    }

    @GetMapping("/unread-count")
    UnreadCount unreadCount(Caller caller) {
        return new UnreadCount(inbox.count(person(caller), true));
    }

    @GetMapping("/{id}")
    NotificationResponse get(Caller caller, @PathVariable UUID id) {
        return inbox.find(id, person(caller)).map(this::response).orElseThrow(() -> notFound(id));
    }

    @PostMapping("/{id}/read")
    @Transactional
    NotificationResponse markRead(Caller caller, @PathVariable UUID id) {
        String user = person(caller);
        inbox.find(id, user).orElseThrow(() -> notFound(id));
        inbox.markRead(id, user);
        return inbox.find(id, user).map(this::response).orElseThrow();
    }

    @PostMapping("/read-all")
    MarkedRead markAllRead(Caller caller) {
        return new MarkedRead(inbox.markAllRead(person(caller)));
    }

    /** {@code {"unread": n}}: the caller's unread notifications. */
    record UnreadCount(long unread) {
    }

    /** {@code {"marked": n}}: how many notifications were marked read. */
    record MarkedRead(int marked) {
    }

    private NotificationResponse response(Inbox.Entry entry) {
        Templates.Rendered texts = templates.render(entry.kind(), entry.params(),
                LocaleContextHolder.getLocale().toLanguageTag());
        return new NotificationResponse(entry.id(), entry.kind(), texts.title(), texts.body(), texts.link(),
                entry.createdAt(), entry.readAt(), entry.readAt() != null);
    }

    private static String person(Caller caller) {
        if (caller.serviceAccount()) {
            throw ApiException.forbidden("notification.inbox.people-only");
        }
        return caller.subject();
    }

    private static ApiException notFound(UUID id) {
        return ApiException.notFound("notification.not-found", id);
    }
}
