package cn.chanjiao.identity.registration;

import cn.chanjiao.identity.account.AccountResponse;
import cn.chanjiao.identity.organisation.OrganisationResponse;

/**
 * A registration done: the organisation, {@code PENDING} until a programme admin of its jurisdiction
 * verifies it, and its org admin, who can log in at once with the password given.
 */
public record RegistrationResponse(OrganisationResponse organisation, AccountResponse admin) {
}
