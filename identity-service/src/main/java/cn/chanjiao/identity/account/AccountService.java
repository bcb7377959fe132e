package cn.chanjiao.identity.account;

import cn.chanjiao.contracts.identity.UserProvisioned;
import cn.chanjiao.identity.authority.Authority;
import cn.chanjiao.identity.authority.AuthorityDirectory;
import cn.chanjiao.identity.authority.Department;
import cn.chanjiao.identity.config.IdentityServiceProperties;
import cn.chanjiao.identity.keycloak.KeycloakAdmin;
import cn.chanjiao.identity.keycloak.KeycloakRefusedException;
import cn.chanjiao.identity.keycloak.KeycloakUnavailableException;
import cn.chanjiao.identity.keycloak.NewKeycloakUser;
import cn.chanjiao.identity.organisation.OrganisationAccess;
import cn.chanjiao.identity.organisation.OrganisationRef;
import cn.chanjiao.identity.organisation.OrganisationService;
import cn.chanjiao.identity.organisation.OrganisationStatus;
import cn.chanjiao.identity.provisioning.ProvisioningAttempts;
import cn.chanjiao.identity.web.FieldProblems;
import cn.chanjiao.identity.web.PageResponse;
import cn.chanjiao.kit.events.IntegrationEvents;
import cn.chanjiao.kit.security.Caller;
import cn.chanjiao.kit.security.Roles;
import cn.chanjiao.kit.web.ApiException;
import jakarta.persistence.criteria.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Accounts: users created in Keycloak with their roles and scope attributes, and our link from each
 * to its organisation or jurisdiction. Keycloak is called outside any database transaction; our rows
 * follow in one transaction, and a failure after Keycloak created the user deletes it again
 * ({@link ProvisioningAttempts}).
 */
@Service
public class AccountService {

    private static final Logger log = LoggerFactory.getLogger(AccountService.class);

    private final AccountRepository accounts;
    private final OrganisationService organisations;
    private final OrganisationAccess organisationAccess;
    private final AuthorityDirectory authorities;
    private final KeycloakAdmin keycloak;
    private final ProvisioningAttempts attempts;
    private final IntegrationEvents events;
    private final TransactionTemplate transactions;
    private final MessageSource messages;
    private final IdentityServiceProperties properties;
    private final Clock clock;

    AccountService(AccountRepository accounts, OrganisationService organisations, OrganisationAccess organisationAccess,
            AuthorityDirectory authorities, KeycloakAdmin keycloak, ProvisioningAttempts attempts, IntegrationEvents events,
            TransactionTemplate transactions, MessageSource messages, IdentityServiceProperties properties, Clock clock) {
        this.accounts = accounts;
        this.organisations = organisations;
        this.organisationAccess = organisationAccess;
        this.authorities = authorities;
        this.keycloak = keycloak;
        this.attempts = attempts;
        this.events = events;
        this.transactions = transactions;
        this.messages = messages;
        this.properties = properties;
        this.clock = clock;
    }

    // --- for the registration feature -------------------------------------------------------------

    /** 409 naming {@code field} when an account of ours has the username already (Keycloak checks again). */
    @Transactional(readOnly = true)
    public void requireUsernameFree(String username, String field) {
        if (accounts.existsByUsernameIgnoringCase(username)) {
            throw ApiException.conflict("problem.account.usernameTaken", username).with("field", field);
        }
    }

    /** Keycloak's refusal as our problem: 409 for a username or e-mail taken, 400 for a value it does not accept. */
    public ApiException refusal(KeycloakRefusedException refused, String prefix) {
        String p = prefix == null || prefix.isEmpty() ? "" : prefix + ".";
        return switch (refused.reason()) {
            case USERNAME_TAKEN -> ApiException.conflict("problem.account.usernameTaken", "").with("field", p + "username");
            case EMAIL_TAKEN -> ApiException.conflict("problem.account.emailTaken").with("field", p + "email");
            case CLIENT_TAKEN -> ApiException.conflict("problem.integration.clientTaken").with("field", p + "clientId");
            case INVALID -> FieldProblems.single(messages, p + field(refused.attribute()), null,
                    "problem.account.keycloakInvalid", refused.getMessage());
        };
    }

    private static String field(String keycloakAttribute) {
        if (keycloakAttribute == null) {
            return "person";
        }
        return switch (keycloakAttribute) {
            case "firstName" -> "givenName";
            case "lastName" -> "familyName";
            default -> keycloakAttribute;
        };
    }

    /** The Keycloak user for a person: roles of its kind, scope attributes, and the provisioning marker. */
    public NewKeycloakUser keycloakUser(PersonDetails person, AccountKind kind, UUID organisationId, String authorityCode,
            String department, UUID attempt, String password, boolean temporary) {
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("org_id", organisationId == null ? null : organisationId.toString());
        attributes.put("authority_code", authorityCode);
        attributes.put("department", department);
        attributes.put("mobile", person.mobile());
        attributes.put(ProvisioningAttempts.MARKER, attempt.toString());
        return new NewKeycloakUser(person.username(), person.givenName().strip(), person.familyName().strip(),
                person.email().strip(), attributes, password, temporary, kind.roles());
    }

    /** Stores the account of a user just created in Keycloak and tells the others; in the caller's transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    public AccountResponse record(UUID keycloakId, PersonDetails person, AccountKind kind, UUID organisationId,
            String authorityCode, String department, String createdBy) {
        Account account = accounts.saveAndFlush(new Account(keycloakId, person, kind, organisationId, authorityCode,
                department, createdBy, clock.instant()));
        events.publish(new UserProvisioned(UUID.randomUUID(), clock.instant(), account.id(), account.username(),
                account.displayName(), account.email(), account.roles(), organisationId, authorityCode, department));
        return AccountResponse.of(account);
    }

    // --- invitations and staff --------------------------------------------------------------------

    /** An org admin invites an applicant of its organisation. */
    InvitationResponse invite(Caller caller, UUID organisationId, PersonDetails person) {
        OrganisationRef organisation = organisations.require(organisationId);
        organisationAccess.requireOrgAdmin(caller, organisation);
        if (organisation.status() == OrganisationStatus.REJECTED) {
            throw ApiException.conflict("problem.account.organisationRejected");
        }
        return provision(caller, person, AccountKind.APPLICANT, organisation.id(), organisation.regionCode(), null);
    }

    /** A programme admin creates a reviewer for an authority inside its jurisdiction and one of its departments. */
    InvitationResponse createReviewer(Caller caller, PersonDetails person, String authorityCode, String department) {
        checkScope(authorityCode, department);
        requireInJurisdiction(caller, authorityCode);
        return provision(caller, person, AccountKind.REVIEWER, null, authorityCode, department);
    }

    /** A programme admin creates an expert of an organisation (for conflict-of-interest checks) for its own authority. */
    InvitationResponse createExpert(Caller caller, PersonDetails person, UUID organisationId) {
        if (organisations.find(organisationId).isEmpty()) {
            throw FieldProblems.single(messages, "organisationId", organisationId, "problem.organisation.notFound", organisationId);
        }
        String authority = caller.authorityCode().orElseThrow(() -> ApiException.forbidden("problem.organisation.noJurisdiction"));
        return provision(caller, person, AccountKind.EXPERT, organisationId, authority, null);
    }

    /** A platform admin creates a programme admin for an authority and department. */
    InvitationResponse createProgrammeAdmin(Caller caller, PersonDetails person, String authorityCode, String department) {
        checkScope(authorityCode, department);
        return provision(caller, person, AccountKind.PROGRAMME_ADMIN, null, authorityCode, department);
    }

    private void checkScope(String authorityCode, String department) {
        FieldProblems problems = new FieldProblems(messages);
        if (authorities.find(authorityCode).isEmpty()) {
            problems.reject("authorityCode", authorityCode, "problem.region.unknown", authorityCode);
        }
        if (Department.ofCode(department).isEmpty()) {
            problems.reject("department", department, "problem.field.oneOf",
                    String.join(", ", java.util.Arrays.stream(Department.values()).map(Department::code).toList()));
        }
        problems.throwIfAny();
    }

    private void requireInJurisdiction(Caller caller, String authorityCode) {
        String own = caller.authorityCode().orElseThrow(() -> ApiException.forbidden("problem.organisation.noJurisdiction"));
        if (!authorities.isWithin(authorityCode, own)) {
            throw ApiException.forbidden("problem.account.outsideJurisdiction", authorityCode);
        }
    }

    private InvitationResponse provision(Caller caller, PersonDetails person, AccountKind kind, UUID organisationId,
            String authorityCode, String department) {
        requireUsernameFree(person.username(), "username");
        String password = InitialPasswords.next();
        var attempt = (ProvisioningAttempts.Started) attempts.begin("INVITATION", null, "-", person.username(), organisationId);
        UUID userId;
        try {
            userId = keycloak.createUser(keycloakUser(person, kind, organisationId, authorityCode, department, attempt.id(),
                    password, true));
        } catch (KeycloakRefusedException e) {
            attempts.abandon(attempt.id());
            throw refusal(e, "");
        } catch (KeycloakUnavailableException e) {
            if (e.maybeApplied()) {
                attempts.compensateAndAbandon(attempt.id(), person.username());
            } else {
                attempts.abandon(attempt.id());
            }
            throw e;
        }
        AccountResponse account;
        try {
            account = transactions.execute(status -> {
                AccountResponse recorded = record(userId, person, kind, organisationId, authorityCode, department,
                        caller.subject());
                attempts.complete(attempt.id(), null);
                return recorded;
            });
        } catch (RuntimeException e) {
            attempts.compensateAndAbandon(attempt.id(), person.username());
            throw e;
        }
        boolean emailSent = false;
        IdentityServiceProperties.Invitations invitations = properties.invitations();
        if (invitations.sendEmail()) {
            try {
                keycloak.sendActionsEmail(userId, List.of("UPDATE_PASSWORD", "VERIFY_EMAIL"), invitations.clientId(),
                        invitations.redirectUri(), invitations.emailLinkLifespan());
                emailSent = true;
            } catch (RuntimeException e) {
                log.warn("the invitation e-mail to {} was not sent: {}", person.username(), e.toString());
            }
        }
        return new InvitationResponse(account, password, emailSent);
    }

    // --- lookups ----------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    AccountResponse get(Caller caller, UUID id) {
        Account account = accounts.findById(id).orElseThrow(() -> ApiException.notFound("problem.account.notFound", id));
        boolean allowed = caller.hasRole(Roles.SERVICE) || caller.hasRole(Roles.PLATFORM_ADMIN)
                || id.toString().equals(caller.subject())
                || (account.organisationId() != null && caller.hasRole(Roles.ORG_ADMIN)
                        && caller.organisationId().filter(account.organisationId()::equals).isPresent())
                || (caller.hasRole(Roles.PROGRAMME_ADMIN) && account.authorityCode() != null
                        && authorities.isWithin(account.authorityCode(), caller.authorityCode().orElse(null)));
        if (!allowed) {
            throw ApiException.forbidden("problem.account.notYours");
        }
        return AccountResponse.of(account);
    }

    /** The users of an organisation: for its org admin, programme admins and reviewers of its jurisdiction, and the platform. */
    @Transactional(readOnly = true)
    List<AccountResponse> usersOf(Caller caller, UUID organisationId) {
        OrganisationRef organisation = organisations.require(organisationId);
        boolean allowed = caller.hasRole(Roles.SERVICE) || caller.hasRole(Roles.PLATFORM_ADMIN)
                || (caller.hasRole(Roles.ORG_ADMIN) && organisationAccess.isMember(caller, organisation))
                || ((caller.hasRole(Roles.PROGRAMME_ADMIN) || caller.hasRole(Roles.REVIEWER))
                        && organisationAccess.inJurisdiction(caller, organisation));
        if (!allowed) {
            throw ApiException.forbidden("problem.organisation.notYours");
        }
        return accounts.findByOrganisationIdOrderByCreatedAt(organisationId).stream().map(AccountResponse::of).toList();
    }

    /** Search criteria; any may be null. {@code below}: also authorities below {@code authority}. */
    record Criteria(String role, String authority, boolean below, String department, UUID organisation, String q,
            Instant updatedSince) {
    }

    /**
     * Users by role, authority (exactly, or with those below it), department, organisation, name or
     * username, and {@code updatedSince}. The platform's services and platform admins see all;
     * a programme admin only accounts within its jurisdiction.
     */
    @Transactional(readOnly = true)
    PageResponse<AccountResponse> search(Caller caller, Criteria criteria, int page, int size) {
        Optional<List<String>> scope;
        if (caller.hasRole(Roles.SERVICE) || caller.hasRole(Roles.PLATFORM_ADMIN)) {
            scope = Optional.empty();
        } else if (caller.hasRole(Roles.PROGRAMME_ADMIN)) {
            String own = caller.authorityCode().orElseThrow(() -> ApiException.forbidden("problem.organisation.noJurisdiction"));
            if (criteria.authority() != null && !authorities.isWithin(criteria.authority(), own)) {
                throw ApiException.forbidden("problem.account.outsideJurisdiction", criteria.authority());
            }
            scope = AuthorityDirectory.NATIONAL.equals(own) ? Optional.empty() : Optional.of(withBelow(own));
        } else {
            throw ApiException.forbidden("problem.forbidden");
        }
        List<String> authorityCodes = criteria.authority() == null ? null
                : criteria.below() ? withBelow(criteria.authority()) : List.of(criteria.authority());
        Specification<Account> spec = (root, query, cb) -> {
            List<Predicate> where = new ArrayList<>();
            scope.ifPresent(codes -> where.add(root.get("authorityCode").in(codes)));
            if (criteria.role() != null) {
                where.add(cb.isMember(criteria.role(), root.get("roles")));
            }
            if (authorityCodes != null) {
                where.add(root.get("authorityCode").in(authorityCodes));
            }
            if (criteria.department() != null) {
                where.add(cb.equal(root.get("department"), criteria.department()));
            }
            if (criteria.organisation() != null) {
                where.add(cb.equal(root.get("organisationId"), criteria.organisation()));
            }
            if (criteria.q() != null && !criteria.q().isBlank()) {
                String like = "%" + criteria.q().strip().toLowerCase(Locale.ROOT).replace("%", "").replace("_", "") + "%";
                where.add(cb.or(cb.like(cb.lower(root.get("username")), like),
                        cb.like(cb.concat(root.get("familyName"), root.get("givenName")), like),
                        cb.like(cb.lower(root.get("email")), like)));
            }
            if (criteria.updatedSince() != null) {
                where.add(cb.greaterThanOrEqualTo(root.get("updatedAt"), criteria.updatedSince()));
            }
            return cb.and(where.toArray(Predicate[]::new));
        };
        Sort sort = criteria.updatedSince() != null ? Sort.by("updatedAt", "id") : Sort.by("username");
        return PageResponse.map(accounts.findAll(spec, PageRequest.of(page, size, sort)), AccountResponse::of);
    }

    private List<String> withBelow(String authorityCode) {
        List<String> codes = new ArrayList<>();
        codes.add(authorityCode);
        authorities.search(null, null, authorityCode).stream().map(Authority::code).forEach(codes::add);
        return codes;
    }
}
