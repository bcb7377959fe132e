package cn.chanjiao.application.review;

import cn.chanjiao.application.form.Form;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Conflict-of-interest avoidance (回避): an expert who works for a lead unit or a participant of the
 * application is never assigned to it, nor — when the programme's expert stage says so — an expert
 * whose organisation lies in the same city as a lead unit.
 */
final class ConflictOfInterest {

    private ConflictOfInterest() {
    }

    /** An expert as the pool describes them: their organisation, its codes and city, when known. */
    record Expert(UUID id, String name, UUID organisationId, String organisationName, Set<String> organisationCodes,
            String cityCode) {
    }

    /** Who is party to an application. */
    record Parties(Set<UUID> organisationIds, Set<String> codes, Set<String> names, Set<String> cities) {

        static Parties of(Form form) {
            Set<UUID> ids = new HashSet<>();
            Set<String> codes = new HashSet<>();
            Set<String> names = new HashSet<>();
            Set<String> cities = new HashSet<>();
            for (Form.LeadUnit lead : form.leadUnits()) {
                ids.add(lead.organisationId());
                addIfPresent(codes, lead.uscc());
                addIfPresent(codes, lead.schoolCode());
                addIfPresent(names, normalise(lead.name()));
                if (lead.cityCode() != null) {
                    cities.add(lead.cityCode());
                } else if (lead.districtCode() != null) {
                    cities.add(lead.districtCode().substring(0, 4) + "00");
                }
            }
            for (Form.Participant participant : form.participants()) {
                if (participant.organisationId() != null) {
                    ids.add(participant.organisationId());
                }
                addIfPresent(codes, participant.code());
                addIfPresent(names, normalise(participant.name()));
            }
            return new Parties(Set.copyOf(ids), Set.copyOf(codes), Set.copyOf(names), Set.copyOf(cities));
        }
    }

    enum Reason {
        /** the expert's organisation is a lead unit or participant */
        OWN_ORGANISATION,
        /** the expert's organisation is in the city of a lead unit */
        SAME_CITY
    }

    static Optional<Reason> conflict(Expert expert, Parties parties, boolean avoidSameCity) {
        boolean own = (expert.organisationId() != null && parties.organisationIds().contains(expert.organisationId()))
                || expert.organisationCodes().stream().anyMatch(parties.codes()::contains)
                || (expert.organisationName() != null && parties.names().contains(normalise(expert.organisationName())));
        if (own) {
            return Optional.of(Reason.OWN_ORGANISATION);
        }
        if (avoidSameCity && expert.cityCode() != null && parties.cities().contains(expert.cityCode())) {
            return Optional.of(Reason.SAME_CITY);
        }
        return Optional.empty();
    }

    private static void addIfPresent(Set<String> set, String value) {
        if (value != null && !value.isBlank()) {
            set.add(value.strip());
        }
    }

    private static String normalise(String name) {
        return name == null ? null : name.replaceAll("[\\s（）()]", "");
    }
}
