package cn.chanjiao.testkit.engine;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;

/**
 * The real engines integration tests run on, one of each per test JVM: Testcontainers where a
 * Docker engine answers, the embedded PostgreSQL binaries and an in-JVM KRaft broker otherwise.
 * The tests are the same either way; none is skipped. {@code -Dchanjiao.test.engines=embedded}
 * or {@code =containers} forces a choice.
 *
 * <p>{@link #keycloak()} is a real Keycloak with the platform's realm, started only by the tests
 * that ask for it (it takes 40–90 s), once per JVM; {@link #keycloakUrl()} starts it in the
 * background and answers its URL at once.
 */
public final class TestEngines {

    private static final Logger log = LoggerFactory.getLogger(TestEngines.class);

    private static DatabaseServer postgres;
    private static MessageBroker kafka;
    private static CompletableFuture<KeycloakServer> keycloak;
    private static int keycloakPort;
    private static Boolean containers;

    private TestEngines() {
    }

    public static synchronized DatabaseServer postgres() {
        if (postgres == null) {
            long start = System.nanoTime();
            postgres = useContainers() ? ContainerEngines.postgres() : EmbeddedPostgresServer.start(0, null);
            log.info("PostgreSQL for tests on port {} ({}) in {} ms", postgres.port(), kind(), elapsed(start));
        }
        return postgres;
    }

    public static synchronized MessageBroker kafka() {
        if (kafka == null) {
            long start = System.nanoTime();
            if (useContainers()) {
                kafka = ContainerEngines.kafka();
            } else {
                try {
                    Path logs = Files.createTempDirectory("kraft-");
                    KraftBroker broker = new KraftBroker(0, 0, logs);
                    broker.start();
                    kafka = broker;
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
            log.info("Kafka for tests at {} ({}) in {} ms", kafka.bootstrapServers(), kind(), elapsed(start));
        }
        return kafka;
    }

    /**
     * A real Keycloak with the platform realm ({@code deploy/keycloak/realm.json}, demo users and
     * clients included) on a database of {@link #postgres()}, started on first use and stopped when
     * the JVM exits; waits until it is ready. Its log is {@code java.io.tmpdir/keycloak-<pid>.log}.
     */
    public static KeycloakServer keycloak() {
        CompletableFuture<KeycloakServer> starting;
        synchronized (TestEngines.class) {
            keycloakUrl();
            starting = keycloak;
        }
        try {
            return starting.join();
        } catch (java.util.concurrent.CompletionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : e;
        }
    }

    /**
     * The base URL of this JVM's Keycloak, at once: a first call starts it in the background, so that
     * a Spring context that only needs the URL starts while Keycloak does (it takes 40–90 s);
     * {@link #keycloak()} waits for it.
     */
    public static synchronized String keycloakUrl() {
        if (keycloak == null) {
            int port = KraftBroker.freePort();
            CompletableFuture<KeycloakServer> starting = new CompletableFuture<>();
            Thread thread = new Thread(() -> {
                try {
                    starting.complete(startKeycloak(port));
                } catch (Throwable e) {
                    starting.completeExceptionally(e);
                }
            }, "keycloak-start");
            thread.setDaemon(true);
            thread.start();
            keycloak = starting;
            keycloakPort = port;
        }
        return "http://127.0.0.1:" + keycloakPort;
    }

    private static KeycloakServer startKeycloak(int port) {
        long start = System.nanoTime();
        Path tmp = Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath();
        long self = ProcessHandle.current().pid();
        Path pids = tmp.resolve("keycloak-pids");
        stopLeftoverKeycloaks(pids);
        DatabaseServer database = postgres();
        String name = "keycloak_" + self;
        database.createDatabaseIfMissing(name);
        KeycloakServer server = KeycloakServer.builder()
                .port(port)
                .database(database.jdbcUrl(name), database.username(), database.password())
                .log(tmp.resolve("keycloak-" + self + ".log"))
                .onProcessStarted(started -> {
                    recordPid(pids, self, started);
                    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                        started.stop(java.time.Duration.ofSeconds(20));
                        try {
                            Files.deleteIfExists(pids.resolve(self + ".pid"));
                        } catch (java.io.IOException ignored) {
                            // the next start finds its owner dead and the Keycloak gone
                        }
                    }, "keycloak-stop"));
                })
                .start();
        log.info("Keycloak for tests at {} in {} ms (log {})", server.baseUrl(), elapsed(start), server.log());
        return server;
    }

    /** Records which Keycloak this JVM started, so that a later run can stop it after a kill -9. */
    private static void recordPid(Path pids, long owner, KeycloakServer server) {
        try {
            Files.createDirectories(pids);
            Files.writeString(pids.resolve(owner + ".pid"), server.pid() + "\n" + server.home() + "\n");
        } catch (java.io.IOException e) {
            log.warn("cannot record Keycloak's pid in {}: {}", pids, e.toString());
        }
    }

    /** Stops a Keycloak whose test JVM died without stopping it (its pid file outlived it). */
    private static void stopLeftoverKeycloaks(Path pids) {
        if (!Files.isDirectory(pids)) {
            return;
        }
        try (var files = Files.list(pids)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".pid")).toList()) {
                long owner = Long.parseLong(file.getFileName().toString().replace(".pid", ""));
                if (ProcessHandle.of(owner).map(ProcessHandle::isAlive).orElse(false)) {
                    continue;
                }
                java.util.List<String> lines = Files.readAllLines(file);
                if (lines.size() >= 2) {
                    long pid = Long.parseLong(lines.get(0).trim());
                    String home = lines.get(1).trim();
                    ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                            .filter(h -> h.info().commandLine().map(c -> c.contains(home)).orElse(false))
                            .ifPresent(h -> {
                                java.util.List<ProcessHandle> tree = new java.util.ArrayList<>();
                                h.descendants().forEach(tree::add);
                                tree.add(h);
                                tree.forEach(ProcessHandle::destroy);
                                KeycloakServer.awaitStopped(tree, java.time.Duration.ofSeconds(20));
                                log.info("stopped Keycloak pid {} left by test JVM {}", pid, owner);
                            });
                }
                Files.deleteIfExists(file);
            }
        } catch (java.io.IOException | RuntimeException e) {
            log.warn("could not check for leftover Keycloaks in {}: {}", pids, e.toString());
        }
    }

    private static String kind() {
        return useContainers() ? "Testcontainers" : "embedded";
    }

    private static long elapsed(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }

    private static synchronized boolean useContainers() {
        if (containers == null) {
            String forced = System.getProperty("chanjiao.test.engines", "auto");
            containers = switch (forced) {
                case "embedded" -> false;
                case "containers" -> true;
                default -> dockerAnswers();
            };
        }
        return containers;
    }

    private static boolean dockerAnswers() {
        boolean socket = java.nio.file.Files.exists(java.nio.file.Path.of("/var/run/docker.sock"));
        if (!socket && System.getenv("DOCKER_HOST") == null && !java.nio.file.Files.exists(
                java.nio.file.Path.of(System.getProperty("user.home"), ".testcontainers.properties"))) {
            return false; // no engine anywhere to ask: skip Testcontainers' slower probing
        }
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (Throwable e) {
            return false;
        }
    }
}
