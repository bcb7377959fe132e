package cn.chanjiao.identity.keycloak;

import java.util.UUID;

/**
 * A confidential client created for client credentials.
 *
 * @param id     Keycloak's internal id of the client
 * @param secret its secret, told once to whoever created it; never stored by identity-service
 */
public record ProvisionedClient(UUID id, String clientId, String secret) {

    @Override
    public String toString() {
        return "ProvisionedClient[" + clientId + ", " + id + "]";
    }
}
