package cn.chanjiao.identity.account;

import cn.chanjiao.contracts.identity.UserProvisioned;
import cn.chanjiao.identity.demo.DemoSeeds;
import cn.chanjiao.kit.events.IntegrationEvents;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The accounts of the realm's demo people ({@code classpath:demo/accounts.json}): the users of
 * {@code deploy/keycloak/realm.json} under the same fixed Keycloak ids, so that identity-service knows
 * them as it knows every user it provisioned — an organisation's users, the programme admins and
 * reviewers of an authority — and notification-service reaches them (without these, "the programme
 * admins of 140000" were nobody in a demo). {@code platform-admin} has no account kind and none here.
 * Only with {@code chanjiao.demo.enabled=true}, after the demo organisations; inserted when the id is
 * not in the database yet (a restart or a second instance changes nothing), with the same
 * {@code UserProvisioned} event a provisioned user gets.
 */
@Component
@ConditionalOnBooleanProperty(name = "chanjiao.demo.enabled")
@Order(Ordered.LOWEST_PRECEDENCE) // after DemoOrganisations: an account references its organisation
class DemoAccounts implements ApplicationRunner {

    static final String LOCATION = "demo/accounts.json";
    private static final Logger log = LoggerFactory.getLogger(DemoAccounts.class);

    /** One demo person: the realm user's id and username, its account kind and scope. */
    record Demo(UUID id, String username, AccountKind kind, String familyName, String givenName, String email,
            UUID organisationId, String authorityCode, String department) {

        PersonDetails person() {
            return new PersonDetails(username, familyName, givenName, email, null);
        }
    }

    private final AccountRepository accounts;
    private final IntegrationEvents events;
    private final TransactionTemplate transactions;
    private final JsonMapper json;
    private final Validator validator;
    private final Clock clock;

    DemoAccounts(AccountRepository accounts, IntegrationEvents events, TransactionTemplate transactions, JsonMapper json,
            Validator validator, Clock clock) {
        this.accounts = accounts;
        this.events = events;
        this.transactions = transactions;
        this.json = json;
        this.validator = validator;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        DemoSeeds.insertEach(read(), transactions, this::insertIfAbsent, Demo::username, "account", log);
    }

    /** Reads and checks every demo account: a bad one stops the service, as a bad demo organisation does. */
    List<Demo> read() {
        List<Demo> demos = DemoSeeds.read(json, LOCATION, new TypeReference<List<Demo>>() { });
        for (Demo demo : demos) {
            Set<ConstraintViolation<PersonDetails>> invalid = validator.validate(demo.person());
            boolean scoped = switch (demo.kind()) {
                case ORG_ADMIN, APPLICANT, EXPERT -> demo.organisationId() != null;
                case REVIEWER, PROGRAMME_ADMIN -> demo.authorityCode() != null && demo.department() != null;
            };
            if (!invalid.isEmpty() || !scoped || demo.id() == null) {
                throw new IllegalStateException("demo account " + demo.username() + " is invalid: "
                        + invalid.stream().map(v -> v.getPropertyPath() + " " + v.getMessage()).toList()
                        + (scoped ? "" : " (no organisation or authority/department for its kind)"));
            }
        }
        return demos;
    }

    private boolean insertIfAbsent(Demo demo) {
        if (accounts.existsById(demo.id())) {
            return false;
        }
        Instant now = clock.instant();
        Account account = accounts.saveAndFlush(new Account(demo.id(), demo.person(), demo.kind(), demo.organisationId(),
                demo.authorityCode(), demo.department(), "demo-data", now));
        events.publish(new UserProvisioned(UUID.randomUUID(), now, account.id(), account.username(), account.displayName(),
                account.email(), account.roles(), demo.organisationId(), demo.authorityCode(), demo.department()));
        return true;
    }
}
