package cn.chanjiao.local;

import cn.chanjiao.testkit.engine.KeycloakServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Where and how the local platform runs. {@link #fromEnvironment()} reads every value from a system
 * property {@code chanjiao.local.<key>} or an environment variable {@code CHANJIAO_LOCAL_<KEY>}
 * (upper case, dots and dashes as underscores), e.g. {@code -Dchanjiao.local.keycloak.port=28080}
 * or {@code CHANJIAO_LOCAL_KEYCLOAK_PORT=28080}.
 *
 * @param root                the repository root (holds {@code pom.xml}, the modules and {@code deploy/})
 * @param dataDirectory       PostgreSQL cluster, Kafka logs, process logs; kept across restarts
 * @param postgresPort        PostgreSQL
 * @param kafkaPort           Kafka clients
 * @param kafkaControllerPort Kafka's KRaft controller
 * @param keycloakPort        Keycloak HTTP
 * @param services            the six applications, gateway first
 * @param startServices       {@code false} starts PostgreSQL, Kafka and Keycloak only
 * @param readinessTimeout    how long each application and Keycloak may take to become ready
 */
public record LocalSettings(Path root, Path dataDirectory, int postgresPort, int kafkaPort, int kafkaControllerPort,
        int keycloakPort, List<Service> services, boolean startServices, Duration readinessTimeout) {

    /** The databases created on first start: one per service, and Keycloak's. */
    public static final List<String> DATABASES = List.of("identity", "application", "reporting", "indicator",
            "notification", "keycloak");

    /** The Keycloak distribution version, the one libs/test-kit unpacks into {@code <root>/.dist}. */
    public static final String KEYCLOAK_VERSION = KeycloakServer.version();
    public static final String REALM = KeycloakServer.REALM;

    public LocalSettings {
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(dataDirectory, "dataDirectory");
        services = List.copyOf(services);
        root = root.toAbsolutePath().normalize();
        dataDirectory = dataDirectory.toAbsolutePath().normalize();
    }

    /**
     * One of the six applications.
     *
     * @param name     its {@code spring.application.name}, also the module folder and the jar name
     * @param port     its HTTP port
     * @param area     the API area under {@code /api/v1/}; {@code null} for the gateway
     */
    public record Service(String name, int port, String area) {

        public boolean isGateway() {
            return area == null;
        }

        /** {@code <root>/<name>/target/<name>.jar} */
        public Path jar(Path root) {
            return root.resolve(name).resolve("target").resolve(name + ".jar");
        }
    }

    /** Settings from system properties and environment variables, with the documented defaults. */
    public static LocalSettings fromEnvironment() {
        return from(key -> {
            String property = System.getProperty("chanjiao.local." + key);
            if (property != null && !property.isBlank()) {
                return property.trim();
            }
            String env = System.getenv("CHANJIAO_LOCAL_" + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_'));
            return env == null || env.isBlank() ? null : env.trim();
        });
    }

    static LocalSettings from(Function<String, String> lookup) {
        Path root = findRoot();
        String data = lookup.apply("data");
        Path dataDirectory = data != null ? Path.of(data) : root.resolve(".local-data");
        List<Service> services = new ArrayList<>();
        services.add(new Service("gateway", port(lookup, "gateway.port", 8080), null));
        services.add(new Service("identity-service", port(lookup, "identity.port", 8081), "identity"));
        services.add(new Service("application-service", port(lookup, "application.port", 8082), "applications"));
        services.add(new Service("reporting-service", port(lookup, "reporting.port", 8083), "reports"));
        services.add(new Service("indicator-service", port(lookup, "indicator.port", 8084), "indicators"));
        services.add(new Service("notification-service", port(lookup, "notification.port", 8085), "notifications"));
        String startServices = lookup.apply("services");
        String timeout = lookup.apply("readiness-timeout");
        return new LocalSettings(root, dataDirectory,
                port(lookup, "postgres.port", 15432),
                port(lookup, "kafka.port", 19092),
                port(lookup, "kafka.controller-port", 19093),
                port(lookup, "keycloak.port", 18080),
                services,
                startServices == null || Boolean.parseBoolean(startServices),
                timeout == null ? Duration.ofSeconds(180) : Duration.ofSeconds(Long.parseLong(timeout)));
    }

    /**
     * Settings on free ports with the given data folder, for tests that run the platform next to
     * anything else on the machine.
     */
    public static LocalSettings onFreePorts(Path root, Path dataDirectory) {
        List<ServerSocket> held = new ArrayList<>();
        try {
            int[] ports = new int[10];
            for (int i = 0; i < ports.length; i++) {
                ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                held.add(socket);
                ports[i] = socket.getLocalPort();
            }
            List<Service> services = List.of(
                    new Service("gateway", ports[4], null),
                    new Service("identity-service", ports[5], "identity"),
                    new Service("application-service", ports[6], "applications"),
                    new Service("reporting-service", ports[7], "reports"),
                    new Service("indicator-service", ports[8], "indicators"),
                    new Service("notification-service", ports[9], "notifications"));
            return new LocalSettings(root, dataDirectory, ports[0], ports[1], ports[2], ports[3], services, true,
                    Duration.ofSeconds(180));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            for (ServerSocket socket : held) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // the port is released either way
                }
            }
        }
    }

    public LocalSettings withStartServices(boolean start) {
        return new LocalSettings(root, dataDirectory, postgresPort, kafkaPort, kafkaControllerPort, keycloakPort,
                services, start, readinessTimeout);
    }

    public LocalSettings withReadinessTimeout(Duration timeout) {
        return new LocalSettings(root, dataDirectory, postgresPort, kafkaPort, kafkaControllerPort, keycloakPort,
                services, startServices, timeout);
    }

    public Service service(String name) {
        return services.stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no service " + name));
    }

    public Service gateway() {
        return services.stream().filter(Service::isGateway).findFirst().orElseThrow();
    }

    public String gatewayUrl() {
        return "http://127.0.0.1:" + gateway().port();
    }

    public String keycloakUrl() {
        return "http://127.0.0.1:" + keycloakPort;
    }

    /** The distribution the build of libs/test-kit unpacked: {@code <root>/.dist/keycloak-<version>}. */
    public Path keycloakHome() {
        return KeycloakServer.distribution(root);
    }

    public Path realmFile() {
        return KeycloakServer.realmFile(root);
    }

    public Path logDirectory() {
        return dataDirectory.resolve("logs");
    }

    /** Every port the platform listens on, by what listens there. */
    public Map<String, Integer> ports() {
        var ports = new java.util.LinkedHashMap<String, Integer>();
        ports.put("PostgreSQL", postgresPort);
        ports.put("Kafka", kafkaPort);
        ports.put("Kafka controller", kafkaControllerPort);
        ports.put("Keycloak", keycloakPort);
        if (startServices) {
            services.forEach(s -> ports.put(s.name(), s.port()));
        }
        return ports;
    }

    private static int port(Function<String, String> lookup, String key, int fallback) {
        String value = lookup.apply(key);
        if (value == null) {
            return fallback;
        }
        try {
            int port = Integer.parseInt(value);
            if (port < 1 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("chanjiao.local." + key + " must be a port number, not '" + value + "'");
        }
    }

    /**
     * The repository root: {@code -Dchanjiao.root}, or the working directory or the nearest folder
     * above it that holds {@code pom.xml} and {@code deploy/local}.
     */
    static Path findRoot() {
        String configured = System.getProperty("chanjiao.root");
        if (configured == null || configured.isBlank()) {
            configured = System.getenv("CHANJIAO_ROOT");
        }
        if (configured != null && !configured.isBlank()) {
            Path root = Path.of(configured).toAbsolutePath().normalize();
            if (!isRoot(root)) {
                throw new IllegalArgumentException("chanjiao.root=" + root + " is not the repository root (no pom.xml and deploy/local there)");
            }
            return root;
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (isRoot(dir)) {
                return dir;
            }
        }
        throw new IllegalStateException("cannot find the repository root above " + Path.of("").toAbsolutePath()
                + ": run from inside the repository or pass -Dchanjiao.root=<path>");
    }

    private static boolean isRoot(Path dir) {
        return Files.isRegularFile(dir.resolve("pom.xml")) && Files.isDirectory(dir.resolve("deploy/local"));
    }
}
