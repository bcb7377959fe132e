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

    @Test
    void aSubmittedApplicationTellsTheReviewersOfItsFirstStagesDepartmentOnlyNotEveryDepartmentOfThatAuthority() throws Exception {
        NotificationServiceProperties.EventRule rule = bind().events().get("ApplicationSubmitted");
        java.util.Map<String, Object> payload = new java.util.HashMap<>();
        payload.put("leadOrganisationId", "5a0c1e2b-7d3f-4c8a-9e61-330100000001");
        payload.put("recommendingRegionCode", "330106");
        payload.put("firstStageAuthorityCode", "330106");
        payload.put("firstStageDepartment", "industry-it");

        java.util.List<cn.chanjiao.notification.notice.AudienceSpec> audience =
                cn.chanjiao.notification.notice.AudienceSpec.from(rule.audience(), payload);

        assertThat(audience).containsExactly(
                cn.chanjiao.notification.notice.AudienceSpec.organisation("5a0c1e2b-7d3f-4c8a-9e61-330100000001"),
                new cn.chanjiao.notification.notice.AudienceSpec(null, null, "reviewer", "330106", "industry-it"));
    }
}
