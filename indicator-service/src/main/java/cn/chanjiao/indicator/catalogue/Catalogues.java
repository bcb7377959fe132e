package cn.chanjiao.indicator.catalogue;

import cn.chanjiao.indicator.config.IndicatorServiceProperties;
import jakarta.validation.Validator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The catalogues: loaded from the files into the database on first start (a programme already
 * stored is left as it is, whichever instance stored it), then read from the database. They are
 * reference data that no request changes, so each instance keeps the rows it read; programme ids
 * learnt from events are read from the database every time. Loading happens once every bean is
 * created and before the Kafka listeners start, so no event finds its catalogue missing.
 */
@Component
public class Catalogues implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(Catalogues.class);

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Validator validator;
    private final Clock clock;
    private final IndicatorServiceProperties properties;
    private volatile Map<String, Catalogue> cached;
    /** {@link System#nanoTime()} of the last read: the refresh is about this instance's copy, not the business (demo) clock. */
    private volatile long cachedAt;

    /** How long an instance keeps the catalogues it read before reading them again (a programme's window may move). */
    static final java.time.Duration REFRESH = java.time.Duration.ofMinutes(1);

    Catalogues(JdbcClient jdbc, JsonMapper json, Validator validator, Clock clock, IndicatorServiceProperties properties) {
        this.jdbc = jdbc;
        this.json = json;
        this.validator = validator;
        this.clock = clock;
        this.properties = properties;
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (!properties.loadCatalogues()) {
            return;
        }
        for (Catalogue catalogue : CatalogueFiles.read(json, validator)) {
            int inserted = jdbc.sql("""
                    insert into catalogue (programme_code, name, authority_code, definition, loaded_at)
                    values (?, ?, ?, ?::jsonb, ?) on conflict (programme_code) do nothing""")
                    .param(catalogue.programme().code()).param(catalogue.programme().name())
                    .param(catalogue.programme().authorityCode()).param(json.writeValueAsString(catalogue))
                    .param(Timestamp.from(clock.instant())).update();
            if (inserted > 0) {
                log.info("indicator catalogue {} loaded: {}", catalogue.programme().code(), catalogue.platformTypes().stream()
                        .map(type -> type.type() + "=" + type.indicators().size()).toList());
            }
        }
        // a programme whose platforms were approved before its catalogue was stored
        jdbc.sql("""
                update catalogue c set programme_id = (select p.programme_id from platform p
                    where p.programme_code = c.programme_code order by p.approved_at limit 1)
                where c.programme_id is null""").update();
        cached = null;
    }

    public List<Catalogue> all() {
        return List.copyOf(load().values());
    }

    public Optional<Catalogue> find(String programmeCode) {
        return Optional.ofNullable(load().get(programmeCode));
    }

    public Optional<Catalogue.TypeCatalogue> find(String programmeCode, String platformType) {
        return find(programmeCode).flatMap(catalogue -> catalogue.type(platformType));
    }

    /** The programme's id as application-service knows it, or a stable one derived from its code until an event told us. */
    public UUID programmeId(String programmeCode) {
        return jdbc.sql("select programme_id from catalogue where programme_code = ?").param(programmeCode)
                .query(UUID.class).optional()
                .orElseGet(() -> UUID.nameUUIDFromBytes(("programme:" + programmeCode).getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * The programme's own collection window (application-service's COLLECTION window, carried by
     * {@code PlatformApproved}) replaces the catalogue file's default, so the window is defined once; true when it
     * changed. Absent windows leave the catalogue as it is.
     */
    public boolean learnCollectionWindow(String programmeCode, Catalogue.Collection window) {
        int changed = jdbc.sql("""
                update catalogue set definition = jsonb_set(definition, '{programme,collection}', ?::jsonb)
                where programme_code = ? and definition -> 'programme' -> 'collection' is distinct from ?::jsonb""")
                .param(json.writeValueAsString(window)).param(programmeCode).param(json.writeValueAsString(window))
                .update();
        if (changed > 0) {
            log.info("indicator catalogue {}: collection window {} – {} from {} as the programme defines it", programmeCode,
                    window.opens(), window.closes(), window.fromYear());
            cached = null;
        }
        return changed > 0;
    }

    /** Remembers application-service's id of a programme (from {@code PlatformApproved}). */
    public void learnProgrammeId(String programmeCode, UUID programmeId) {
        jdbc.sql("update catalogue set programme_id = ? where programme_code = ? and programme_id is distinct from ?")
                .param(programmeId).param(programmeCode).param(programmeId).update();
    }

    private Map<String, Catalogue> load() {
        Map<String, Catalogue> current = cached;
        if (current != null && !expired()) {
            return current;
        }
        // one reader at a time: when the copy expires under load, the other requests wait for its
        // fresh copy instead of each parsing every catalogue again
        synchronized (this) {
            return reload();
        }
    }

    private boolean expired() {
        return System.nanoTime() - cachedAt > REFRESH.toNanos();
    }

    private Map<String, Catalogue> reload() {
        Map<String, Catalogue> current = cached;
        if (current != null && expired()) {
            current = null;
        }
        if (current == null) {
            Map<String, Catalogue> read = new LinkedHashMap<>();
            jdbc.sql("select programme_code, definition::text from catalogue order by programme_code")
                    .query((rs, n) -> Map.entry(rs.getString(1), json.readValue(rs.getString(2), Catalogue.class)))
                    .list().forEach(entry -> read.put(entry.getKey(), entry.getValue()));
            current = java.util.Collections.unmodifiableMap(read);
            if (!current.isEmpty()) {
                cached = current;
                cachedAt = System.nanoTime();
            }
        }
        return current;
    }
}
