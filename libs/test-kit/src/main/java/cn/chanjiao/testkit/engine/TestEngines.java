package cn.chanjiao.testkit.engine;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The real engines integration tests run on, one of each per test JVM: Testcontainers where a
 * Docker engine answers, the embedded PostgreSQL binaries and an in-JVM KRaft broker otherwise.
 * The tests are the same either way; none is skipped. {@code -Dchanjiao.test.engines=embedded}
 * or {@code =containers} forces a choice.
 */
public final class TestEngines {

    private static final Logger log = LoggerFactory.getLogger(TestEngines.class);

    private static DatabaseServer postgres;
    private static MessageBroker kafka;
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
