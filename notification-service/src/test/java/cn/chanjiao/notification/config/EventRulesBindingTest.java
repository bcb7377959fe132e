package cn.chanjiao.notification.config;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The event rules of application.yml bind, further notifications ("also") included. */
class EventRulesBindingTest {

    private NotificationServiceProperties bind() throws Exception {
        StandardEnvironment environment = new StandardEnvironment();
        List<PropertySource<?>> sources = new YamlPropertySourceLoader().load("application", new ClassPathResource("application.yml"));
        sources.forEach(source -> environment.getPropertySources().addLast(source));
        environment.getPropertySources().addFirst(new org.springframework.core.env.MapPropertySource("placeholders",
                java.util.Map.of("chanjiao.keycloak.url", "http://127.0.0.1:18080", "chanjiao.keycloak.realm", "chanjiao")));
        return Binder.get(environment).bind("chanjiao.notification", NotificationServiceProperties.class).get();
    }

    @Test
    void anOverdueReportTellsThePlatformAndAlsoTheProgrammeAdminsOfItsSupervisingAuthority() throws Exception {
        NotificationServiceProperties.EventRule rule = bind().events().get("ReportOverdue");
        assertThat(rule.kind()).isEqualTo("REPORT_OVERDUE");
        assertThat(rule.audience()).extracting(NotificationServiceProperties.Audience::organisationField)
                .containsExactly("organisationId");
        assertThat(rule.also()).hasSize(1);
        NotificationServiceProperties.EventRule authority = rule.also().get(0);
        assertThat(authority.kind()).isEqualTo("REPORT_OVERDUE_AUTHORITY");
        assertThat(authority.audience()).singleElement().satisfies(audience -> {
            assertThat(audience.role()).isEqualTo("programme-admin");
            assertThat(audience.authorityField()).isEqualTo("authorityCode");
        });
    }

    @Test
    void aRuleWithoutFurtherNotificationsHasNone() throws Exception {
        NotificationServiceProperties.EventRule rule = bind().events().get("ApplicationReturned");
        assertThat(rule.kind()).isEqualTo("APPLICATION_RETURNED");
        assertThat(rule.also()).isEmpty();
    }
}
