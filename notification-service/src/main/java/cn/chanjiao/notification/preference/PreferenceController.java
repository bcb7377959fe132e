package cn.chanjiao.notification.preference;

import cn.chanjiao.kit.security.Caller;
import cn.chanjiao.kit.web.ApiException;
import cn.chanjiao.notification.config.NotificationServiceProperties;
import cn.chanjiao.notification.delivery.Channels;
import cn.chanjiao.notification.template.Templates;
import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;
import java.util.Set;

/** The caller's own language and channels per notification kind. */
@RestController
@RequestMapping("/api/v1/notifications/preferences")
class PreferenceController {

    private final Preferences preferences;
    private final Templates templates;
    private final NotificationServiceProperties properties;

    PreferenceController(Preferences preferences, Templates templates, NotificationServiceProperties properties) {
        this.preferences = preferences;
        this.templates = templates;
        this.properties = properties;
    }

    @GetMapping
    PreferencesResponse get(Caller caller) {
        Preferences.Preference preference = preferences.of(person(caller))
                .orElse(new Preferences.Preference(null, Map.of()));
        return new PreferencesResponse(preference.language() == null ? properties.defaultLanguage() : preference.language(),
                preference.channels(), properties.defaultChannels());
    }

    @PutMapping
    PreferencesResponse update(Caller caller, @Valid @RequestBody UpdatePreferencesRequest request) {
        String user = person(caller);
        Map<String, Set<String>> channels = request.channels() == null ? Map.of() : request.channels();
        channels.forEach((kind, chosen) -> {
            if (!templates.knows(kind)) {
                throw ApiException.badRequest("notification.preference.unknown-kind", kind);
            }
            for (String channel : chosen == null ? Set.<String>of() : chosen) {
                if (!Channels.CHOOSABLE.contains(channel)) {
                    throw ApiException.badRequest("notification.preference.unknown-channel", channel);
                }
            }
        });
        preferences.save(user, new Preferences.Preference(request.language(), channels));
        return get(caller);
    }

    private static String person(Caller caller) {
        if (caller.serviceAccount()) {
            throw ApiException.forbidden("notification.inbox.people-only");
        }
        return caller.subject();
    }

    /** @param defaultChannels what a kind not listed in {@code channels} gets beyond the inbox */
    record PreferencesResponse(String language, Map<String, Set<String>> channels, Set<String> defaultChannels) {
    }
}
