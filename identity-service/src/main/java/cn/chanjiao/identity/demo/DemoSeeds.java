package cn.chanjiao.identity.demo;

import org.slf4j.Logger;
import org.springframework.core.io.ClassPathResource;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * What the demo seeders of identity-service ({@code chanjiao.demo.enabled=true}: demo organisations,
 * demo accounts) share: the items read from a JSON file on the class path, each inserted once.
 */
public final class DemoSeeds {

    private DemoSeeds() {
    }

    /** The items of a JSON array on the class path. */
    public static <T> List<T> read(JsonMapper json, String location, TypeReference<List<T>> type) {
        try (InputStream in = new ClassPathResource(location).getInputStream()) {
            return json.readValue(in, type);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + location, e);
        }
    }

    /**
     * Inserts each item in a transaction of its own unless it is there ({@code insertIfAbsent} says
     * whether it inserted); an item that another instance inserted a moment ago, or whose unique key
     * real data holds, is logged and left out. Logs how many were inserted.
     */
    public static <T> int insertEach(List<T> items, TransactionTemplate transactions, Predicate<T> insertIfAbsent,
            Function<T, Object> key, String what, Logger log) {
        int inserted = 0;
        for (T item : items) {
            try {
                if (Boolean.TRUE.equals(transactions.execute(status -> insertIfAbsent.test(item)))) {
                    inserted++;
                }
            } catch (DataIntegrityViolationException e) {
                log.info("demo {} {} not inserted: {}", what, key.apply(item), e.getMostSpecificCause().getMessage());
            }
        }
        if (inserted > 0) {
            log.info("{} demo {}s inserted (chanjiao.demo.enabled=true)", inserted, what);
        }
        return inserted;
    }
}
