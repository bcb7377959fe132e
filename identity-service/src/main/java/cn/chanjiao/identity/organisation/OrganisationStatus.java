package cn.chanjiao.identity.organisation;

/** {@code PENDING} until a programme admin of its jurisdiction verifies or rejects it; only {@code VERIFIED} may lead an application. */
public enum OrganisationStatus {
    PENDING, VERIFIED, REJECTED
}
