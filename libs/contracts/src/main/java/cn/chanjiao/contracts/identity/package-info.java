/**
 * Events of identity-service, all on {@link cn.chanjiao.contracts.Topics#IDENTITY_ORGANISATION}: an
 * organisation's registration, verification, rejection and changes, and the accounts it provisions
 * in Keycloak. Organisation kinds and statuses travel as their enum names in identity-service
 * ({@code ENTERPRISE}, {@code UNIVERSITY}, … ; {@code PENDING}, {@code VERIFIED}, {@code REJECTED}).
 */
package cn.chanjiao.contracts.identity;
