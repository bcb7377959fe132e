package cn.chanjiao.deploy;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keycloak imports {@code deploy/keycloak/realm.json} into columns of at most 255 characters for
 * names and descriptions; one longer value makes the whole import, and so Keycloak's start, fail
 * ("value too long for type character varying(255)"), which is only seen when a real Keycloak starts.
 */
class RealmFileTest {

    private static final Set<String> SHORT_COLUMNS = Set.of("name", "description", "clientId", "displayName",
            "rootUrl", "baseUrl", "adminUrl", "username", "email", "firstName", "lastName", "realm");

    @Test
    void everyNameAndDescriptionFitsKeycloaksColumns() throws Exception {
        Path realm = Path.of("").toAbsolutePath().getParent().resolve("keycloak/realm.json");
        Object tree;
        try (Reader in = Files.newBufferedReader(realm, StandardCharsets.UTF_8)) {
            LoaderOptions options = new LoaderOptions();
            options.setCodePointLimit(50_000_000);
            tree = new Yaml(options).load(in);
        }
        List<String> tooLong = new ArrayList<>();
        walk(tree, "$", tooLong);

        assertThat(tree).isInstanceOf(Map.class);
        assertThat(((Map<?, ?>) tree).get("realm")).isEqualTo("chanjiao");
        assertThat(tooLong).as("values longer than 255 characters").isEmpty();
    }

    private static void walk(Object node, String path, List<String> tooLong) {
        if (node instanceof Map<?, ?> map) {
            map.forEach((key, value) -> {
                String at = path + "." + key;
                if (value instanceof String text && SHORT_COLUMNS.contains(String.valueOf(key)) && text.length() > 255) {
                    tooLong.add(at + " (" + text.length() + ")");
                }
                walk(value, at, tooLong);
            });
        } else if (node instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                walk(list.get(i), path + "[" + i + "]", tooLong);
            }
        }
    }
}
