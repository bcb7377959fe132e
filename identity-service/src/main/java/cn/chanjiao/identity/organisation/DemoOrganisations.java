package cn.chanjiao.identity.organisation;

import cn.chanjiao.contracts.identity.OrganisationRegistered;
import cn.chanjiao.contracts.identity.OrganisationVerified;
import cn.chanjiao.identity.demo.DemoSeeds;
import cn.chanjiao.identity.web.FieldProblems;
import cn.chanjiao.kit.events.IntegrationEvents;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.MessageSource;
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
 * The demo organisations ({@code classpath:demo/organisations.json}): the organisations the demo users
 * of {@code deploy/keycloak/realm.json} carry as {@code org_id} ({@code applicant}, {@code org-admin},
 * {@code applicant-hangzhou}, {@code expert}) and the other lead units a complete demo application
 * needs, each {@code VERIFIED} by the programme admin of its jurisdiction. Only with
 * {@code chanjiao.demo.enabled=true} (the local launcher {@code deploy/local} turns it on; a production
 * deployment leaves it off and gets none). Inserted on start when their id is not in the database yet,
 * so a restart, or a second instance starting at the same time, changes nothing; an organisation a
 * demo user has since edited is left as it is. A demo organisation that breaks a rule stops the service.
 */
@Component
@ConditionalOnBooleanProperty(name = "chanjiao.demo.enabled")
@Order(Ordered.LOWEST_PRECEDENCE - 10) // before DemoAccounts, whose accounts reference these organisations
class DemoOrganisations implements ApplicationRunner {

    static final String LOCATION = "demo/organisations.json";
    private static final Logger log = LoggerFactory.getLogger(DemoOrganisations.class);

    /** One demo organisation: its fixed id, the authority that verified it, its details. */
    record Demo(UUID id, String reviewedBy, String note, OrganisationDetails details) {
    }

    private final OrganisationRepository organisations;
    private final OrganisationRules rules;
    private final IntegrationEvents events;
    private final TransactionTemplate transactions;
    private final JsonMapper json;
    private final Validator validator;
    private final MessageSource messages;
    private final Clock clock;

    DemoOrganisations(OrganisationRepository organisations, OrganisationRules rules, IntegrationEvents events,
            TransactionTemplate transactions, JsonMapper json, Validator validator, MessageSource messages,
            Clock clock) {
        this.organisations = organisations;
        this.rules = rules;
        this.events = events;
        this.transactions = transactions;
        this.json = json;
        this.validator = validator;
        this.messages = messages;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        DemoSeeds.insertEach(read(), transactions, this::insertIfAbsent, Demo::id, "organisation", log);
    }

    /** Reads and checks every demo organisation. */
    List<Demo> read() {
        List<Demo> demos = DemoSeeds.read(json, LOCATION, new TypeReference<List<Demo>>() { });
        for (Demo demo : demos) {
            Set<ConstraintViolation<OrganisationDetails>> invalid = validator.validate(demo.details());
            FieldProblems problems = new FieldProblems(messages);
            rules.check(demo.details(), "", problems);
            if (!invalid.isEmpty() || !problems.isEmpty()) {
                throw new IllegalStateException("demo organisation " + demo.id() + " is invalid: "
                        + invalid.stream().map(v -> v.getPropertyPath() + " " + v.getMessage()).toList() + " "
                        + problems);
            }
        }
        return demos;
    }

    private boolean insertIfAbsent(Demo demo) {
        if (organisations.existsById(demo.id())) {
            return false;
        }
        Instant now = clock.instant();
        Organisation organisation = Organisation.register(demo.id(), demo.details(), now);
        organisation.verify("demo-data", demo.reviewedBy(), now);
        organisation = organisations.saveAndFlush(organisation);
        events.publish(new OrganisationRegistered(UUID.randomUUID(), now, organisation.id(), organisation.kind().name(),
                organisation.name(), organisation.uscc(), organisation.schoolCode(), organisation.provinceCode(),
                organisation.cityCode(), organisation.districtCode(), OrganisationStatus.PENDING.name(), null));
        events.publish(new OrganisationVerified(UUID.randomUUID(), now, organisation.id(), organisation.name(),
                demo.reviewedBy(), "demo-data"));
        return true;
    }
}
