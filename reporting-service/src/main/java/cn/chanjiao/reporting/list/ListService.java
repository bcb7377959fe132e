package cn.chanjiao.reporting.list;

import cn.chanjiao.contracts.reporting.ListPublished;
import cn.chanjiao.kit.events.IntegrationEvents;
import cn.chanjiao.kit.security.Caller;
import cn.chanjiao.kit.web.ApiException;
import cn.chanjiao.kit.web.Versions;
import cn.chanjiao.reporting.platform.Platform;
import cn.chanjiao.reporting.platform.PlatformAccess;
import cn.chanjiao.reporting.platform.Platforms;
import cn.chanjiao.kit.files.ContentSniffer;
import cn.chanjiao.kit.files.FileType;
import cn.chanjiao.kit.web.Messages;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Supply-demand lists: the platform's lead organisations create a list per kind and year, enter
 * rows one by one or import them from XLSX (all or nothing, with every error by row and column),
 * export them, and publish them to the public information service.
 */
@Service
public class ListService {

    static final int BATCH = 1000;
    static final int LISTED_ERRORS = 200;

    private final SdLists lists;
    private final Platforms platforms;
    private final PlatformAccess access;
    private final IntegrationEvents events;
    private final Messages messages;
    private final Clock clock;
    private final int maxRows;
    private final cn.chanjiao.kit.web.IdempotentRequests idempotent;

    ListService(SdLists lists, Platforms platforms, PlatformAccess access, IntegrationEvents events, Messages messages,
            Clock clock, @Value("${chanjiao.reporting.lists.max-rows:200000}") int maxRows,
            cn.chanjiao.kit.web.IdempotentRequests idempotent) {
        this.idempotent = idempotent;
        this.lists = lists;
        this.platforms = platforms;
        this.access = access;
        this.events = events;
        this.messages = messages;
        this.clock = clock;
        this.maxRows = maxRows;
    }

    /** A list with its platform. */
    public record Loaded(SdList list, Platform platform) {
    }

    /** One cell that broke a rule: Excel row and column (or field for a row entered by hand), header and reason. */
    public record RowError(Integer row, String column, String header, String code, String reason) {
    }

    @Transactional
    public Loaded create(UUID platformId, ListKind kind, int year, String industry, Caller caller) {
        Platform platform = platforms.require(platformId);
        access.requireLead(caller, platform);
        if (!ListKind.forPlatformType(platform.platformType()).contains(kind)) {
            throw ApiException.badRequest("list.kindNotForPlatform", kind.titleZh(), platform.name());
        }
        if (!platform.planYears().contains(year)) {
            throw ApiException.badRequest("list.yearNotPlanned", String.valueOf(year), platform.planYears().toString());
        }
        Instant now = clock.instant();
        SdList list = new SdList(UUID.randomUUID(), platformId, kind, year, blankToNull(industry), SdList.DRAFT, 1, 0, now,
                now, null);
        if (!lists.insert(list)) {
            throw ApiException.conflict("list.exists", kind.titleZh(), String.valueOf(year));
        }
        return new Loaded(list, platform);
    }

    @Transactional(readOnly = true)
    public Loaded get(UUID id, Caller caller) {
        SdList list = lists.find(id).orElseThrow(() -> ApiException.notFound("list.notFound", id));
        Platform platform = platforms.require(list.platformId());
        if (!list.published()) {
            access.requireRead(caller, platform);
        }
        return new Loaded(list, platform);
    }

    @Transactional(readOnly = true)
    public List<Loaded> ofPlatform(UUID platformId, Integer year, Caller caller) {
        Platform platform = platforms.require(platformId);
        access.requireRead(caller, platform);
        return lists.ofPlatform(platformId, year).stream().map(l -> new Loaded(l, platform)).toList();
    }

    @Transactional(readOnly = true)
    public List<ListRow> rows(UUID listId, int page, int size) {
        return lists.rows(listId, page, size);
    }

    public long countRows(UUID listId) {
        return lists.countRows(listId);
    }

    @Transactional
    public ListRow addRow(UUID listId, Caller caller, Map<Field, Object> raw) {
        Loaded loaded = lockDraft(listId, caller);
        RowValues values = checked(loaded.list().kind(), raw);
        SdLists.RowAt row = new SdLists.RowAt(UUID.randomUUID(), lists.nextPosition(listId), values);
        lists.insertRows(loaded.list(), loaded.platform().regionCode(), List.of(row));
        lists.touch(listId, clock.instant());
        return lists.findRow(row.id()).orElseThrow();
    }

    @Transactional
    public ListRow updateRow(UUID listId, UUID rowId, Caller caller, Map<Field, Object> raw) {
        Loaded loaded = lockDraft(listId, caller);
        RowValues values = checked(loaded.list().kind(), raw);
        if (!lists.updateRow(listId, rowId, values)) {
            throw ApiException.notFound("list.rowNotFound", rowId);
        }
        lists.touch(listId, clock.instant());
        return lists.findRow(rowId).orElseThrow();
    }

    @Transactional
    public void deleteRow(UUID listId, UUID rowId, Caller caller) {
        lockDraft(listId, caller);
        if (!lists.deleteRow(listId, rowId)) {
            throw ApiException.notFound("list.rowNotFound", rowId);
        }
        lists.touch(listId, clock.instant());
    }

    private RowValues checked(ListKind kind, Map<Field, Object> raw) {
        RowRules.Checked checked = RowRules.check(kind, raw);
        if (!checked.ok()) {
            List<RowError> errors = checked.errors().stream().map(e -> error(null, e.column().field().property(), e))
                    .toList();
            throw rowProblem(HttpStatus.BAD_REQUEST, errors, errors.size());
        }
        return checked.values();
    }

    /** The outcome of an import. */
    public record Imported(UUID listId, int rows, long version, boolean replayed) {
    }

    /**
     * Replaces the draft's rows with those of the sheet, all or nothing: the sheet is streamed, rows
     * are written in batches inside one transaction, and any error (listing up to 200 of them with row,
     * column and reason) rolls every row back, leaving the list as it was.
     */
    @Transactional
    public Imported importXlsx(UUID listId, Caller caller, MultipartFile file, long expectedVersion,
            String idempotencyKey) {
        String operation = "list.import:" + listId;
        String key = idempotencyKey == null ? null : cn.chanjiao.kit.web.IdempotentRequests.requireKey(idempotencyKey);
        if (key != null) {
            var kept = idempotent.find(caller.subject(), key);
            if (kept.isPresent()) {
                if (!kept.get().operation().equals(operation)) {
                    throw ApiException.unprocessable("idempotency.keyReused", key);
                }
                var body = kept.get().body();
                return new Imported(listId, body.path("rows").asInt(), body.path("version").asLong(), true);
            }
        }
        Imported imported = importXlsx(listId, caller, file, expectedVersion);
        if (key != null) {
            idempotent.save(caller.subject(), key, operation, 200, imported, clock.instant());
        }
        return imported;
    }

    private Imported importXlsx(UUID listId, Caller caller, MultipartFile file, long expectedVersion) {
        Loaded loaded = lockDraft(listId, caller);
        Versions.check(expectedVersion, loaded.list().version());
        Path temp = null;
        try {
            temp = Files.createTempFile("list-import-", ".xlsx");
            try (InputStream in = file.getInputStream()) {
                Files.copy(in, temp, StandardCopyOption.REPLACE_EXISTING);
            }
            return importFile(loaded, temp);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // a temp file left behind is removed with the temp folder
                }
            }
        }
    }

    Imported importFile(Loaded loaded, Path file) throws IOException {
        Optional<FileType> type = ContentSniffer.sniff(file);
        if (type.isEmpty() || type.get() != FileType.XLSX) {
            byte[] head = new byte[2];
            try (InputStream in = Files.newInputStream(file)) {
                in.readNBytes(head, 0, 2);
            }
            throw ApiException.badRequest(head[0] == 'P' && head[1] == 'K' && type.isEmpty() ? "xlsx.corrupt" : "xlsx.notXlsx");
        }
        SdList list = loaded.list();
        lists.deleteRows(list.id());
        List<SdLists.RowAt> batch = new ArrayList<>(BATCH);
        List<RowError> errors = new ArrayList<>();
        int[] counts = { 0, 0 };
        try {
            XlsxLists.read(file, list.kind(), (rowNumber, values, letters) -> {
                counts[0]++;
                if (counts[0] > maxRows) {
                    throw new XlsxLists.TemplateException("xlsx.tooManyRows", maxRows);
                }
                RowRules.Checked checked = RowRules.check(list.kind(), values);
                if (!checked.ok()) {
                    for (RowRules.CellError cell : checked.errors()) {
                        counts[1]++;
                        if (errors.size() < LISTED_ERRORS) {
                            errors.add(error(rowNumber, letters.get(cell.column().field()), cell));
                        }
                    }
                    return;
                }
                if (counts[1] == 0) {
                    batch.add(new SdLists.RowAt(UUID.randomUUID(), counts[0], checked.values()));
                    if (batch.size() == BATCH) {
                        lists.insertRows(list, loaded.platform().regionCode(), batch);
                        batch.clear();
                    }
                }
            });
        } catch (XlsxLists.TemplateException e) {
            throw ApiException.badRequest(e.code(), texts(e.args()));
        }
        if (counts[1] > 0) {
            throw rowProblem(HttpStatus.UNPROCESSABLE_CONTENT, errors, counts[1]);
        }
        if (counts[0] == 0) {
            throw ApiException.badRequest("xlsx.noRows", list.kind().titleZh());
        }
        lists.insertRows(list, loaded.platform().regionCode(), batch);
        lists.touch(list.id(), clock.instant());
        return new Imported(list.id(), counts[0], list.version() + 1, false);
    }

    private RowError error(Integer row, String column, RowRules.CellError cell) {
        String header = english() ? cell.column().headerEn() : cell.column().headerZh();
        return new RowError(row, column, header, cell.code(), messages.text(cell.code(),
                cell.args().stream().map(a -> a instanceof Integer ? a.toString() : a).toArray()));
    }

    private ApiException rowProblem(HttpStatus status, List<RowError> errors, int total) {
        RowError first = errors.get(0);
        ApiException problem = total > 1 ? new ApiException(status, "list.rowsInvalid", String.valueOf(total))
                : first.row() == null ? new ApiException(status, "list.fieldInvalid", first.header(), first.reason())
                : new ApiException(status, "list.rowInvalid", String.valueOf(first.row()), first.header(), first.reason());
        return problem.with("errors", errors).with("errorCount", total);
    }

    /** The list as XLSX in the seed layout. */
    @Transactional(readOnly = true)
    public byte[] export(Loaded loaded) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            XlsxLists.write(loaded.list().kind(), title(loaded), consumer -> lists.eachRow(loaded.list().id(), consumer),
                    out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** An empty sheet of the kind, to fill in and import. */
    public static byte[] template(ListKind kind) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            XlsxLists.write(kind, kind.titleZh(), consumer -> {
            }, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static String title(Loaded loaded) {
        return loaded.platform().name() + " " + loaded.list().year() + " 年度" + loaded.list().kind().titleZh();
    }

    /** Publishes the list (at least one row): its rows become searchable by everyone; {@code ListPublished}. */
    @Transactional
    public Loaded publish(UUID listId, Caller caller, long expectedVersion) {
        Loaded loaded = lockDraft(listId, caller);
        Versions.check(expectedVersion, loaded.list().version());
        long rows = lists.countRows(listId);
        if (rows == 0) {
            throw ApiException.conflict("list.publishEmpty", loaded.list().kind().titleZh());
        }
        Instant now = clock.instant();
        lists.publish(listId, now);
        Platform platform = loaded.platform();
        events.publish(new ListPublished(UUID.randomUUID(), now, listId, platform.id(), platform.leadOrganisationId(),
                loaded.list().kind().name(), loaded.list().year(), (int) rows));
        return new Loaded(lists.find(listId).orElseThrow(), platform);
    }

    private Loaded lockDraft(UUID listId, Caller caller) {
        SdList list = lists.lock(listId).orElseThrow(() -> ApiException.notFound("list.notFound", listId));
        Platform platform = platforms.require(list.platformId());
        access.requireLead(caller, platform);
        if (list.published()) {
            throw ApiException.conflict("list.published", list.kind().titleZh(), String.valueOf(list.year()));
        }
        return new Loaded(list, platform);
    }

    static Map<Field, Object> raw(Map<String, Object> json) {
        Map<Field, Object> raw = new LinkedHashMap<>();
        for (Field field : Field.values()) {
            if (json.containsKey(field.property())) {
                raw.put(field, json.get(field.property()));
            }
        }
        return raw;
    }

    private static Object[] texts(List<Object> args) {
        return args.stream().map(a -> a instanceof Integer || a instanceof Long ? a.toString() : a).toArray();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    static boolean english() {
        return "en".equals(org.springframework.context.i18n.LocaleContextHolder.getLocale().getLanguage());
    }
}
