package cn.chanjiao.reporting.platform;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An approved platform as {@code PlatformApproved} described it: who leads it, who is a member, where
 * it is and which authority approved it.
 */
public record Platform(UUID id, UUID programmeId, String programmeCode, String platformType, String name,
        UUID leadOrganisationId, List<UUID> leadOrganisationIds, List<UUID> memberOrganisationIds, String regionCode,
        String authorityCode, List<Integer> planYears, Instant approvedAt, Instant revokedAt) {

    public boolean practiceCentre() {
        return platformType.startsWith("PRACTICE_CENTER");
    }

    public boolean ledBy(UUID organisationId) {
        return organisationId != null && leadOrganisationIds.contains(organisationId);
    }

    public boolean hasMember(UUID organisationId) {
        return organisationId != null && (ledBy(organisationId) || memberOrganisationIds.contains(organisationId));
    }

    public boolean revoked() {
        return revokedAt != null;
    }
}
