package cn.chanjiao.identity.account;

import cn.chanjiao.identity.support.IdentityIntegrationTest;
import cn.chanjiao.testkit.http.ApiClient.ApiResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The realm's demo people get identity-service accounts under their Keycloak ids
 * ({@code chanjiao.demo.enabled=true}), so that notifications to "the programme admins of 140000" or
 * "the users of the Taiyuan demo enterprise" reach the demo logins.
 */
class DemoAccountsIT extends IdentityIntegrationTest {

    private static final Path REALM = Path.of("..", "deploy", "keycloak", "realm.json");

    @Autowired
    ApplicationContext context;

    @Test
    void everyDemoAccountIsARealmUserWithTheSameIdUsernameAndScope() throws Exception {
        Map<String, JsonNode> realmUsers = new HashMap<>();
        JSON.readTree(Files.readString(REALM)).path("users").forEach(user -> realmUsers.put(user.path("username").asString(), user));

        List<DemoAccounts.Demo> demos = runner(DemoAccounts.class).read();

        assertThat(demos).extracting(DemoAccounts.Demo::username).containsExactlyInAnyOrder("applicant", "org-admin",
                "applicant-hangzhou", "reviewer-shanxi-edu", "reviewer-hangzhou-drc", "expert", "programme-admin-shanxi",
                "programme-admin-hangzhou");
        for (DemoAccounts.Demo demo : demos) {
            JsonNode user = realmUsers.get(demo.username());
            assertThat(user).as(demo.username()).isNotNull();
            assertThat(user.path("id").asString()).as(demo.username() + " id").isEqualTo(demo.id().toString());
            JsonNode attributes = user.path("attributes");
            assertThat(text(attributes, "org_id")).as(demo.username() + " org_id")
                    .isEqualTo(demo.organisationId() == null ? null : demo.organisationId().toString());
            assertThat(text(attributes, "authority_code")).as(demo.username() + " authority_code").isEqualTo(demo.authorityCode());
            assertThat(text(attributes, "department")).as(demo.username() + " department").isEqualTo(demo.department());
            assertThat(user.path("realmRoles").toString()).as(demo.username() + " roles")
                    .contains(demo.kind().roles().stream().map(role -> "\"" + role + "\"").toArray(String[]::new));
        }
    }

    @Test
    void theDemoProgrammeAdminsAndTheDemoEnterprisesUsersAreFoundOnceAfterTwoStarts() throws Exception {
        ApplicationRunner organisations = (ApplicationRunner) context.getAutowireCapableBeanFactory()
                .createBean(Class.forName("cn.chanjiao.identity.organisation.DemoOrganisations"));
        DemoAccounts accounts = runner(DemoAccounts.class);
        organisations.run(new DefaultApplicationArguments());
        accounts.run(new DefaultApplicationArguments());
        accounts.run(new DefaultApplicationArguments()); // a restart, or a second instance

        ApiResponse admins = api.get("/api/v1/identity/users?role=programme-admin&authority=140000&department=education&page=0&size=50")
                .bearer(service()).send();
        ApiResponse taiyuan = api.get("/api/v1/identity/organisations/5a0c1e2b-7d3f-4c8a-9e61-140100000001/users")
                .bearer(service()).send();

        assertThat(admins.status()).as(admins.toString()).isEqualTo(200);
        assertThat(admins.json().path("items").toString()).contains("7b1d3c5e-0000-4000-8000-000000000007")
                .contains("programme-admin-shanxi").doesNotContain("programme-admin-hangzhou");
        assertThat(taiyuan.status()).as(taiyuan.toString()).isEqualTo(200);
        assertThat(taiyuan.json().toString()).contains("\"org-admin\"").contains("\"applicant\"");
        assertThat(jdbc.queryForObject("select count(*) from account where id = ?", Integer.class,
                UUID.fromString("7b1d3c5e-0000-4000-8000-000000000002"))).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from account where created_by = 'demo-data'", Integer.class))
                .isEqualTo(8);
    }

    private <T> T runner(Class<T> type) {
        return context.getAutowireCapableBeanFactory().createBean(type);
    }

    private static String text(JsonNode attributes, String name) {
        JsonNode values = attributes.path(name);
        return values.isArray() && !values.isEmpty() ? values.get(0).asString() : null;
    }
}
