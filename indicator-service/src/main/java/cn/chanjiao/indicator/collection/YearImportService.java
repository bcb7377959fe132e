package cn.chanjiao.indicator.collection;

import cn.chanjiao.indicator.catalogue.Catalogue;
import cn.chanjiao.indicator.catalogue.Catalogues;
import cn.chanjiao.indicator.platform.Platform;
import cn.chanjiao.indicator.platform.PlatformAccess;
import cn.chanjiao.indicator.platform.PlatformRepository;
import cn.chanjiao.indicator.web.Messages;
import cn.chanjiao.indicator.web.Violation;
import cn.chanjiao.kit.security.Caller;
import cn.chanjiao.kit.web.ApiException;
import cn.chanjiao.kit.web.IdempotentRequests;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An authority's import of a programme's whole year (one sheet, one row per platform and
 * indicator), all or nothing: every row is checked — the platform within the caller's
 * jurisdiction and of the programme, its collection open (or reopened), the value by the rules of a
 * batch save — and only when no row is bad is each changed platform-year written, through the
 * same write as a batch save, in one transaction. Rows equal to what is stored are left alone, so
 * the overview export comes back unchanged for platforms already submitted.
 */
@Service
public class YearImportService {

    private static final Pattern VALUES_FIELD = Pattern.compile("^values\\[(\\d+)](.*)$");

    private final CollectionService collection;
    private final CollectionRepository collections;
    private final PlatformRepository platforms;
    private final Catalogues catalogues;
    private final IdempotentRequests idempotent;
    private final TransactionTemplate transactions;
    private final Messages messages;
    private final Clock clock;

    YearImportService(CollectionService collection, CollectionRepository collections, PlatformRepository platforms,
            Catalogues catalogues, IdempotentRequests idempotent, TransactionTemplate transactions, Messages messages,
            Clock clock) {
        this.collection = collection;
        this.collections = collections;
        this.platforms = platforms;
        this.catalogues = catalogues;
        this.idempotent = idempotent;
        this.transactions = transactions;
        this.messages = messages;
        this.clock = clock;
    }

    /** The programme's catalogue, before an upload is read (an unknown programme is a 404). */
    Catalogue programme(String programmeCode) {
        return catalogues.find(programmeCode).orElseThrow(() -> ApiException.notFound("catalogue.notFound", programmeCode));
    }

    /** What one platform's rows did. */
    public record PlatformOutcome(UUID platformId, String name, UUID platformYearId, long version, String status,
            int saved, int removed, int unchanged, @io.swagger.v3.oas.annotations.media.ArraySchema(schema = @io.swagger.v3.oas.annotations.media.Schema(implementation = ValueWarning.class)) List<Map<String, Object>> warnings) {
    }

    /** A platform of the sheet whose rows all equal what is stored: left as it was. */
    public record UnchangedPlatform(UUID platformId, String name, int rows) {
    }

    /** The answer of an import: per platform written, how many values and the warnings; platforms left as they were. */
    public record ImportResponse(String programmeCode, int year, int rows, int platforms, int saved, int unchanged,
            Instant savedAt, List<PlatformOutcome> written, List<UnchangedPlatform> unchangedPlatforms) {
    }

    private record Group(Platform platform, Catalogue.TypeCatalogue type, List<YearWorkbook.Row> rows) {
    }

    CollectionService.Outcome importYear(String programmeCode, int year, YearWorkbook.Imported imported, String idempotencyKey,
            Caller caller) {
        String key = IdempotentRequests.requireKey(idempotencyKey);
        Catalogue catalogue = programme(programmeCode);
        String operation = "import-year:" + programmeCode + ":" + year + ":" + digest(imported);
        Optional<IdempotentRequests.Answer> earlier = idempotent.find(caller.subject(), key);
        if (earlier.isPresent()) {
            return replay(earlier.get(), operation, key);
        }
        List<Violation> errors = new ArrayList<>();
        Map<UUID, Group> groups = groups(catalogue, imported, caller, errors);
        return transactions.execute(status -> {
            Instant now = clock.instant();
            Optional<IdempotentRequests.Answer> raced = idempotent.find(caller.subject(), key);
            if (raced.isPresent()) {
                return replay(raced.get(), operation, key);
            }
            List<Runnable> writes = new ArrayList<>();
            List<PlatformOutcome> written = new ArrayList<>();
            List<UnchangedPlatform> unchanged = new ArrayList<>();
            int[] saved = { 0 };
            for (Group group : groups.values()) {
                Platform platform = group.platform();
                // the platform-year is locked (platforms in id order, so two imports never deadlock) before it is read
                PlatformYear existing = collections.find(platform.id(), year)
                        .map(found -> collections.lockOrCreate(platform.id(), year, now)).orElse(null);
                Map<String, StoredValue> stored = existing == null ? Map.of() : collections.values(existing.id());
                List<YearWorkbook.Row> changed = new ArrayList<>();
                List<SaveValuesRequest.Entry> entries = new ArrayList<>();
                for (YearWorkbook.Row row : group.rows()) {
                    StoredValue before = stored.get(row.code() == null ? "" : row.code().strip());
                    if (!same(before, row, imported)) {
                        changed.add(row);
                        entries.add(entry(before, row, imported));
                    }
                }
                if (changed.isEmpty()) {
                    unchanged.add(new UnchangedPlatform(platform.id(), platform.name(), group.rows().size()));
                    continue;
                }
                // the sheet says which version it was exported from: a platform that saved since is not overwritten
                long current = existing == null ? 0 : existing.version();
                Optional<YearWorkbook.Row> stale = changed.stream().filter(row -> row.version() != null
                        && !row.version().strip().isEmpty() && !sameVersion(row.version(), current)).findFirst();
                if (stale.isPresent()) {
                    errors.add(Violation.of(field(stale.get(), "version"), null, "import.stale", platform.name(),
                            stale.get().version().strip(), String.valueOf(current)));
                    continue;
                }
                PlatformYear platformYear = existing != null ? existing : collections.lockOrCreate(platform.id(), year, now);
                CollectionState state = CollectionState.of(platform, catalogue.programme().collection(), platformYear, year, now);
                if (!state.writable()) {
                    Catalogue.Collection window = catalogue.programme().collection();
                    Instant closes = platformYear.deadline() != null ? platformYear.deadline()
                            : CollectionCalendar.lastMoment(window, year);
                    errors.add(Violation.of(field(changed.get(0), "platformId"), null, "import.notWritable", platform.name(),
                            messages.text(state.refusal(), year, CollectionService.SHOWN.format(
                                    CollectionCalendar.opensAt(window, year)), CollectionService.SHOWN.format(closes))));
                    continue;
                }
                ValueRules.Checked checked = collection.check(group.type(), entries);
                checked.errors().forEach(violation -> errors.add(relabel(violation, changed)));
                if (!checked.errors().isEmpty()) {
                    continue;
                }
                int unchangedRows = group.rows().size() - changed.size();
                writes.add(() -> {
                    SaveValuesResponse response = collection.write(group.type(), platformYear, checked.values(), now,
                            caller.username());
                    saved[0] += response.saved();
                    written.add(new PlatformOutcome(platform.id(), platform.name(), response.platformYearId(),
                            response.version(), response.status(), response.saved(), response.removed(), unchangedRows,
                            response.warnings()));
                });
            }
            if (!errors.isEmpty()) {
                throw rowErrors(errors, imported);
            }
            writes.forEach(Runnable::run);
            ImportResponse body = new ImportResponse(programmeCode, year, imported.rows().size(), written.size(), saved[0],
                    unchanged.size(), now, written, unchanged);
            idempotent.save(caller.subject(), key, operation, 200, body, now);
            return new CollectionService.Outcome(200, body, 0, false);
        });
    }

    /**
     * The rows by platform (in platform id order), with an error for each row whose platform is not
     * a platform id, unknown, of another programme, outside the caller's jurisdiction, and for a
     * platform's indicator named twice.
     */
    private Map<UUID, Group> groups(Catalogue catalogue, YearWorkbook.Imported imported, Caller caller, List<Violation> errors) {
        Map<UUID, Group> groups = new TreeMap<>();
        Map<String, Platform> known = new HashMap<>();
        Map<UUID, Set<String>> seen = new HashMap<>();
        for (YearWorkbook.Row row : imported.rows()) {
            String platformField = field(row, "platformId");
            if (row.platformId() == null) {
                errors.add(Violation.of(platformField, row.code(), "import.platformRequired"));
                continue;
            }
            UUID id;
            try {
                id = UUID.fromString(row.platformId().strip());
            } catch (IllegalArgumentException e) {
                errors.add(Violation.of(platformField, row.code(), "import.badPlatformId", row.platformId()));
                continue;
            }
            Platform platform = known.computeIfAbsent(id.toString(), k -> platforms.find(id).orElse(null));
            if (platform == null) {
                errors.add(Violation.of(platformField, row.code(), "platform.notFound", id));
                continue;
            }
            if (!platform.programmeCode().equals(catalogue.programme().code())) {
                errors.add(Violation.of(platformField, row.code(), "import.otherProgramme", platform.name(),
                        platform.programmeCode()));
                continue;
            }
            if (!PlatformAccess.isAuthorityOver(platform, caller)) {
                errors.add(Violation.of(platformField, row.code(), "platform.notYourJurisdiction", platform.name()));
                continue;
            }
            Catalogue.TypeCatalogue type = catalogue.type(platform.platformType()).orElse(null);
            if (type == null) {
                errors.add(Violation.of(platformField, row.code(), "catalogue.typeNotFound", platform.programmeCode(),
                        platform.platformType()));
                continue;
            }
            if (row.code() != null && !seen.computeIfAbsent(id, k -> new HashSet<>()).add(row.code().strip())) {
                errors.add(Violation.of(field(row, "code"), row.code().strip(), "value.duplicate", row.code().strip()));
                continue;
            }
            groups.computeIfAbsent(id, k -> new Group(platform, type, new ArrayList<>())).rows().add(row);
        }
        return groups;
    }

    /** Whether the row says what is stored already (a column the sheet does not have says nothing). */
    static boolean same(StoredValue stored, YearWorkbook.Row row, YearWorkbook.Imported imported) {
        if (stored == null || stored.value() == null) {
            return false;
        }
        BigDecimal value;
        try {
            value = new BigDecimal(row.value());
        } catch (NumberFormatException e) {
            return false;
        }
        if (value.compareTo(stored.value()) != 0) {
            return false;
        }
        if (imported.hasNote() && !Objects.equals(blankToNull(row.note()), blankToNull(stored.note()))) {
            return false;
        }
        return !imported.hasEvidence() || row.evidence().equals(references(stored.evidence()));
    }

    /** The entry of a batch for a row: a column the sheet does not have keeps the stored note or evidence. */
    static SaveValuesRequest.Entry entry(StoredValue stored, YearWorkbook.Row row, YearWorkbook.Imported imported) {
        String note = imported.hasNote() ? row.note() : stored == null ? null : stored.note();
        List<StoredValue.Evidence> evidence;
        if (!imported.hasEvidence() || stored != null && row.evidence().equals(references(stored.evidence()))) {
            evidence = stored == null ? List.of() : stored.evidence();
        } else {
            evidence = row.evidence().stream().map(reference -> reference.contains("://")
                    ? new StoredValue.Evidence(null, null, reference) : new StoredValue.Evidence(reference, null, null)).toList();
        }
        return new SaveValuesRequest.Entry(row.code(), JsonNodeFactory.instance.stringNode(row.value()), evidence, note);
    }

    /** Evidence as the export writes it: each attachment id, or its URI. */
    static List<String> references(List<StoredValue.Evidence> evidence) {
        return evidence == null ? List.of() : evidence.stream()
                .map(item -> item.attachmentId() != null ? item.attachmentId() : item.uri()).toList();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static String field(YearWorkbook.Row row, String column) {
        return "rows[" + row.number() + "]." + column;
    }

    /** A batch's {@code values[i].x} as the Excel row it came from. */
    private static Violation relabel(Violation violation, List<YearWorkbook.Row> rows) {
        Matcher matcher = VALUES_FIELD.matcher(violation.field());
        if (!matcher.matches()) {
            return violation;
        }
        YearWorkbook.Row row = rows.get(Integer.parseInt(matcher.group(1)));
        return new Violation("rows[" + row.number() + "]" + matcher.group(2), violation.indicatorCode(), violation.code(),
                violation.args());
    }

    /** A 400 naming every bad row, each error with its row number and column letter. */
    private ApiException rowErrors(List<Violation> errors, YearWorkbook.Imported imported) {
        List<Violation> sorted = errors.stream().sorted(java.util.Comparator.comparingInt(YearImportService::rowOf)).toList();
        return messages.badRequest(sorted, (violation, entry) -> {
            int row = rowOf(violation);
            if (row > 0) {
                entry.put("row", row);
            }
            String column = imported.column(violation.field());
            if (column != null) {
                entry.put("column", column);
            }
        });
    }

    /** {@code "3"}, or {@code "3.0"} where a spreadsheet turned the text into a number. */
    private static boolean sameVersion(String exported, long current) {
        try {
            return new java.math.BigDecimal(exported.strip()).compareTo(java.math.BigDecimal.valueOf(current)) == 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static int rowOf(Violation violation) {
        String field = violation.field();
        if (!field.startsWith("rows[")) {
            return 0;
        }
        return Integer.parseInt(field.substring(5, field.indexOf(']')));
    }

    private CollectionService.Outcome replay(IdempotentRequests.Answer answer, String operation, String key) {
        if (!answer.operation().equals(operation)) {
            throw ApiException.conflict("idempotency.keyReused", key);
        }
        JsonNode body = answer.body();
        return new CollectionService.Outcome(answer.status(), body, 0, true);
    }

    /** A fingerprint of the rows read: the same sheet always gives the same one. */
    static String digest(YearWorkbook.Imported imported) {
        StringBuilder text = new StringBuilder(imported.rows().size() * 48);
        text.append(imported.hasNote()).append(imported.hasEvidence()).append('\u0002');
        for (YearWorkbook.Row row : imported.rows()) {
            text.append(row.number()).append('\u0001').append(row.platformId()).append('\u0001').append(row.code())
                    .append('\u0001').append(row.value()).append('\u0001').append(row.note()).append('\u0001')
                    .append(row.evidence()).append('\u0002');
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
