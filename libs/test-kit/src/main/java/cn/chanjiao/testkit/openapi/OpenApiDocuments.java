package cn.chanjiao.testkit.openapi;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The published API contracts: each service's OpenAPI document is committed as
 * {@code docs/api/<spring.application.name>.json}, in a canonical form (keys sorted, two-space
 * indentation, UTF-8, final newline) so that a diff shows exactly what changed. Every service's smoke
 * test compares the served document with the committed one; run it with
 * {@value #WRITE_PROPERTY}{@code =true} to write the served document instead:
 * <pre>./mvnw -B -ntp -pl identity-service -am verify -Dit.test=IdentityServiceSmokeIT -Dtest=none \
 *     -Dsurefire.failIfNoSpecifiedTests=false -Dchanjiao.openapi.write=true</pre>
 */
public final class OpenApiDocuments {

    /** System property: write the served documents to {@code docs/api/} instead of comparing. */
    public static final String WRITE_PROPERTY = "chanjiao.openapi.write";

    private static final JsonMapper CANONICAL = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private OpenApiDocuments() {
    }

    public static boolean writeRequested() {
        return Boolean.getBoolean(WRITE_PROPERTY);
    }

    /** The document with its keys sorted at every level, pretty-printed, ending in a newline. */
    public static String canonical(String json) {
        Object tree = CANONICAL.readValue(json, Object.class);
        return CANONICAL.writeValueAsString(tree).replace("\r\n", "\n") + "\n";
    }

    /** {@code docs/api/<service>.json} of the checkout the test runs in. */
    public static Path committed(String service) {
        return repositoryRoot().resolve("docs").resolve("api").resolve(service + ".json");
    }

    public static Optional<String> read(Path file) {
        try {
            return Files.exists(file) ? Optional.of(Files.readString(file, StandardCharsets.UTF_8).replace("\r\n", "\n"))
                    : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void write(Path file, String document) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, document, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where two documents first differ, with a few lines of each, or empty when they are the same. */
    public static Optional<String> firstDifference(String expected, String actual) {
        if (expected.equals(actual)) {
            return Optional.empty();
        }
        String[] a = expected.split("\n", -1);
        String[] b = actual.split("\n", -1);
        int line = 0;
        while (line < a.length && line < b.length && a[line].equals(b[line])) {
            line++;
        }
        return Optional.of("first difference at line " + (line + 1) + "\n--- committed\n" + excerpt(a, line)
                + "\n+++ served\n" + excerpt(b, line));
    }

    private static String excerpt(String[] lines, int at) {
        StringBuilder text = new StringBuilder();
        for (int i = Math.max(0, at - 3); i < Math.min(lines.length, at + 4); i++) {
            text.append(i == at ? "> " : "  ").append(lines[i]).append('\n');
        }
        return text.toString();
    }

    private static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        for (Path at = dir; at != null; at = at.getParent()) {
            if (Files.exists(at.resolve("mvnw")) && Files.isDirectory(at.resolve("libs"))) {
                return at;
            }
        }
        throw new IllegalStateException("no repository root (a directory with mvnw and libs/) above " + dir);
    }
}
