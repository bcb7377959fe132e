package cn.chanjiao.identity.integration;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A provincial platform's client-credentials client, created in Keycloak and scoped to one province. */
@Entity
@Table(name = "integration_client")
class IntegrationClient {

    @Id
    private String clientId;
    private UUID keycloakId;
    private String name;
    private String provinceCode;
    private String createdBy;
    private Instant createdAt;

    protected IntegrationClient() {
        // for JPA
    }

    IntegrationClient(String clientId, UUID keycloakId, String name, String provinceCode, String createdBy, Instant createdAt) {
        this.clientId = clientId;
        this.keycloakId = keycloakId;
        this.name = name;
        this.provinceCode = provinceCode;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    String clientId() {
        return clientId;
    }

    String name() {
        return name;
    }

    String provinceCode() {
        return provinceCode;
    }

    Instant createdAt() {
        return createdAt;
    }
}
