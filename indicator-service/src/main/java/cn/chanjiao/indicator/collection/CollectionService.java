package cn.chanjiao.indicator.collection;

import cn.chanjiao.contracts.common.DeadlineScheduled;
import cn.chanjiao.contracts.indicator.CollectionReopened;
import cn.chanjiao.contracts.indicator.IndicatorDataSubmitted;
import cn.chanjiao.indicator.catalogue.Catalogue;
import cn.chanjiao.indicator.catalogue.Catalogues;
import cn.chanjiao.indicator.catalogue.CentreType;
import cn.chanjiao.indicator.config.IndicatorServiceProperties;
import cn.chanjiao.indicator.platform.Platform;
import cn.chanjiao.indicator.platform.PlatformAccess;
import cn.chanjiao.indicator.platform.PlatformRepository;
import cn.chanjiao.indicator.web.Messages;
import cn.chanjiao.indicator.web.Violation;
import cn.chanjiao.kit.events.IntegrationEvents;
import cn.chanjiao.kit.security.Caller;
import cn.chanjiao.kit.time.ChinaTime;
import cn.chanjiao.kit.web.ApiException;
import cn.chanjiao.kit.web.IdempotentRequests;
import cn.chanjiao.kit.web.Versions;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Entering a platform's values of a year: batch saves (If-Match + Idempotency-Key), submission,
 * an authority's reopening. Every write runs in one transaction that locks the platform-year row,
 * so two instances behind the gateway never interleave writes to one platform-year.
 */
@Service
public class CollectionService {

    static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ChinaTime.ZONE);

    private final CollectionRepository collections;
    private final PlatformRepository platforms;
    private final PlatformAccess access;
    private final Catalogues catalogues;
    private final IdempotentRequests idempotent;
    private final IntegrationEvents events;
    private final TransactionTemplate transactions;
    private final Messages messages;
    private final Clock clock;
    private final IndicatorServiceProperties properties;

    CollectionService(CollectionRepository collections, PlatformRepository platforms, PlatformAccess access,
            Catalogues catalogues, IdempotentRequests idempotent, IntegrationEvents events, TransactionTemplate transactions,
            Messages messages, Clock clock, IndicatorServiceProperties properties) {
        this.collections = collections;
        this.platforms = platforms;
        this.access = access;
        this.catalogues = catalogues;
        this.idempotent = idempotent;
        this.events = events;
        this.transactions = transactions;
        this.messages = messages;
        this.clock = clock;
        this.properties = properties;
    }

    /** An answer: fresh, or the first answer to the same Idempotency-Key. */
    public record Outcome(int status, Object body, long version, boolean replayed) {
    }

    // --- read

    public PlatformYearResponse view(UUID platformId, int year, Caller caller) {
        Platform platform = access.readable(platformId, caller);
        return view(platform, year);
    }

    PlatformYearResponse view(Platform platform, int year) {
        Catalogue catalogue = catalogue(platform);
        Catalogue.TypeCatalogue type = type(catalogue, platform);
        Instant now = clock.instant();
        PlatformYear stored = collections.find(platform.id(), year).orElse(null);
        PlatformYear platformYear = stored != null ? stored : PlatformYear.fresh(platform.id(), year, now);
        CollectionState state = CollectionState.of(platform, catalogue.programme().collection(), stored, year, now);
        Map<String, StoredValue> values = stored == null ? Map.of() : collections.values(stored.id());
        Map<String, BigDecimal> targets = platforms.targets(platform.id(), year);
        CentreType centre = platform.effectiveCentreType();
        List<PlatformYearResponse.Item> items = new ArrayList<>();
        for (Catalogue.Indicator indicator : type.indicators()) {
            if (!indicator.kind().entered()) {
                continue;
            }
            StoredValue value = values.get(indicator.code());
            items.add(new PlatformYearResponse.Item(indicator.code(), indicator.dimension(), indicator.group(),
                    indicator.subgroup(), indicator.name(), indicator.unit(), indicator.valueType(), indicator.kind(),
                    indicator.keyFor(centre), targets.get(indicator.code()), value == null ? null : value.value(),
                    value == null ? List.of() : value.evidence(), value == null ? null : value.note(),
                    value == null ? null : value.updatedAt(), value == null ? null : value.updatedBy()));
        }
        Map<String, BigDecimal> numbers = values.values().stream()
                .collect(Collectors.toMap(StoredValue::code, StoredValue::value));
        List<Violation> warnings = ValueRules.plausibility(type, numbers.keySet(), numbers,
                collections.numbers(platform.id(), year - 1), targets, properties.plausibility().jumpFactor(),
                properties.plausibility().targetFactor());
        Instant closesAt = platformYear.status() == PlatformYear.Status.REOPENED ? platformYear.deadline()
                : CollectionCalendar.lastMoment(catalogue.programme().collection(), year);
        return new PlatformYearResponse(platform.id(), platformYear.id(), platform.programmeCode(), platform.platformType(),
                year, platformYear.status().name(), state, platformYear.version(),
                CollectionCalendar.opensAt(catalogue.programme().collection(), year), closesAt,
                platformYear.reopenReason(), platformYear.submittedAt(), platformYear.submittedBy(), values.size(),
                items.size(), items, messages.describe(warnings));
    }

    // --- save

    public Outcome save(UUID platformId, int year, SaveValuesRequest request, String ifMatch, String idempotencyKey,
            Caller caller) {
        return save(platformId, year, request, ifMatch, idempotencyKey, caller, java.util.function.UnaryOperator.identity());
    }

    /**
     * A save whose violations are relabelled (an import names the workbook's rows). One transaction,
     * six round trips to PostgreSQL whatever the batch size: lock the platform-year and read its
     * platform; look up the Idempotency-Key (after the lock, so a concurrent retry of the same key
     * waits and then replays); read what the plausibility checks need; write the values and the
     * version; keep the answer; commit. Refusals come in the order 403, 400, 409 (state), 412 (version).
     */
    Outcome save(UUID platformId, int year, SaveValuesRequest request, String ifMatch, String idempotencyKey,
            Caller caller, java.util.function.UnaryOperator<Violation> relabel) {
        long expected = Versions.required(ifMatch);
        String key = IdempotentRequests.requireKey(idempotencyKey);
        String operation = "save:" + platformId + ":" + year + ":" + digest(request);
        return transactions.execute(status -> {
            Instant now = clock.instant();
            CollectionRepository.Locked locked = collections.lockWithPlatform(platformId, year).orElse(null);
            Platform platform;
            PlatformYear platformYear;
            if (locked != null) {
                platform = locked.platform();
                platformYear = locked.platformYear();
            } else {
                // the platform-year's first save: refuse strangers before creating it
                platform = access.editable(platformId, caller);
                platformYear = collections.lockOrCreate(platformId, year, now);
            }
            Optional<IdempotentRequests.Answer> earlier = idempotent.find(caller.subject(), key);
            if (earlier.isPresent()) {
                return replay(earlier.get(), operation, key);
            }
            access.editable(platform, caller);
            Catalogue catalogue = catalogue(platform);
            Catalogue.TypeCatalogue type = type(catalogue, platform);
            if (request.values().isEmpty() || request.values().size() > properties.maxValuesPerSave()) {
                throw ApiException.badRequest("values.batchSize", properties.maxValuesPerSave());
            }
            ValueRules.Checked checked = check(type, request.values());
            if (!checked.errors().isEmpty()) {
                throw messages.badRequest(checked.errors().stream().map(relabel).toList());
            }
            requireWritable(platform, catalogue, platformYear, year, now);
            Versions.check(expected, platformYear.version());
            SaveValuesResponse body = write(type, platformYear, checked.values(), now, caller.username());
            idempotent.save(caller.subject(), key, operation, 200, body, now);
            return new Outcome(200, body, body.version(), false);
        });
    }

    /** The checks every batch of values goes through (a save, an authority's import): the bad values, or the values to store. */
    ValueRules.Checked check(Catalogue.TypeCatalogue type, List<SaveValuesRequest.Entry> entries) {
        return ValueRules.check(type, entries);
    }

    /**
     * Writes checked values to a platform-year locked by the running transaction whose state allows
     * it: values set or removed, version incremented, plausibility warnings of the values set. The
     * one write of a batch save and of an authority's import.
     */
    SaveValuesResponse write(Catalogue.TypeCatalogue type, PlatformYear platformYear, List<StoredValue> values, Instant now,
            String by) {
        UUID platformId = platformYear.platformId();
        int year = platformYear.year();
        // read before the write, under the platform-year's lock: the year's numbers after it are these with the batch applied
        CollectionRepository.Plausibility inputs = collections.plausibility(platformId, year);
        long version = collections.write(platformYear.id(), platformYear.version(), values, now, by);
        Map<String, BigDecimal> numbers = inputs.values();
        for (StoredValue value : values) {
            if (value.value() == null) {
                numbers.remove(value.code());
            } else {
                numbers.put(value.code(), value.value());
            }
        }
        Set<String> codes = values.stream().map(StoredValue::code).collect(Collectors.toSet());
        List<Violation> warnings = ValueRules.plausibility(type, codes, numbers, inputs.previous(), inputs.targets(),
                properties.plausibility().jumpFactor(), properties.plausibility().targetFactor());
        int removed = (int) values.stream().filter(value -> value.value() == null).count();
        return new SaveValuesResponse(platformId, platformYear.id(), year, version, platformYear.status().name(),
                values.size() - removed, removed, now, messages.describe(warnings));
    }

    /** Refuses a caller who may not enter the platform's values (before an upload is read). */
    void requireEditor(UUID platformId, Caller caller) {
        access.editable(platformId, caller);
    }

    // --- submit

    public Outcome submit(UUID platformId, int year, String ifMatch, String idempotencyKey, Caller caller) {
        long expected = Versions.required(ifMatch);
        String key = IdempotentRequests.requireKey(idempotencyKey);
        String operation = "submit:" + platformId + ":" + year;
        Optional<IdempotentRequests.Answer> earlier = idempotent.find(caller.subject(), key);
        if (earlier.isPresent()) {
            return replay(earlier.get(), operation, key);
        }
        Platform platform = access.editable(platformId, caller);
        Catalogue catalogue = catalogue(platform);
        return transactions.execute(status -> {
            Instant now = clock.instant();
            PlatformYear platformYear = collections.lockOrCreate(platformId, year, now);
            Optional<IdempotentRequests.Answer> raced = idempotent.find(caller.subject(), key);
            if (raced.isPresent()) {
                return replay(raced.get(), operation, key);
            }
            requireWritable(platform, catalogue, platformYear, year, now);
            Versions.check(expected, platformYear.version());
            int values = collections.values(platformYear.id()).size();
            if (values == 0) {
                throw ApiException.unprocessable("collection.nothingToSubmit", year);
            }
            PlatformYear submitted = new PlatformYear(platformYear.id(), platformId, year, PlatformYear.Status.SUBMITTED,
                    platformYear.version(), platformYear.deadline(), platformYear.reopenReason(), now, caller.username(), now);
            long version = collections.update(submitted, platformYear.version());
            events.publish(new IndicatorDataSubmitted(UUID.randomUUID(), now, platformYear.id(),
                    CollectionCalendar.windowId(platform.programmeCode(), year), platformId, platform.programmeId(),
                    platform.leadOrganisationId(), year, values, now));
            PlatformYearResponse body = view(platform, year);
            idempotent.save(caller.subject(), key, operation, 200, body, now);
            return new Outcome(200, body, version, false);
        });
    }

    // --- reopen

    public PlatformYearResponse reopen(UUID platformId, int year, ReopenCollectionRequest request, Caller caller) {
        Platform platform = access.governed(platformId, caller);
        Catalogue catalogue = catalogue(platform);
        Catalogue.Collection collection = catalogue.programme().collection();
        Instant deadline = request.deadline().toInstant();
        return transactions.execute(status -> {
            Instant now = clock.instant();
            if (!collection.collects(year) || !platform.planYears().contains(year) || !platform.active()) {
                throw refusal(platform.active() ? CollectionState.NOT_COLLECTED : CollectionState.REVOKED, catalogue, year, null);
            }
            if (now.isBefore(CollectionCalendar.opensAt(collection, year))) {
                throw refusal(CollectionState.NOT_YET_OPEN, catalogue, year, null);
            }
            if (!deadline.isAfter(now)) {
                throw ApiException.badRequest("reopen.deadlinePast", SHOWN.format(deadline));
            }
            PlatformYear platformYear = collections.lockOrCreate(platformId, year, now);
            CollectionState state = CollectionState.of(platform, collection, platformYear, year, now);
            if (state == CollectionState.OPEN) {
                throw ApiException.conflict("reopen.stillOpen", year);
            }
            PlatformYear reopened = new PlatformYear(platformYear.id(), platformId, year, PlatformYear.Status.REOPENED,
                    platformYear.version(), deadline, request.reason().strip(), platformYear.submittedAt(),
                    platformYear.submittedBy(), now);
            collections.update(reopened, platformYear.version());
            String authority = caller.authorityCode().orElse(platform.authorityCode());
            events.publish(new CollectionReopened(UUID.randomUUID(), now, platformYear.id(), platformId,
                    platform.leadOrganisationId(), year, request.reason().strip(), deadline, authority));
            events.publish(new DeadlineScheduled(UUID.randomUUID(), now, "INDICATOR_COLLECTION_REOPENED_DUE",
                    platformYear.id().toString(), platform.leadOrganisationId(), authority, deadline));
            return view(platform, year);
        });
    }

    // --- helpers

    Catalogue catalogue(Platform platform) {
        return catalogues.find(platform.programmeCode())
                .orElseThrow(() -> ApiException.conflict("catalogue.notFound", platform.programmeCode()));
    }

    static Catalogue.TypeCatalogue type(Catalogue catalogue, Platform platform) {
        return catalogue.type(platform.platformType()).orElseThrow(() -> ApiException.conflict("catalogue.typeNotFound",
                platform.programmeCode(), platform.platformType()));
    }

    void requireWritable(Platform platform, Catalogue catalogue, PlatformYear platformYear, int year, Instant now) {
        CollectionState state = CollectionState.of(platform, catalogue.programme().collection(), platformYear, year, now);
        if (!state.writable()) {
            throw refusal(state, catalogue, year, platformYear);
        }
    }

    static ApiException refusal(CollectionState state, Catalogue catalogue, int year, PlatformYear platformYear) {
        Catalogue.Collection collection = catalogue.programme().collection();
        Instant opens = CollectionCalendar.opensAt(collection, year);
        Instant closes = platformYear != null && platformYear.deadline() != null ? platformYear.deadline()
                : CollectionCalendar.lastMoment(collection, year);
        return ApiException.conflict(state.refusal(), year, SHOWN.format(opens), SHOWN.format(closes))
                .with("state", state.name()).with("opensAt", opens.toString()).with("closesAt", closes.toString());
    }

    private Outcome replay(IdempotentRequests.Answer answer, String operation, String key) {
        if (!answer.operation().equals(operation)) {
            throw ApiException.conflict("idempotency.keyReused", key);
        }
        JsonNode body = answer.body();
        return new Outcome(answer.status(), body, body.path("version").asLong(), true);
    }

    /** A fingerprint of the batch: the same batch always gives the same one, another batch another. */
    static String digest(SaveValuesRequest request) {
        StringBuilder text = new StringBuilder(request.values().size() * 32);
        for (SaveValuesRequest.Entry entry : request.values()) {
            if (entry == null) {
                text.append('\u0003');
                continue;
            }
            text.append(entry.code()).append('\u0001').append(entry.value()).append('\u0001').append(entry.note());
            if (entry.evidence() != null) {
                for (StoredValue.Evidence evidence : entry.evidence()) {
                    text.append('\u0001').append(evidence == null ? null
                            : evidence.attachmentId() + "\u0004" + evidence.name() + "\u0004" + evidence.uri());
                }
            }
            text.append('\u0002');
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static HttpStatus status(int code) {
        return HttpStatus.valueOf(code);
    }
}
