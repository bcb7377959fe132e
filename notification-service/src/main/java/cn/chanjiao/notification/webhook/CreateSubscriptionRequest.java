package cn.chanjiao.notification.webhook;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

import java.util.List;

/**
 * @param url        where events are POSTed: http or https, a public address
 * @param eventTypes envelope types, e.g. {@code DeadlineScheduled}, {@code ApplicationSubmitted}
 */
public record CreateSubscriptionRequest(@NotBlank @Size(max = 2000) String url,
        @NotEmpty @Size(max = 50) List<@NotBlank String> eventTypes, @Size(max = 500) String description) {
}
