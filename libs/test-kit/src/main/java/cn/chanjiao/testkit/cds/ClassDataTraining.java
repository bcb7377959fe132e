package cn.chanjiao.testkit.cds;

import cn.chanjiao.testkit.engine.EmbeddedPostgresServer;
import cn.chanjiao.testkit.engine.KeycloakServer;
import cn.chanjiao.testkit.engine.KraftBroker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Makes an application's class-data archive ({@link ClassDataArchive}) in the Maven build, phase
 * {@code package}, right after the executable jar (root pom, execution {@code cds-archive}; skipped
 * with {@code -Dcds.skip}). Nothing happens when the archive is current (the jar did not change).
 * A build with the image's runtime ({@code --image-java}, profile "images") makes only the image's
 * archive ({@link ImageClassData}), which the local launcher uses as well.
 *
 * <p>The training run refreshes the application context against real engines, so the archive holds
 * what a real start loads (the PostgreSQL driver, Flyway and its migrations' classes, Hibernate, the
 * Kafka admin client): a throw-away embedded PostgreSQL 17 with the platform's databases and an
 * in-process KRaft broker, both started here and stopped after the run. The application runs with the
 * local platform's JVM options and settings ({@code --chanjiao.demo.enabled=true}), exits when the
 * context is refreshed ({@code -Dspring.context.exit=onRefresh}) and writes the archive at exit.
 *
 * <pre>java -cp &lt;test class path&gt; cn.chanjiao.testkit.cds.ClassDataTraining --jar=target/x.jar --name=x</pre>
 */
public final class ClassDataTraining {

    /** The databases of the platform's applications (the same as the local platform creates). */
    static final List<String> DATABASES = List.of("identity", "application", "reporting", "indicator", "notification");

    /** The local platform's JVM options of an application (deploy/local LocalPlatform), minus the heap sizing. */
    static final List<String> JVM_OPTIONS = List.of("-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
            "-Xss512k", "-Dfile.encoding=UTF-8");

    private static final Duration TIMEOUT = Duration.ofMinutes(10);

    private ClassDataTraining() {
    }

    public static void main(String[] args) throws IOException {
        Map<String, String> options = options(args, "--jar=<executable jar> --name=<application name>"
                + " [--skip-training=true] [--image-java=<the image's runtime>]");
        Path jar = Path.of(required(options, "jar")).toAbsolutePath();
        String name = required(options, "name");
        boolean train = !Boolean.parseBoolean(options.getOrDefault("skip-training", "false"));
        String imageJava = options.getOrDefault("image-java", "").trim();
        quietLogging();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("no jar at " + jar);
        }
        // one throw-away PostgreSQL and broker for both trainings of the module (started only if one runs)
        try (Engines engines = new Engines(jar.getParent().resolve("cds").resolve("engines"))) {
            // with the image's runtime at hand, its archive is the only one: the local launcher starts the
            // applications from the image's files with that runtime (deploy/local LocalPlatform), so one
            // training per module; without (no Linux, -DskipImages), the archive is the build JDK's
            if (train && imageJava.isEmpty()) {
                makeArchive(new ClassDataArchive(name, jar), engines);
            }
            if (!imageJava.isEmpty()) {
                ImageClassData.make(jar, name, Path.of(imageJava).toAbsolutePath(), train, engines);
            }
        }
    }

    /** The archive for the local launcher (the build's JDK), unless it is current. */
    private static void makeArchive(ClassDataArchive archive, Engines engines) throws IOException {
        String name = archive.name();
        if (archive.isCurrent()) {
            System.out.println("[cds] " + name + ": class-data archive " + archive.archive() + " is current");
            return;
        }
        Instant t0 = Instant.now();
        try {
            train(archive, engines);
        } catch (RuntimeException | IOException e) {
            // an optimisation, not a product: the application starts from its jar without it
            System.out.println("[cds] WARNING: no class-data archive for " + name + " (it starts from its jar): " + e.getMessage());
            return;
        }
        System.out.printf(Locale.ROOT, "[cds] %s: class-data archive %s (%d MB) made in %.1f s (log %s)%n", name,
                archive.archive(), Files.size(archive.archive()) / (1024 * 1024),
                Duration.between(t0, Instant.now()).toMillis() / 1000.0, archive.trainingLog());
    }

    /** Extracts the jar, runs the training against the throw-away engines and installs the archive. */
    static void train(ClassDataArchive archive, Engines engines) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        archive.extract(java, TIMEOUT);
        List<String> jvm = new ArrayList<>(JVM_OPTIONS);
        jvm.addAll(archive.trainingOptions());
        Path work = archive.directory().resolve("training");
        deleteRecursively(work);
        Files.createDirectories(work);
        try {
            run(archive.name(), java, jvm, archive.extractedJar().toString(), work, archive.trainingLog(), engines);
        } finally {
            deleteRecursively(work);
        }
        if (!archive.completeTraining()) {
            throw new IllegalStateException("the training run of " + archive.name() + " wrote no archive; last lines of "
                    + archive.trainingLog() + ":\n" + KeycloakServer.tail(archive.trainingLog(), 30));
        }
    }

    /**
     * A throw-away PostgreSQL with the platform's databases and an in-process KRaft broker for training
     * runs: started by the first run, the databases made empty again for each later one (a training
     * run sees what a first start sees), stopped and deleted at the end.
     */
    static final class Engines implements AutoCloseable {

        private final Path directory;
        private EmbeddedPostgresServer postgres;
        private KraftBroker kafka;

        Engines(Path directory) {
            this.directory = directory;
        }

        void prepare() throws IOException {
            if (postgres == null) {
                deleteRecursively(directory);
                Files.createDirectories(directory);
                postgres = EmbeddedPostgresServer.start(0, null);
                DATABASES.forEach(postgres::createDatabaseIfMissing);
                kafka = new KraftBroker(0, 0, directory.resolve("kafka"));
                kafka.start();
            } else {
                DATABASES.forEach(postgres::recreateDatabase);
            }
        }

        @Override
        public void close() {
            if (kafka != null) {
                kafka.stop();
            }
            if (postgres != null) {
                postgres.stop();
            }
            deleteRecursively(directory);
        }
    }

    /**
     * One training run: {@code java <jvm options> -jar <jar> <the local platform's settings>} in
     * {@code workingDirectory} against the engines; fails unless the run exits with 0.
     */
    static void run(String name, String java, List<String> jvmOptions, String jar, Path workingDirectory, Path log,
            Engines engines) throws IOException {
        engines.prepare();
        EmbeddedPostgresServer postgres = engines.postgres;
        List<String> command = new ArrayList<>();
        command.add(java);
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar,
                "--server.port=0",
                "--chanjiao.postgres.host=127.0.0.1",
                "--chanjiao.postgres.port=" + postgres.port(),
                "--chanjiao.postgres.username=" + postgres.username(),
                "--chanjiao.postgres.password=" + postgres.password(),
                "--chanjiao.kafka.bootstrap-servers=" + engines.kafka.bootstrapServers(),
                // nothing answers there: the resource server fetches its keys on the first token only
                "--chanjiao.keycloak.url=http://127.0.0.1:9",
                "--chanjiao.demo.enabled=true",
                "--chanjiao.demo.clock-control=true"));
        Process process = new ProcessBuilder(command).directory(workingDirectory.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile())).start();
        process.getOutputStream().close();
        try {
            if (!process.waitFor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("the training run of " + name + " did not finish in "
                        + TIMEOUT.toMinutes() + " min; last lines of " + log + ":\n" + KeycloakServer.tail(log, 30));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IllegalStateException("interrupted", e);
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException("the training run of " + name + " failed (exit "
                    + process.exitValue() + "); last lines of " + log + ":\n" + KeycloakServer.tail(log, 30));
        }
    }

    /** {@code --key=value} arguments, in order. */
    static Map<String, String> options(String[] args, String usage) {
        Map<String, String> options = new LinkedHashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (!arg.startsWith("--") || eq < 0) {
                throw new IllegalArgumentException("usage: " + usage + "; not " + arg);
            }
            options.put(arg.substring(2, eq), arg.substring(eq + 1));
        }
        return options;
    }

    static String required(Map<String, String> options, String key) {
        String value = options.get(key);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("--" + key + "=… is required");
        }
        return value;
    }

    /** The broker and the database log through the class path's binding: warnings only. */
    static void quietLogging() {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        org.slf4j.ILoggerFactory factory = org.slf4j.LoggerFactory.getILoggerFactory();
        if (factory.getClass().getName().equals("ch.qos.logback.classic.LoggerContext")) {
            Logback.warnOnly(factory); // only linked when Logback is there
        }
    }

    private static final class Logback {

        static void warnOnly(org.slf4j.ILoggerFactory factory) {
            ((ch.qos.logback.classic.LoggerContext) factory).getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)
                    .setLevel(ch.qos.logback.classic.Level.WARN);
        }
    }

    static void deleteRecursively(Path path) {
        if (!Files.exists(path)) {
            return;
        }
        try (var walk = Files.walk(path)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + path + ": " + e.getMessage(), e);
        }
    }
}
