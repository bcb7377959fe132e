package cn.chanjiao.notification.notice;

import cn.chanjiao.notification.config.NotificationServiceProperties.Audience;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Who a notification is for, as identity-service is asked for them: the users of an organisation,
 * one user, or the users holding a role in an authority (and department, configured or read from the payload).
 */
public record AudienceSpec(String organisationId, String userId, String role, String authority, String department) {

    public static AudienceSpec organisation(String organisationId) {
        return new AudienceSpec(organisationId, null, null, null, null);
    }

    /** Reads the configured audience of an event type from its payload; parts whose fields are empty are left out. */
    public static List<AudienceSpec> from(List<Audience> audience, Map<String, Object> payload) {
        List<AudienceSpec> specs = new ArrayList<>();
        for (Audience part : audience) {
            if (part.organisationField() != null) {
                text(payload, part.organisationField()).ifPresent(org -> specs.add(organisation(org)));
            } else if (part.userField() != null) {
                text(payload, part.userField()).ifPresent(user -> specs.add(new AudienceSpec(null, user, null, null, null)));
            } else if (part.role() != null && part.authorityField() != null) {
                String department = part.departmentField() == null ? part.department()
                        : text(payload, part.departmentField()).orElse(part.department());
                text(payload, part.authorityField()).ifPresent(authority ->
                        specs.add(new AudienceSpec(null, null, part.role(), authority, department)));
            }
        }
        return specs;
    }

    private static java.util.Optional<String> text(Map<String, Object> payload, String field) {
        Object value = payload.get(field);
        return value == null || value.toString().isBlank() ? java.util.Optional.empty() : java.util.Optional.of(value.toString());
    }
}
