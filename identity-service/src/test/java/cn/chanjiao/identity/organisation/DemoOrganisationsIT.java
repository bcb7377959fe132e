package cn.chanjiao.identity.organisation;

import cn.chanjiao.identity.support.IdentityIntegrationTest;
import cn.chanjiao.kit.events.IntegrationEvents;
import cn.chanjiao.testkit.http.ApiClient.ApiResponse;
import jakarta.validation.Validator;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.context.ApplicationContext;
import org.springframework.context.MessageSource;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo organisations: none without {@code chanjiao.demo.enabled} (the test context, like
 * production, leaves it off); with it, every {@code org_id} of the realm's demo users exists, verified,
 * once however often the service starts.
 */
class DemoOrganisationsIT extends IdentityIntegrationTest {

    private static final Path REALM = Path.of("..", "deploy", "keycloak", "realm.json");

    @Autowired
    ApplicationContext context;
    @Autowired
    OrganisationRepository organisations;
    @Autowired
    OrganisationRules rules;
    @Autowired
    IntegrationEvents events;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    JsonMapper json;
    @Autowired
    Validator validator;
    @Autowired
    MessageSource messages;
    @Autowired
    Clock clock;

    @Test
    void withoutTheDemoSettingNoDemoOrganisationIsLoaded() {
        assertThat(context.getBeansOfType(DemoOrganisations.class)).isEmpty();
        assertThat(context.getEnvironment().getProperty("chanjiao.demo.enabled", Boolean.class, false)).isFalse();
    }

    @Test
    void everyOrganisationARealmDemoUserBelongsToIsSeededVerifiedAndOnlyOnce() throws Exception {
        DemoOrganisations demo = new DemoOrganisations(organisations, rules, events, transactions, json, validator,
                messages, clock);
        List<UUID> ids = demo.read().stream().map(DemoOrganisations.Demo::id).toList();

        demo.run(new DefaultApplicationArguments());
        demo.run(new DefaultApplicationArguments()); // a restart, or a second instance

        assertThat(realmOrganisationIds()).isNotEmpty().allSatisfy(id -> assertThat(ids).contains(id));
        for (UUID id : ids) {
            assertThat(jdbc.queryForObject("select count(*) from organisation where id = ?", Integer.class, id))
                    .as(id.toString()).isEqualTo(1);
            assertThat(jdbc.queryForObject("select status from organisation where id = ?", String.class, id))
                    .as(id.toString()).isEqualTo("VERIFIED");
        }
        // the organisation's own events, once (its demo users' UserProvisioned share the key when DemoAccountsIT ran first)
        List<String> types = types(events(ids.get(0).toString(), 2)).stream().filter(type -> type.startsWith("Organisation"))
                .toList();
        assertThat(types).containsExactlyInAnyOrder("OrganisationRegistered", "OrganisationVerified");
    }

    @Test
    void theDemoApplicantReadsItsOrganisationWhichMayLeadApplications() {
        DemoOrganisations demo = new DemoOrganisations(organisations, rules, events, transactions, json, validator,
                messages, clock);
        demo.run(new DefaultApplicationArguments());
        UUID taiyuan = UUID.fromString("5a0c1e2b-7d3f-4c8a-9e61-140100000001");
        UUID hangzhou = UUID.fromString("5a0c1e2b-7d3f-4c8a-9e61-330100000001");

        ApiResponse own = api.get("/api/v1/identity/organisations/" + taiyuan).bearer(applicant(taiyuan)).send();
        ApiResponse park = api.get("/api/v1/identity/organisations/" + hangzhou).bearer(applicant(hangzhou)).send();

        assertThat(own.status()).as(own.toString()).isEqualTo(200);
        assertThat(own.json().path("status").asString()).isEqualTo("VERIFIED");
        assertThat(own.json().path("kind").asString()).isEqualTo("ENTERPRISE");
        assertThat(own.json().path("canLeadApplications").asBoolean()).isTrue();
        assertThat(park.status()).as(park.toString()).isEqualTo(200);
        assertThat(park.json().path("kind").asString()).isEqualTo("INDUSTRIAL_PARK");
        assertThat(park.json().path("region").path("cityCode").asString()).isEqualTo("330100");
    }

    /** Every org_id attribute of the users of deploy/keycloak/realm.json. */
    private static List<UUID> realmOrganisationIds() throws Exception {
        JsonNode realm = JSON.readTree(Files.readString(REALM));
        List<UUID> ids = new ArrayList<>();
        realm.path("users").forEach(user -> user.path("attributes").path("org_id")
                .forEach(id -> ids.add(UUID.fromString(id.asString()))));
        return ids;
    }
}
