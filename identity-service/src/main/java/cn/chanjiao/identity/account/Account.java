package cn.chanjiao.identity.account;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A user identity-service provisioned in Keycloak, by its Keycloak id: the link between the person
 * and its organisation or jurisdiction, with what other services need to reach it. Keycloak holds
 * the credentials; nothing here is a password.
 */
@Entity
@Table(name = "account")
class Account {

    @Id
    private UUID id;
    private String username;
    private String familyName;
    private String givenName;
    private String email;
    private String mobile;
    @Enumerated(EnumType.STRING)
    private AccountKind kind;
    private UUID organisationId;
    private String authorityCode;
    private String department;
    private String createdBy;
    private Instant createdAt;
    private Instant updatedAt;
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "account_role", joinColumns = @JoinColumn(name = "account_id"))
    @Column(name = "role")
    private Set<String> roles = new LinkedHashSet<>();

    protected Account() {
        // for JPA
    }

    Account(UUID id, PersonDetails person, AccountKind kind, UUID organisationId, String authorityCode,
            String department, String createdBy, Instant now) {
        this.id = id;
        this.username = person.username();
        this.familyName = person.familyName().strip();
        this.givenName = person.givenName().strip();
        this.email = person.email().strip();
        this.mobile = person.mobile() == null || person.mobile().isBlank() ? null : person.mobile().strip();
        this.kind = kind;
        this.organisationId = organisationId;
        this.authorityCode = authorityCode;
        this.department = department;
        this.createdBy = createdBy;
        this.createdAt = now;
        this.updatedAt = now;
        this.roles.addAll(kind.roles());
    }

    UUID id() {
        return id;
    }

    String username() {
        return username;
    }

    String familyName() {
        return familyName;
    }

    String givenName() {
        return givenName;
    }

    /** Chinese order: family name, then given name. */
    String displayName() {
        return familyName + givenName;
    }

    String email() {
        return email;
    }

    String mobile() {
        return mobile;
    }

    AccountKind kind() {
        return kind;
    }

    UUID organisationId() {
        return organisationId;
    }

    String authorityCode() {
        return authorityCode;
    }

    String department() {
        return department;
    }

    Instant createdAt() {
        return createdAt;
    }

    Instant updatedAt() {
        return updatedAt;
    }

    List<String> roles() {
        return roles.stream().sorted().toList();
    }
}
