package cn.chanjiao.identity.registration;

import cn.chanjiao.identity.account.AccountKind;
import cn.chanjiao.identity.account.AccountResponse;
import cn.chanjiao.identity.account.AccountService;
import cn.chanjiao.identity.keycloak.KeycloakAdmin;
import cn.chanjiao.identity.keycloak.KeycloakRefusedException;
import cn.chanjiao.identity.keycloak.KeycloakUnavailableException;
import cn.chanjiao.identity.organisation.OrganisationDetails;
import cn.chanjiao.identity.organisation.OrganisationResponse;
import cn.chanjiao.identity.organisation.OrganisationService;
import cn.chanjiao.identity.provisioning.ProvisioningAttempts;
import cn.chanjiao.identity.web.FieldProblems;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Self-registration of a lead unit and its org admin: everything is checked before anything is
 * written; then the Keycloak user is created (outside any transaction), then the organisation and
 * the account in one transaction with their events. A failure after Keycloak created the user
 * deletes it again. With an {@code Idempotency-Key}, a retry gets the first answer again.
 */
@Service
class RegistrationService {

    static final String SELF_REGISTRATION = "self-registration";

    private static final Pattern PASSWORD = Pattern.compile("(?=.*[A-Za-z])(?=.*[0-9])\\S{8,64}");

    private final OrganisationService organisations;
    private final AccountService accounts;
    private final KeycloakAdmin keycloak;
    private final ProvisioningAttempts attempts;
    private final TransactionTemplate transactions;
    private final MessageSource messages;
    private final JsonMapper json;

    RegistrationService(OrganisationService organisations, AccountService accounts, KeycloakAdmin keycloak,
            ProvisioningAttempts attempts, TransactionTemplate transactions, MessageSource messages, JsonMapper json) {
        this.organisations = organisations;
        this.accounts = accounts;
        this.keycloak = keycloak;
        this.attempts = attempts;
        this.transactions = transactions;
        this.messages = messages;
        this.json = json;
    }

    /** The answer, and whether it is the replay of an earlier request with the same key. */
    record Outcome(RegistrationResponse response, boolean replayed) {
    }

    Outcome register(RegisterOrganisationRequest request, String idempotencyKey) {
        FieldProblems problems = new FieldProblems(messages);
        organisations.check(request.organisation(), "organisation", problems);
        String password = request.admin().password();
        if (password == null || password.isBlank()) {
            problems.reject("admin.password", null, "NotBlank");
        } else if (!PASSWORD.matcher(password).matches()) {
            problems.reject("admin.password", null, "problem.account.weakPassword");
        }
        problems.throwIfAny();

        OrganisationDetails details = request.organisation();
        String username = request.admin().username();
        ProvisioningAttempts.Start start = attempts.begin("REGISTRATION", idempotencyKey, hash(request), username,
                UUID.randomUUID());
        if (start instanceof ProvisioningAttempts.Replay replay) {
            return new Outcome(json.readValue(replay.response(), RegistrationResponse.class), true);
        }
        var attempt = (ProvisioningAttempts.Started) start;
        UUID organisationId = attempt.organisationId();
        String authorityCode = regionCode(details);
        UUID userId;
        try {
            organisations.requireCodesFree(details, "organisation", null);
            accounts.requireUsernameFree(username, "admin.username");
            userId = keycloak.createUser(accounts.keycloakUser(request.admin().person(), AccountKind.ORG_ADMIN,
                    organisationId, authorityCode, null, attempt.id(), password, false));
        } catch (KeycloakRefusedException e) {
            attempts.abandon(attempt.id());
            throw accounts.refusal(e, "admin");
        } catch (KeycloakUnavailableException e) {
            if (e.maybeApplied()) {
                attempts.compensateAndAbandon(attempt.id(), username);
            } else {
                attempts.abandon(attempt.id());
            }
            throw e;
        } catch (RuntimeException e) {
            attempts.abandon(attempt.id());
            throw e;
        }
        try {
            RegistrationResponse response = transactions.execute(status -> {
                OrganisationResponse organisation = organisations.register(organisationId, details, userId);
                AccountResponse admin = accounts.record(userId, request.admin().person(), AccountKind.ORG_ADMIN,
                        organisationId, authorityCode, null, SELF_REGISTRATION);
                RegistrationResponse answer = new RegistrationResponse(organisation, admin);
                attempts.complete(attempt.id(), idempotencyKey == null ? null : json.writeValueAsString(answer));
                return answer;
            });
            return new Outcome(response, false);
        } catch (RuntimeException e) {
            // e.g. the same code registered a moment ago by someone else: undo the Keycloak user
            attempts.compensateAndAbandon(attempt.id(), username);
            throw e;
        }
    }

    /** The organisation's most specific region code: its users' {@code authority_code}. */
    private static String regionCode(OrganisationDetails details) {
        OrganisationDetails.Region region = details.region();
        if (region.districtCode() != null && !region.districtCode().isBlank()) {
            return region.districtCode().strip();
        }
        if (region.cityCode() != null && !region.cityCode().isBlank()) {
            return region.cityCode().strip();
        }
        return region.provinceCode().strip();
    }

    /** What identifies the request for its idempotency key; the password is not part of it. */
    private String hash(RegisterOrganisationRequest request) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(json.writeValueAsString(request.withoutPassword()).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
