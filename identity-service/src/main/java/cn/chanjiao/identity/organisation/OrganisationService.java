package cn.chanjiao.identity.organisation;

import cn.chanjiao.contracts.identity.OrganisationRegistered;
import cn.chanjiao.contracts.identity.OrganisationRejected;
import cn.chanjiao.contracts.identity.OrganisationUpdated;
import cn.chanjiao.contracts.identity.OrganisationVerified;
import cn.chanjiao.identity.web.FieldProblems;
import cn.chanjiao.identity.web.PageResponse;
import cn.chanjiao.kit.events.IntegrationEvents;
import cn.chanjiao.kit.security.Caller;
import cn.chanjiao.kit.web.ApiException;
import jakarta.persistence.criteria.Predicate;
import org.springframework.context.MessageSource;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static cn.chanjiao.identity.organisation.OrganisationRules.blankToNull;

/** Organisations: registration (for the registration feature), review, edits with ETags, lookups and search. */
@Service
public class OrganisationService {

    private final OrganisationRepository organisations;
    private final OrganisationRules rules;
    private final OrganisationAccess access;
    private final OrganisationMapper mapper;
    private final IntegrationEvents events;
    private final MessageSource messages;
    private final Clock clock;

    OrganisationService(OrganisationRepository organisations, OrganisationRules rules, OrganisationAccess access,
            OrganisationMapper mapper, IntegrationEvents events, MessageSource messages, Clock clock) {
        this.organisations = organisations;
        this.rules = rules;
        this.access = access;
        this.mapper = mapper;
        this.events = events;
        this.messages = messages;
        this.clock = clock;
    }

    // --- for the registration feature -------------------------------------------------------------

    /** Checks details beyond their shape (codes, region, attributes), reporting under {@code prefix}. */
    public void check(OrganisationDetails details, String prefix, FieldProblems problems) {
        rules.check(details, prefix, problems);
    }

    /**
     * A code is registered once: 409 naming the field, with the existing organisation's public name,
     * when another organisation than {@code except} holds the USCC or the school code.
     */
    @Transactional(readOnly = true)
    public void requireCodesFree(OrganisationDetails details, String prefix, UUID except) {
        String p = prefix == null || prefix.isEmpty() ? "" : prefix + ".";
        String uscc = blankToNull(details.uscc());
        String schoolCode = blankToNull(details.schoolCode());
        Optional<Organisation> byUscc = uscc == null ? Optional.empty() : organisations.findByUscc(uscc);
        byUscc.filter(o -> !o.id().equals(except)).ifPresent(o -> {
            throw registered(p + "uscc", uscc, o);
        });
        Optional<Organisation> bySchoolCode = schoolCode == null ? Optional.empty() : organisations.findBySchoolCode(schoolCode);
        bySchoolCode.filter(o -> !o.id().equals(except)).ifPresent(o -> {
            throw registered(p + "schoolCode", schoolCode, o);
        });
    }

    private static ApiException registered(String field, String code, Organisation existing) {
        return ApiException.conflict("problem.organisation.codeRegistered", code, existing.name())
                .with("field", field).with("existingName", existing.name());
    }

    /** Stores a newly registered organisation, {@code PENDING}, and tells the others; runs in the caller's transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    public OrganisationResponse register(UUID id, OrganisationDetails details, UUID adminUserId) {
        Organisation organisation = organisations.saveAndFlush(Organisation.register(id, details, clock.instant()));
        events.publish(new OrganisationRegistered(UUID.randomUUID(), clock.instant(), organisation.id(),
                organisation.kind().name(), organisation.name(), organisation.uscc(), organisation.schoolCode(),
                organisation.provinceCode(), organisation.cityCode(), organisation.districtCode(),
                organisation.status().name(), adminUserId));
        return mapper.response(organisation);
    }

    @Transactional(readOnly = true)
    public Optional<OrganisationRef> find(UUID id) {
        return organisations.findById(id).map(OrganisationRef::of);
    }

    /** The organisation or a 404. */
    @Transactional(readOnly = true)
    public OrganisationRef require(UUID id) {
        return find(id).orElseThrow(() -> ApiException.notFound("problem.organisation.notFound", id));
    }

    // --- API --------------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    OrganisationResponse get(Caller caller, UUID id) {
        Organisation organisation = load(id);
        access.requireReadable(caller, OrganisationRef.of(organisation));
        return mapper.response(organisation);
    }

    /** By USCC (18 characters) or school code (10 digits). */
    @Transactional(readOnly = true)
    OrganisationResponse byCode(Caller caller, String code) {
        Optional<Organisation> found = code.length() == 10 ? organisations.findBySchoolCode(code)
                : organisations.findByUscc(code.toUpperCase(Locale.ROOT));
        Organisation organisation = found.orElseThrow(() -> ApiException.notFound("problem.organisation.codeNotFound", code));
        access.requireReadable(caller, OrganisationRef.of(organisation));
        return mapper.response(organisation);
    }

    /** Those of {@code ids} that exist, in the order asked; for the platform's services. */
    @Transactional(readOnly = true)
    List<OrganisationResponse> batch(Collection<UUID> ids) {
        Map<UUID, Organisation> found = new LinkedHashMap<>();
        organisations.findAllById(ids).forEach(o -> found.put(o.id(), o));
        return ids.stream().distinct().map(found::get).filter(java.util.Objects::nonNull).map(mapper::response).toList();
    }

    @Transactional
    OrganisationResponse edit(Caller caller, UUID id, long expectedVersion, OrganisationDetails details) {
        Organisation organisation = load(id);
        access.requireEditable(caller, OrganisationRef.of(organisation));
        if (organisation.version() != expectedVersion) {
            throw ApiException.preconditionFailed("problem.organisation.stale", organisation.version())
                    .with("currentVersion", organisation.version());
        }
        FieldProblems problems = new FieldProblems(messages);
        rules.check(details, "", problems);
        problems.throwIfAny();
        requireCodesFree(details, "", id);
        List<String> changed = organisation.edit(details, clock.instant());
        if (!changed.isEmpty()) {
            organisation = organisations.saveAndFlush(organisation);
            events.publish(new OrganisationUpdated(UUID.randomUUID(), clock.instant(), organisation.id(),
                    organisation.version(), organisation.kind().name(), organisation.name(), organisation.uscc(),
                    organisation.schoolCode(), organisation.provinceCode(), organisation.cityCode(),
                    organisation.districtCode(), organisation.status().name(), changed));
        }
        return mapper.response(organisation);
    }

    @Transactional
    OrganisationResponse verify(Caller caller, UUID id) {
        Organisation organisation = loadPendingForReview(caller, id);
        String authority = caller.authorityCode().orElseThrow();
        organisation.verify(caller.subject(), authority, clock.instant());
        organisation = organisations.saveAndFlush(organisation);
        events.publish(new OrganisationVerified(UUID.randomUUID(), clock.instant(), organisation.id(),
                organisation.name(), authority, caller.subject()));
        return mapper.response(organisation);
    }

    @Transactional
    OrganisationResponse reject(Caller caller, UUID id, String reason) {
        Organisation organisation = loadPendingForReview(caller, id);
        String authority = caller.authorityCode().orElseThrow();
        organisation.reject(reason.strip(), caller.subject(), authority, clock.instant());
        organisation = organisations.saveAndFlush(organisation);
        events.publish(new OrganisationRejected(UUID.randomUUID(), clock.instant(), organisation.id(),
                organisation.name(), organisation.rejectionReason(), authority, caller.subject()));
        return mapper.response(organisation);
    }

    private Organisation loadPendingForReview(Caller caller, UUID id) {
        Organisation organisation = load(id);
        access.requireReviewable(caller, OrganisationRef.of(organisation));
        if (organisation.status() != OrganisationStatus.PENDING) {
            throw ApiException.conflict("problem.organisation.notPending", organisation.status().name())
                    .with("organisationStatus", organisation.status().name());
        }
        return organisation;
    }

    /** Search criteria; any may be null. */
    record Criteria(String q, String code, OrganisationKind kind, OrganisationStatus status, String province,
            String city, String district, Instant updatedSince) {
    }

    /**
     * Paged search. Confined to the caller's jurisdiction (programme admins, reviewers) or province
     * (integration clients); a filter by a region outside it is refused. With {@code updatedSince}
     * the order is by last change, oldest first, for incremental sync; otherwise by name.
     */
    @Transactional(readOnly = true)
    PageResponse<OrganisationResponse> search(Caller caller, Criteria criteria, int page, int size) {
        Optional<String> scope = access.listScope(caller);
        access.requireWithinScope(scope, criteria.province());
        access.requireWithinScope(scope, criteria.city());
        access.requireWithinScope(scope, criteria.district());
        Specification<Organisation> spec = (root, query, cb) -> {
            List<Predicate> where = new ArrayList<>();
            scope.ifPresent(region -> where.add(cb.or(cb.equal(root.get("provinceCode"), region),
                    cb.equal(root.get("cityCode"), region), cb.equal(root.get("districtCode"), region))));
            if (criteria.q() != null && !criteria.q().isBlank()) {
                String q = criteria.q().strip();
                where.add(cb.or(cb.like(cb.lower(root.get("name")), "%" + escape(q.toLowerCase(Locale.ROOT)) + "%", '\\'),
                        cb.like(cb.lower(root.get("shortName")), "%" + escape(q.toLowerCase(Locale.ROOT)) + "%", '\\'),
                        cb.equal(root.get("uscc"), q.toUpperCase(Locale.ROOT)), cb.equal(root.get("schoolCode"), q)));
            }
            if (criteria.code() != null) {
                where.add(cb.or(cb.equal(root.get("uscc"), criteria.code().toUpperCase(Locale.ROOT)),
                        cb.equal(root.get("schoolCode"), criteria.code())));
            }
            if (criteria.kind() != null) {
                where.add(cb.equal(root.get("kind"), criteria.kind()));
            }
            if (criteria.status() != null) {
                where.add(cb.equal(root.get("status"), criteria.status()));
            }
            if (criteria.province() != null) {
                where.add(cb.equal(root.get("provinceCode"), criteria.province()));
            }
            if (criteria.city() != null) {
                where.add(cb.equal(root.get("cityCode"), criteria.city()));
            }
            if (criteria.district() != null) {
                where.add(cb.equal(root.get("districtCode"), criteria.district()));
            }
            if (criteria.updatedSince() != null) {
                where.add(cb.greaterThanOrEqualTo(root.get("updatedAt"), criteria.updatedSince()));
            }
            return cb.and(where.toArray(Predicate[]::new));
        };
        Sort sort = criteria.updatedSince() != null ? Sort.by("updatedAt", "id") : Sort.by("name", "id");
        Page<Organisation> result = organisations.findAll(spec, PageRequest.of(page, size, sort));
        return PageResponse.map(result, mapper::response);
    }

    private Organisation load(UUID id) {
        return organisations.findById(id).orElseThrow(() -> ApiException.notFound("problem.organisation.notFound", id));
    }

    private static String escape(String like) {
        return like.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
