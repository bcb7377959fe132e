package cn.chanjiao.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The environment variables an application understands: every property its configuration files
 * declare ({@code application.yml}, the service kit's defaults) or its code reads with a
 * placeholder ({@code ${chanjiao.kafka.topic-partitions:3}}), in Spring Boot's environment-variable
 * form — both the canonical one (dashes dropped: {@code CHANJIAO_KAFKA_TOPICPARTITIONS}) and the
 * legacy one Boot also binds (dashes as underscores). A variable in a manifest that is not in this
 * set would be ignored silently by Spring, so the tests reject it.
 */
final class EnvironmentVariables {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([a-z][a-z0-9.\\-\\[\\]]*)[:}]");
    /** Variables the JVM or the image read, not Spring. */
    private static final Set<String> RUNTIME = Set.of("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS", "TZ", "LANG");

    private EnvironmentVariables() {
    }

    static Set<String> understoodBy(Platform platform, Platform.App app) {
        Set<String> properties = new TreeSet<>();
        Path root = platform.root;
        Path config = root.resolve(app.module()).resolve("src/main/resources/application.yml");
        flatten("", Yamls.load(config), properties);
        placeholders(config, properties);
        if (!app.isGateway()) {
            Path defaults = root.resolve("libs/service-kit/src/main/resources/META-INF/chanjiao/service-defaults.yml");
            flatten("", platform.serviceDefaults, properties);
            placeholders(defaults, properties);
            sources(root.resolve("libs/service-kit/src/main/java"), properties);
        }
        sources(root.resolve(app.module()).resolve("src/main/java"), properties);

        Set<String> variables = new TreeSet<>(RUNTIME);
        for (String property : properties) {
            String underscored = property.replace('.', '_').replace("[", "_").replace("]", "");
            variables.add(underscored.replace("-", "").toUpperCase(Locale.ROOT));
            variables.add(underscored.replace('-', '_').toUpperCase(Locale.ROOT));
        }
        if (app.isGateway()) {
            platform.gatewayInstances.forEach(instances -> variables.add(instances.variable()));
        }
        return variables;
    }

    private static void flatten(String prefix, Map<String, Object> map, Set<String> properties) {
        map.forEach((key, value) -> {
            String name = prefix.isEmpty() ? key : prefix + "." + key;
            if (value instanceof Map<?, ?>) {
                flatten(name, Yamls.map(value), properties);
            } else {
                properties.add(name);
            }
        });
    }

    private static void placeholders(Path file, Set<String> properties) {
        try {
            Matcher matcher = PLACEHOLDER.matcher(Files.readString(file));
            while (matcher.find()) {
                properties.add(matcher.group(1));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sources(Path folder, Set<String> properties) {
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            files.filter(file -> file.toString().endsWith(".java")).forEach(file -> placeholders(file, properties));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
