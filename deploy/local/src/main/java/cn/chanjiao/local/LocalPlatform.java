package cn.chanjiao.local;

import cn.chanjiao.testkit.cds.ClassDataArchive;
import cn.chanjiao.testkit.cds.ImageClassData;
import cn.chanjiao.testkit.engine.EmbeddedPostgresServer;
import cn.chanjiao.testkit.engine.KeycloakServer;
import cn.chanjiao.testkit.engine.KraftBroker;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Runs the whole platform on one machine: a real PostgreSQL 17 (embedded binaries), a real Kafka
 * broker (KRaft, in this JVM), a real Keycloak with the {@code chanjiao} realm and its demo users,
 * and the six applications as child processes. Data lives in {@code <repo>/.local-data} and survives
 * a restart. Ctrl-C stops everything.
 *
 * <p>{@code deploy/local/run.sh} builds what is missing and runs {@link #main(String[])}; the
 * end-to-end test starts the same platform with {@link #start(LocalSettings)} and stops it with
 * {@link #close()}.
 */
public final class LocalPlatform implements AutoCloseable {

    /** Demo logins of the realm (deploy/keycloak/realm.json): user, roles, scope claims. */
    static final List<String[]> DEMO_USERS = List.of(
            new String[] {"applicant", "applicant", "org 5a0c1e2b-…-140100000001, authority 140100 (Taiyuan)"},
            new String[] {"org-admin", "org-admin", "same organisation as applicant"},
            new String[] {"applicant-hangzhou", "applicant", "org 5a0c1e2b-…-330100000001, authority 330100 (Hangzhou)"},
            new String[] {"reviewer-shanxi-edu", "reviewer", "authority 140000 (Shanxi), department education"},
            new String[] {"reviewer-hangzhou-drc", "reviewer", "authority 330100 (Hangzhou), department development-reform"},
            new String[] {"expert", "expert", "org 5a0c1e2b-…-140100000002 (a university)"},
            new String[] {"programme-admin-shanxi", "programme-admin", "authority 140000, department education"},
            new String[] {"programme-admin-hangzhou", "programme-admin", "authority 330100, department development-reform"},
            new String[] {"platform-admin", "platform-admin", "no scope: the whole platform"});

    static final String DEMO_PASSWORD = "chanjiao-demo";

    /** Demo client-credentials clients of the realm: client id, secret, role and scope. */
    static final List<String[]> DEMO_CLIENTS = List.of(
            new String[] {"integration-shanxi", "integration-shanxi-demo-secret", "integration, authority_code 140000"},
            new String[] {"integration-zhejiang", "integration-zhejiang-demo-secret", "integration, authority_code 330000"},
            new String[] {"chanjiao-services", "chanjiao-services-demo-secret", "service (service-to-service calls)"},
            new String[] {"chanjiao-identity-admin", "chanjiao-identity-admin-demo-secret", "Keycloak admin API: manage-users, view-users, query-users, view-realm"});

    private static final Duration STOP_GRACE = Duration.ofSeconds(30);

    /** {@code start-order=after-keycloak}: the applications wait for Keycloak (the old order, for comparison). */
    private static final boolean START_SERVICES_AFTER_KEYCLOAK = "after-keycloak".equals(setting("start-order", "together"));
    /** {@code cds=false}: the applications start from their jars, without class-data archives. */
    private static final boolean CDS_ENABLED = Boolean.parseBoolean(setting("cds", "true"));
    /** CPU seconds each application took to readiness at a restart (deploy/local/README.md), for the start order. */
    private static final Map<String, Integer> START_CPU_SECONDS = Map.of("identity-service", 9, "notification-service", 9,
            "application-service", 9, "reporting-service", 7, "indicator-service", 6, "gateway", 5);
    /**
     * {@code start-concurrency=N}: at most N applications start at once, the longest first, the next when
     * one is ready; 0 starts all at once. By default one per core: on two cores six JVMs starting together
     * spent ~10 % more CPU (caches, scheduling, the JIT) and kept Keycloak from finishing early
     * (deploy/local/README.md).
     */
    private static final int START_CONCURRENCY = Integer.parseInt(setting("start-concurrency",
            String.valueOf(Runtime.getRuntime().availableProcessors())));
    private static final Duration POLL = Duration.ofMillis(500);
    /** when the footprint is printed a second time, after the start's extra connections have closed */
    private static final Duration SETTLED_AFTER = Duration.ofSeconds(60);
    /** how often the applications' readiness is asked while they start (the answer is ~1 ms once up) */
    private static final Duration READINESS_POLL = Duration.ofMillis(100);

    private final LocalSettings settings;
    private final PrintStream out;
    private final Instant began = Instant.now();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final CountDownLatch startFinished = new CountDownLatch(1);
    private final CountDownLatch stopped = new CountDownLatch(1);

    private volatile boolean closing;
    private volatile boolean ownsDataDirectory;
    private boolean closed;
    private EmbeddedPostgresServer postgres;
    private KraftBroker kafka;
    private KeycloakServer keycloak;
    private final Map<String, ManagedProcess> services = new LinkedHashMap<>();
    private Duration timeToReady;
    private Footprint footprintAtReady;

    private LocalPlatform(LocalSettings settings, PrintStream out) {
        this.settings = settings;
        this.out = out;
    }

    /**
     * Starts the platform and returns once every part is ready. On failure everything started so far
     * is stopped again and a {@link PartFailedException} names the part.
     */
    public static LocalPlatform start(LocalSettings settings) {
        return start(settings, System.out);
    }

    public static LocalPlatform start(LocalSettings settings, PrintStream out) {
        LocalPlatform platform = new LocalPlatform(settings, out);
        try {
            platform.startAll();
            return platform;
        } catch (RuntimeException | Error e) {
            platform.close();
            throw e;
        }
    }

    public static void main(String[] args) {
        LocalSettings settings;
        boolean reset = false;
        try {
            for (String arg : args) {
                switch (arg) {
                    case "--help", "-h" -> {
                        printHelp(System.out);
                        return;
                    }
                    case "--engines-only" -> System.setProperty("chanjiao.local.services", "false");
                    case "--reset" -> reset = true;
                    default -> throw new IllegalArgumentException("unknown argument " + arg + " (try --help)");
                }
            }
            settings = LocalSettings.fromEnvironment();
            if (reset) {
                List<String> stopped = wipe(settings.dataDirectory());
                System.out.println("deleted " + settings.dataDirectory()
                        + (stopped.isEmpty() ? "" : " (after stopping leftovers: " + String.join(", ", stopped) + ")")
                        + ": this start begins with empty databases, a fresh Kafka and the realm imported anew");
            }
        } catch (IllegalArgumentException | IllegalStateException | UncheckedIOException | PartFailedException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        LocalPlatform platform = new LocalPlatform(settings, System.out);
        stopInOrderOnSignals(platform);
        // a fallback for any other way the JVM ends (System.exit, SIGHUP)
        Runtime.getRuntime().addShutdownHook(new Thread(platform::close, "chanjiao-local-shutdown"));
        try {
            platform.startAll();
        } catch (PartFailedException e) {
            if (!platform.closing) {
                System.err.println();
                System.err.println("FAILED: " + e.getMessage());
                if (e.getCause() != null && e.getCause().getMessage() != null
                        && !e.getMessage().contains(e.getCause().getMessage())) {
                    System.err.println("  cause: " + e.getCause());
                }
                if (platform.startedAnything()) {
                    System.err.println("Stopping what was started …");
                }
                platform.close();
                System.exit(1);
            }
            awaitQuietly(platform.stopped, Duration.ofMinutes(3));
            return;
        } catch (RuntimeException e) {
            if (!platform.closing) {
                System.err.println("FAILED: " + e);
                e.printStackTrace();
                platform.close();
                System.exit(1);
            }
            awaitQuietly(platform.stopped, Duration.ofMinutes(3));
            return;
        }
        platform.printReady();
        platform.watchUntilStopped();
        // the signal handler's thread is a daemon: keep the JVM alive until it has stopped everything
        awaitQuietly(platform.stopped, Duration.ofMinutes(3));
    }

    /**
     * Ctrl-C (SIGINT) and SIGTERM stop the platform in order before the JVM begins to exit. Left to
     * the JVM's shutdown hooks, PostgreSQL's own hook (zonky registers one) would stop the database
     * at the same moment as the applications, which then cannot finish their graceful shutdown.
     */
    private static void stopInOrderOnSignals(LocalPlatform platform) {
        for (String name : List.of("INT", "TERM")) {
            try {
                sun.misc.Signal.handle(new sun.misc.Signal(name), signal -> {
                    if (platform.closing) {
                        System.err.println("already stopping … (kill -9 " + ProcessHandle.current().pid()
                                + " to abandon; the next start cleans up)");
                        return;
                    }
                    platform.close();
                    System.exit(128 + signal.getNumber());
                });
            } catch (IllegalArgumentException | UnsupportedOperationException e) {
                // no such signal here: the shutdown hook still stops everything, just not in order
            }
        }
    }

    // --- starting ---------------------------------------------------------------------------------

    private void startAll() {
        try {
            configureEngineLogging();
            checkPrerequisites();
            prepareDataDirectory();
            checkPortsAreFree();
            // Keycloak's build step (once per distribution) needs no database: it runs while
            // PostgreSQL and Kafka start
            CompletableFuture<Void> keycloakBuilt = inBackground("keycloak-build", this::buildKeycloak);
            startPostgres();
            // Keycloak needs PostgreSQL only: it starts while Kafka starts. The applications need
            // Keycloak only when a request comes (its keys, fetched on the first token), so they
            // start while it starts, once Kafka is there (deploy/local/README.md, measured).
            CompletableFuture<Void> keycloakStarted = inBackground("keycloak-start", () -> {
                join(keycloakBuilt);
                startKeycloak();
            });
            startKafka();
            if (settings.startServices()) {
                if (START_SERVICES_AFTER_KEYCLOAK) {
                    join(keycloakStarted);
                }
                startServices();
            }
            join(keycloakStarted);
            timeToReady = Duration.between(began, Instant.now());
            footprintAtReady = footprint();
        } finally {
            startFinished.countDown();
        }
    }

    private static CompletableFuture<Void> inBackground(String name, Runnable task) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                task.run();
                done.complete(null);
            } catch (Throwable e) {
                done.completeExceptionally(e);
            }
        }, name);
        thread.setDaemon(true);
        thread.start();
        return done;
    }

    private static void join(CompletableFuture<Void> task) {
        try {
            task.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new PartFailedException("launcher", String.valueOf(e.getCause()), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PartFailedException("launcher", "interrupted");
        }
    }

    private void buildKeycloak() {
        Instant t0 = Instant.now();
        try {
            if (KeycloakServer.buildOptimized(settings.keycloakHome(), settings.readinessTimeout().multipliedBy(2))) {
                say("Keycloak's optimized server built (kc.sh build " + String.join(" ", KeycloakServer.buildOptions())
                        + ", once per distribution) in " + seconds(t0));
            }
        } catch (KeycloakServer.StartFailure e) {
            throw new PartFailedException("Keycloak", e.getMessage(), e);
        }
    }

    private void configureEngineLogging() {
        // PostgreSQL and Kafka log through slf4j-simple: into a file, the console stays readable
        setIfAbsent("org.slf4j.simpleLogger.logFile", settings.logDirectory().resolve("engines.log").toString());
        setIfAbsent("org.slf4j.simpleLogger.defaultLogLevel", "info");
        setIfAbsent("org.slf4j.simpleLogger.showDateTime", "true");
        setIfAbsent("org.slf4j.simpleLogger.dateTimeFormat", "yyyy-MM-dd HH:mm:ss.SSS");
        setIfAbsent("org.slf4j.simpleLogger.log.org.apache.kafka", "warn");
        setIfAbsent("org.slf4j.simpleLogger.log.kafka", "warn");
        setIfAbsent("org.slf4j.simpleLogger.log.state.change.logger", "warn");
        try {
            Files.createDirectories(settings.logDirectory());
        } catch (IOException e) {
            throw new PartFailedException("data folder", "cannot create " + settings.logDirectory() + ": " + e.getMessage(), e);
        }
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }

    private void checkPrerequisites() {
        Path kcSh = settings.keycloakHome().resolve("bin/kc.sh");
        if (!Files.isRegularFile(kcSh)) {
            throw new PartFailedException("Keycloak", "the distribution is missing at " + settings.keycloakHome()
                    + " — build deploy/local once (./mvnw -q -B -pl deploy/local -am -DskipTests install: libs/test-kit unpacks it)"
                    + " or use deploy/local/run.sh");
        }
        if (!Files.isRegularFile(settings.realmFile())) {
            throw new PartFailedException("Keycloak", "the realm file is missing: " + settings.realmFile());
        }
        if (settings.startServices()) {
            List<String> missing = settings.services().stream()
                    .filter(s -> !Files.isRegularFile(s.jar(settings.root())))
                    .map(s -> settings.root().relativize(s.jar(settings.root())).toString())
                    .toList();
            if (!missing.isEmpty()) {
                throw new PartFailedException(missing.size() == 1 ? missing.get(0) : "services",
                        "missing " + String.join(", ", missing)
                                + " — build with ./mvnw -q -B -DskipTests install (deploy/local/run.sh does it for you)");
            }
        }
    }

    private void prepareDataDirectory() {
        try {
            Files.createDirectories(settings.dataDirectory());
        } catch (IOException e) {
            throw new PartFailedException("data folder", "cannot create " + settings.dataDirectory() + ": " + e.getMessage(), e);
        }
        claimDataDirectory();
        List<String> leftovers = stopLeftovers(settings.dataDirectory());
        if (!leftovers.isEmpty()) {
            say("stopped leftovers of a previous run that did not shut down: " + String.join(", ", leftovers));
        }
    }

    /**
     * One launcher per data folder: a second one would share the PostgreSQL cluster and the Kafka
     * logs. The owner is recorded with its start time, so a recycled pid is not taken for it.
     */
    private void claimDataDirectory() {
        Path launcherFile = ownerFile(settings.dataDirectory());
        try {
            Files.createDirectories(runDirectory());
            checkNoOtherLauncher(settings.dataDirectory());
            ProcessHandle self = ProcessHandle.current();
            Files.writeString(launcherFile, self.pid() + "\n" + self.info().startInstant().map(Instant::toString).orElse("") + "\n");
            ownsDataDirectory = true;
        } catch (IOException e) {
            throw new PartFailedException("data folder", "cannot record the launcher in " + launcherFile + ": " + e, e);
        }
    }

    private static Path ownerFile(Path dataDirectory) {
        return dataDirectory.resolve("run").resolve("launcher.owner");
    }

    /** Fails when a live launcher other than this JVM owns the data folder. */
    private static void checkNoOtherLauncher(Path dataDirectory) {
        Path launcherFile = ownerFile(dataDirectory);
        if (!Files.isRegularFile(launcherFile)) {
            return;
        }
        try {
            List<String> lines = Files.readAllLines(launcherFile);
            long pid = Long.parseLong(lines.get(0).trim());
            String started = lines.size() > 1 ? lines.get(1).trim() : "";
            Optional<ProcessHandle> owner = ProcessHandle.of(pid);
            if (pid != ProcessHandle.current().pid() && owner.isPresent() && owner.get().isAlive()
                    && owner.get().info().startInstant().map(Instant::toString).orElse("").equals(started)) {
                throw new PartFailedException("data folder", dataDirectory + " is in use by another launcher (pid "
                        + pid + "); stop that one first (Ctrl-C in its terminal, or kill " + pid
                        + "), or give this one its own folder and ports (-Dchanjiao.local.data=…)");
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof PartFailedException failed) {
                throw failed;
            }
            // unreadable: nobody we could recognise owns it
        }
    }

    /**
     * Stops what a launcher that was killed (kill -9, a crash) left running on {@code dataDirectory}:
     * Keycloak and the applications (pid files in {@code run/}) and PostgreSQL ({@code postmaster.pid}).
     */
    static List<String> stopLeftovers(Path dataDirectory) {
        List<String> leftovers = ManagedProcess.stopLeftovers(dataDirectory.resolve("run"), STOP_GRACE);
        stopLeftoverPostgres(dataDirectory).ifPresent(leftovers::add);
        return leftovers;
    }

    /**
     * Deletes a data folder, after stopping what a killed launcher left running on it. Refuses while
     * a live launcher owns it.
     */
    public static List<String> wipe(Path dataDirectory) {
        if (!Files.exists(dataDirectory)) {
            return List.of();
        }
        checkNoOtherLauncher(dataDirectory);
        List<String> leftovers = stopLeftovers(dataDirectory);
        try (var paths = Files.walk(dataDirectory)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dataDirectory + ": " + e.getMessage(), e);
        }
        return leftovers;
    }

    /** A PostgreSQL whose launcher was killed keeps running on the data folder: stop it. */
    private static Optional<String> stopLeftoverPostgres(Path dataDirectory) {
        Path pidFile = dataDirectory.resolve("postgres/postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return Optional.empty();
        }
        try {
            long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
            Optional<ProcessHandle> handle = ProcessHandle.of(pid);
            if (handle.isPresent() && handle.get().isAlive()
                    && handle.get().info().command().map(c -> c.endsWith("postgres")).orElse(false)) {
                handle.get().destroy(); // SIGTERM: PostgreSQL's smart shutdown, its clients are gone
                ManagedProcess.awaitStopped(List.of(handle.get()), STOP_GRACE);
                return Optional.of("PostgreSQL (pid " + pid + ")");
            }
        } catch (IOException | RuntimeException e) {
            // PostgreSQL itself removes a stale postmaster.pid
        }
        return Optional.empty();
    }

    private void checkPortsAreFree() {
        List<String> taken = new ArrayList<>();
        settings.ports().forEach((part, port) -> {
            try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                socket.setReuseAddress(true);
            } catch (IOException e) {
                taken.add(part + " " + port);
            }
        });
        if (!taken.isEmpty()) {
            throw new PartFailedException("ports", "already in use: " + String.join(", ", taken)
                    + ". Stop what listens there (ss -ltnp shows who) or choose other ports,"
                    + " e.g. -Dchanjiao.local.keycloak.port=28080 (see deploy/local/README.md)");
        }
    }

    private void startPostgres() {
        Instant t0 = Instant.now();
        checkNotClosing();
        Path dataDirectory = settings.dataDirectory().resolve("postgres");
        EmbeddedPostgresServer server;
        try {
            // 32 MB of shared buffers hold a demo platform's data; the default 128 MB showed as each
            // backend's memory once touched. No logical replication here, so no launcher process for it
            // (footprint in deploy/local/README.md)
            server = EmbeddedPostgresServer.start(settings.postgresPort(), dataDirectory,
                    Map.of("shared_buffers", "32MB", "max_logical_replication_workers", "0"));
        } catch (RuntimeException e) {
            throw new PartFailedException("PostgreSQL", rootMessage(e) + " (data in " + dataDirectory
                    + "; PostgreSQL's own output is in " + settings.logDirectory().resolve("engines.log") + ")", e);
        }
        synchronized (this) {
            postgres = server;
        }
        checkNotClosing();
        try {
            LocalSettings.DATABASES.forEach(server::createDatabaseIfMissing);
        } catch (RuntimeException e) {
            throw new PartFailedException("PostgreSQL", "cannot create the databases: " + rootMessage(e), e);
        }
        say("PostgreSQL 17 ready on 127.0.0.1:" + settings.postgresPort() + " (databases "
                + String.join(", ", LocalSettings.DATABASES) + ") in " + seconds(t0));
    }

    private void startKafka() {
        Instant t0 = Instant.now();
        checkNotClosing();
        KraftBroker broker = new KraftBroker(settings.kafkaPort(), settings.kafkaControllerPort(),
                settings.dataDirectory().resolve("kafka"));
        synchronized (this) {
            kafka = broker;
        }
        try {
            broker.start();
        } catch (RuntimeException e) {
            throw new PartFailedException("Kafka", rootMessage(e) + " (log directory " + settings.dataDirectory().resolve("kafka")
                    + ", broker log in " + settings.logDirectory().resolve("engines.log") + ")", e);
        }
        say("Kafka (KRaft) ready on " + broker.bootstrapServers() + " in " + seconds(t0));
    }

    private void startKeycloak() {
        Instant t0 = Instant.now();
        checkNotClosing();
        Path log = settings.logDirectory().resolve("keycloak.log");
        try {
            if (Files.exists(log)) {
                Files.move(log, settings.logDirectory().resolve("keycloak.log.1"), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new PartFailedException("Keycloak", "cannot rotate " + log + ": " + e.getMessage(), e);
        }
        // the same engine the tests use (libs/test-kit): kc.sh start --optimized on the keycloak database
        KeycloakServer server;
        try {
            server = KeycloakServer.builder()
                    .home(settings.keycloakHome())
                    .realm(settings.realmFile())
                    // a restart on kept data: the realm is there, Keycloak need not read the file
                    .importRealm(!realmExists())
                    .port(settings.keycloakPort())
                    .database("jdbc:postgresql://127.0.0.1:" + settings.postgresPort() + "/keycloak", "postgres", "")
                    .log(log)
                    .startTimeout(settings.readinessTimeout().multipliedBy(2))
                    .onProcessStarted(started -> {
                        ManagedProcess.recordPid(runDirectory(), "keycloak", started.pid(), started.command());
                        synchronized (this) {
                            keycloak = started;
                        }
                        say("Keycloak starting (pid " + started.pid() + ", log " + display(started.log()) + ") …");
                    })
                    .cancelWhen(() -> closing)
                    .start();
        } catch (KeycloakServer.StartFailure e) {
            synchronized (this) {
                keycloak = null; // stopped by the engine already
            }
            ManagedProcess.deletePidFile(runDirectory(), "keycloak");
            checkNotClosing();
            throw new PartFailedException("Keycloak", e.getMessage(), e);
        }
        say("Keycloak ready on " + server.baseUrl() + " (realm " + LocalSettings.REALM + ") in " + seconds(t0));
    }

    /** Whether Keycloak's database holds the platform's realm (from an earlier start on this data folder). */
    private boolean realmExists() {
        try (java.sql.Connection connection = postgres.connect("keycloak");
             java.sql.PreparedStatement query = connection.prepareStatement("select 1 from realm where name = ?")) {
            query.setString(1, LocalSettings.REALM);
            try (java.sql.ResultSet rows = query.executeQuery()) {
                return rows.next();
            }
        } catch (java.sql.SQLException e) {
            return false; // an empty database (no realm table yet): import
        }
    }

    /**
     * JVM options of every application (the heap is the largest part of its footprint). A fixed 12 MB
     * young generation: ~9 MB less resident memory per application than a third of the growing heap,
     * with no more start CPU (measured in deploy/local/README.md).
     */
    static final List<String> SERVICE_JVM_OPTIONS = List.of("-Xms32m", "-Xmx384m", "-Xmn12m", "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1", "-Xss512k", "-XX:ReservedCodeCacheSize=64m", "-XX:MaxHeapFreeRatio=40",
            "-XX:MinHeapFreeRatio=10", "-Dfile.encoding=UTF-8",
            // Hikari closes idle connections when its housekeeper runs, every 30 s by default: every 5 s
            // here, so the connections a start opened are gone 10-15 s after their last use
            "-Dcom.zaxxer.hikari.housekeeping.periodMs=5000");

    /**
     * {@code java} (null: this JDK's) with the options, {@code -jar jar} and the platform's settings; an
     * application's files (attachments) go to {@code dataFolder}, whatever the working directory.
     */
    private List<String> serviceCommand(LocalSettings.Service service, String java, String jar, List<String> jvmOptions,
            Path dataFolder) {
        List<String> command = new ArrayList<>();
        command.add(java != null ? java : Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(SERVICE_JVM_OPTIONS);
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar,
                "--server.port=" + service.port(),
                "--chanjiao.postgres.host=127.0.0.1",
                "--chanjiao.postgres.port=" + settings.postgresPort(),
                "--chanjiao.postgres.username=postgres",
                "--chanjiao.postgres.password=",
                "--chanjiao.kafka.bootstrap-servers=127.0.0.1:" + settings.kafkaPort(),
                "--chanjiao.keycloak.url=" + settings.keycloakUrl(),
                // demo data for the demo users of the realm (identity-service: their organisations)
                "--chanjiao.demo.enabled=true",
                "--chanjiao.demo.clock-control=true", // a demo platform: deploy/scenario moves its time
                // connections only while needed (the services' default keeps 2 idle; with 1, Hikari opens a second
                // whenever the first is borrowed): every connection is a PostgreSQL process of ~15-20 MB RSS.
                // A service's scheduled work keeps one open; a connection idle for 10 s closes
                "--spring.datasource.hikari.minimum-idle=0",
                "--spring.datasource.hikari.idle-timeout=10000",
                // services that call identity-service find it on its port, not the default 8081
                "--chanjiao.application.identity.url=http://127.0.0.1:" + settings.service("identity-service").port(),
                "--chanjiao.notification.identity.url=http://127.0.0.1:" + settings.service("identity-service").port()));
        if (!service.isGateway()) {
            // Flyway on a data source of its own (unpooled, same database): its two connections close when
            // the migrations are done, instead of leaving the pool a second one that stays ~15 s after the start
            command.addAll(List.of("--spring.flyway.url=${spring.datasource.url}",
                    "--spring.flyway.user=${spring.datasource.username}",
                    "--spring.flyway.password=${spring.datasource.password}"));
        }
        if (service.name().equals("application-service")) {
            // its default is the relative data/application-service/attachments: kept in the data folder, where
            // it always was, also when the application runs in the image's folder (target/cds/image/…)
            command.add("--chanjiao.application.attachments.directory="
                    + dataFolder.resolve("data").resolve("application-service").resolve("attachments").toAbsolutePath());
        }
        if (service.isGateway()) {
            for (LocalSettings.Service target : settings.services()) {
                if (!target.isGateway()) {
                    command.add("--spring.cloud.discovery.client.simple.instances." + target.name()
                            + "[0].uri=http://127.0.0.1:" + target.port());
                }
            }
        }
        return command;
    }

    /**
     * How each application starts, from the class data the Maven build made of its jar as it is now (phase
     * {@code package}, libs/test-kit {@code ClassDataTraining}): a build with profile "images" (Linux, the
     * default of {@code ./mvnw verify}) made the image's files with an archive trained by the image's
     * runtime ({@code target/image-runtime/java}, built from this JDK) — the application then starts from
     * that folder with that runtime, so a module is trained once for both; a build with {@code
     * -DskipImages} (run.sh's) made an archive for this JDK. An application with neither starts from its jar.
     */
    private Map<String, ClassData> currentClassData() {
        Map<String, ClassData> starts = new LinkedHashMap<>();
        if (!CDS_ENABLED) {
            return starts;
        }
        Path imageRuntime = settings.root().resolve("target").resolve("image-runtime").resolve("java");
        List<String> missing = new ArrayList<>();
        for (LocalSettings.Service service : settings.services()) {
            Path jar = service.jar(settings.root());
            Optional<ImageClassData.Folder> image = ImageClassData.current(jar, service.name(), imageRuntime);
            ClassDataArchive cds = new ClassDataArchive(service.name(), jar);
            if (image.isPresent()) {
                ImageClassData.Folder folder = image.get();
                starts.put(service.name(), new ClassData(folder.java().toString(), folder.useOptions(), folder.jarName(),
                        folder.folder()));
            } else if (cds.isCurrent()) {
                starts.put(service.name(), new ClassData(null, cds.useOptions(), cds.extractedJar().toString(), null));
            } else {
                missing.add(service.name());
            }
        }
        if (!missing.isEmpty()) {
            say("no current class-data archive for " + missing + ": they start from their jars (slower);"
                    + " the build makes the archives (./mvnw -q -B -DskipTests package, unless -Dcds.skip)");
        }
        return starts;
    }

    /**
     * An application's start from class data: the {@code java} to run (null: this JDK's), the options that
     * map the archive, the jar as the archive recorded it, and the working directory that path is relative
     * to (null: the application's own folder under the data folder).
     */
    record ClassData(String java, List<String> jvmOptions, String jar, Path workingDirectory) {
    }

    private void startServices() {
        Map<String, ClassData> archives = currentClassData();
        // the longest starts first: the last one to finish then is a short one
        java.util.ArrayDeque<LocalSettings.Service> queued = new java.util.ArrayDeque<>(settings.services().stream()
                .sorted(Comparator.comparingInt((LocalSettings.Service s) -> START_CPU_SECONDS.getOrDefault(s.name(), 0)).reversed()).toList());
        Map<String, LocalSettings.Service> waiting = new LinkedHashMap<>();
        Map<String, Instant> startedAt = new LinkedHashMap<>();
        int concurrency = START_CONCURRENCY <= 0 ? queued.size() : START_CONCURRENCY;
        Instant deadline = Instant.now().plus(settings.readinessTimeout());
        boolean announced = false;
        Map<String, java.util.concurrent.CompletableFuture<Boolean>> answers = new LinkedHashMap<>();
        while (!waiting.isEmpty() || !queued.isEmpty()) {
            checkNotClosing();
            while (!queued.isEmpty() && waiting.size() < concurrency) {
                LocalSettings.Service service = queued.poll();
                startService(service, archives.get(service.name()));
                waiting.put(service.name(), service);
                startedAt.put(service.name(), Instant.now());
            }
            if (!announced) {
                say((queued.isEmpty() ? "started " + settings.services().size() + " applications"
                        : "starting " + settings.services().size() + " applications, " + concurrency + " at a time")
                        + ", waiting for their readiness (logs in " + display(settings.logDirectory()) + ") …");
                announced = true;
            }
            // each application is asked on its own: one waiting for another, a slow first answer (the
            // health endpoint's first call, while the application still starts) delayed the others' by seconds
            for (LocalSettings.Service service : waiting.values()) {
                answers.computeIfAbsent(service.name(), name -> isReadyAsync(service));
            }
            for (var iterator = waiting.values().iterator(); iterator.hasNext(); ) {
                LocalSettings.Service service = iterator.next();
                ManagedProcess process = services.get(service.name());
                if (!process.isAlive()) {
                    throw new PartFailedException(service.name(), "the process exited with code " + process.exitCode().orElse(-1)
                            + "; last lines of " + process.log() + ":\n" + process.tail(30));
                }
                java.util.concurrent.CompletableFuture<Boolean> answer = answers.get(service.name());
                if (!answer.isDone()) {
                    continue;
                }
                answers.remove(service.name());
                if (answer.join()) {
                    iterator.remove();
                    say(String.format(Locale.ROOT, "%s ready on http://127.0.0.1:%d after %s (%.1f CPU-s)", service.name(),
                            service.port(), seconds(startedAt.get(service.name())), Footprint.cpuSeconds(process.pid())));
                }
            }
            if (waiting.isEmpty() && queued.isEmpty()) {
                break;
            }
            if (Instant.now().isAfter(deadline) && !waiting.isEmpty()) {
                LocalSettings.Service first = waiting.values().iterator().next();
                ManagedProcess process = services.get(first.name());
                throw new PartFailedException(String.join(", ", waiting.keySet()), "not ready after "
                        + settings.readinessTimeout().toSeconds() + " s (" + readinessUrl(first) + " "
                        + describeReadiness(first) + "); last lines of " + process.log() + ":\n" + process.tail(30));
            }
            if (!waiting.isEmpty()) {
                sleep(READINESS_POLL);
            }
        }
    }

    private void startService(LocalSettings.Service service, ClassData cds) {
        Path dataFolder = settings.dataDirectory().resolve("services").resolve(service.name());
        List<String> command = cds == null ? serviceCommand(service, null, service.jar(settings.root()).toString(), List.of(), dataFolder)
                : serviceCommand(service, cds.java(), cds.jar(), cds.jvmOptions(), dataFolder);
        Path workingDirectory = cds == null || cds.workingDirectory() == null ? dataFolder : cds.workingDirectory();
        try {
            Files.createDirectories(dataFolder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ManagedProcess process = ManagedProcess.start(service.name(), command, workingDirectory, Map.of(),
                settings.logDirectory(), runDirectory());
        synchronized (this) {
            services.put(service.name(), process);
        }
    }

    private java.util.concurrent.CompletableFuture<Boolean> isReadyAsync(LocalSettings.Service service) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(readinessUrl(service))).timeout(Duration.ofSeconds(3)).GET().build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                .thenApply(r -> r.statusCode() == 200 && r.body().contains("\"UP\""))
                .exceptionally(e -> false);
    }

    private String describeReadiness(LocalSettings.Service service) {
        return get(readinessUrl(service)).map(r -> "answers " + r.statusCode() + " " + abbreviate(r.body()))
                .orElse("does not answer");
    }

    private static String readinessUrl(LocalSettings.Service service) {
        return "http://127.0.0.1:" + service.port() + "/actuator/health/readiness";
    }

    private Optional<HttpResponse<String>> get(String url) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(3)).GET().build();
            return Optional.of(http.send(request, HttpResponse.BodyHandlers.ofString()));
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PartFailedException("launcher", "interrupted");
        }
    }

    private void checkNotClosing() {
        if (closing) {
            throw new PartFailedException("launcher", "stopping on request");
        }
    }

    // --- running ----------------------------------------------------------------------------------

    /**
     * The footprint once the start's extra database connections have closed (idle-timeout 10 s,
     * checked every 30 s): the running platform's memory, as against the one printed when ready.
     */
    private void printSettledFootprint() {
        Footprint now = footprint();
        Footprint.Usage total = now.total();
        Footprint.Usage postgres = now.parts().getOrDefault("PostgreSQL", Footprint.Usage.NONE);
        out.printf(Locale.ROOT, " Memory after %d s running: %d MB RSS, %d MB PSS in all (PostgreSQL %d MB RSS in %d processes)%n",
                SETTLED_AFTER.toSeconds(), total.rssBytes() >> 20, total.pssBytes() >> 20, postgres.rssBytes() >> 20,
                postgres.processes());
        out.flush();
    }

    private void printReady() {
        String kc = settings.keycloakUrl();
        StringBuilder b = new StringBuilder();
        b.append('\n');
        b.append("================================================================================\n");
        b.append(" Chanjiao platform ready in ").append(timeToReady.toSeconds()).append(" s")
                .append(settings.startServices() ? "" : " (engines and Keycloak only)")
                .append(sinceRunScript().map(d -> " — " + d.toSeconds() + " s since run.sh was called").orElse(""))
                .append('\n');
        if (footprintAtReady != null && Footprint.supported()) {
            b.append(" Memory and CPU when ready (load average ").append(Footprint.loadAverage()).append("):\n");
            b.append(footprintAtReady.table("   "));
        }
        b.append("================================================================================\n");
        if (settings.startServices()) {
            b.append(" Gateway (API)   ").append(settings.gatewayUrl()).append("/api/v1/…\n");
            b.append(" Swagger UI      ").append(settings.gatewayUrl()).append("/swagger-ui.html\n");
        }
        b.append(" Keycloak        ").append(kc).append("  admin console ").append(kc).append("/admin  (admin / admin)\n");
        b.append(" Realm issuer    ").append(kc).append("/realms/").append(LocalSettings.REALM).append('\n');
        b.append(" PostgreSQL      127.0.0.1:").append(settings.postgresPort())
                .append("  user postgres, no password, databases ").append(String.join(", ", LocalSettings.DATABASES)).append('\n');
        b.append(" Kafka           127.0.0.1:").append(settings.kafkaPort()).append('\n');
        if (settings.startServices()) {
            b.append(" Services        ");
            settings.services().stream().filter(s -> !s.isGateway())
                    .forEach(s -> b.append(s.name().replace("-service", "")).append(' ').append(s.port()).append("  "));
            b.append('\n');
        }
        b.append(" Data / logs     ").append(display(settings.dataDirectory())).append("  /  ")
                .append(display(settings.logDirectory())).append('\n');
        b.append('\n');
        b.append(" Demo logins (realm ").append(LocalSettings.REALM).append(", password ").append(DEMO_PASSWORD)
                .append(" — demo only, never in production):\n");
        for (String[] user : DEMO_USERS) {
            b.append(String.format(Locale.ROOT, "   %-26s %-16s %s%n", user[0], user[1], user[2]));
        }
        b.append(" Demo clients (client credentials, demo secrets):\n");
        for (String[] client : DEMO_CLIENTS) {
            b.append(String.format(Locale.ROOT, "   %-26s %-36s %s%n", client[0], client[1], client[2]));
        }
        b.append('\n');
        b.append(" A token:  curl -s -d grant_type=password -d client_id=chanjiao-web -d username=applicant -d password=")
                .append(DEMO_PASSWORD).append(' ').append(kc).append("/realms/").append(LocalSettings.REALM)
                .append("/protocol/openid-connect/token\n");
        b.append('\n');
        b.append(" Press Ctrl-C to stop everything (data stays in ").append(display(settings.dataDirectory())).append(").\n");
        out.print(b);
        out.flush();
    }

    /** Blocks until the JVM exits, reporting a child that dies on its own. */
    private void watchUntilStopped() {
        Map<String, Boolean> reported = new LinkedHashMap<>();
        Instant settled = Instant.now().plus(SETTLED_AFTER);
        boolean settledPrinted = !Footprint.supported() || !settings.startServices();
        while (!closing) {
            sleep(Duration.ofSeconds(3));
            if (!settledPrinted && !closing && Instant.now().isAfter(settled)) {
                settledPrinted = true;
                printSettledFootprint();
            }
            for (ManagedProcess process : new ArrayList<>(services.values())) {
                if (!closing && !process.isAlive() && reported.putIfAbsent(process.name(), true) == null) {
                    System.err.println("WARNING: " + process.name() + " exited with code " + process.exitCode().orElse(-1)
                            + "; last lines of " + process.log() + ":\n" + process.tail(20));
                }
            }
            KeycloakServer kc = keycloak;
            if (!closing && kc != null && !kc.isAlive() && reported.putIfAbsent("keycloak", true) == null) {
                System.err.println("WARNING: keycloak exited with code " + kc.exitCode().orElse(-1)
                        + "; last lines of " + kc.log() + ":\n" + kc.tail(20));
            }
        }
    }

    // --- stopping ---------------------------------------------------------------------------------

    /** Stops every process it started, then Kafka, then PostgreSQL. Safe to call more than once. */
    @Override
    public void close() {
        closing = true;
        try {
            // a start in progress notices the flag within a poll interval and gives up
            startFinished.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<ManagedProcess> children;
        synchronized (this) {
            if (closed) {
                children = null;
            } else {
                closed = true;
                children = new ArrayList<>(services.values());
            }
        }
        if (children == null) {
            // another thread is stopping: return when it is done
            awaitQuietly(stopped, Duration.ofMinutes(3));
            return;
        }
        try {
            stopAll(children);
        } finally {
            stopped.countDown();
        }
    }

    private void stopAll(List<ManagedProcess> children) {
        if (!children.isEmpty() || keycloak != null || kafka != null || postgres != null) {
            say("stopping …");
        }
        if (!children.isEmpty()) {
            List<ProcessHandle> trees = new ArrayList<>();
            children.forEach(c -> trees.addAll(c.requestStop()));
            ManagedProcess.awaitStopped(trees, STOP_GRACE);
            children.forEach(ManagedProcess::deletePidFile);
            say("applications stopped");
        }
        if (keycloak != null) {
            keycloak.stop(STOP_GRACE);
            ManagedProcess.deletePidFile(runDirectory(), "keycloak");
            say("Keycloak stopped");
        }
        if (kafka != null) {
            try {
                kafka.stop();
                say("Kafka stopped");
            } catch (RuntimeException e) {
                say("Kafka did not stop cleanly: " + e);
            }
        }
        if (postgres != null) {
            try {
                postgres.stop();
                say("PostgreSQL stopped");
            } catch (RuntimeException e) {
                say("PostgreSQL did not stop cleanly: " + e);
            }
        }
        if (ownsDataDirectory) {
            try {
                Files.deleteIfExists(runDirectory().resolve("launcher.owner"));
            } catch (IOException ignored) {
                // the next launcher finds the pid dead
            }
        }
    }

    /**
     * RSS and CPU seconds of every part: this JVM (the launcher with Kafka), PostgreSQL (its
     * postmaster and backends), Keycloak and each application.
     */
    synchronized Footprint footprint() {
        Footprint footprint = new Footprint();
        footprint.parts().put("launcher with Kafka", footprintOf(ProcessHandle.current()));
        postmasterPid().flatMap(ProcessHandle::of)
                .ifPresent(pg -> footprint.add("PostgreSQL", java.util.stream.Stream.of(pg)));
        if (keycloak != null) {
            footprint.add("Keycloak", ProcessHandle.of(keycloak.pid()).stream());
        }
        services.forEach((name, process) -> footprint.add(name, ProcessHandle.of(process.pid()).stream()));
        return footprint;
    }

    /** The launcher alone: its children are parts of their own. */
    private static Footprint.Usage footprintOf(ProcessHandle handle) {
        Footprint single = new Footprint();
        single.add("self", java.util.stream.Stream.of(handle));
        Footprint.Usage withChildren = single.total();
        Footprint children = new Footprint();
        handle.children().forEach(child -> children.add("child", java.util.stream.Stream.of(child)));
        Footprint.Usage others = children.total();
        return withChildren.minus(others);
    }

    private Optional<Long> postmasterPid() {
        try {
            Path pidFile = settings.dataDirectory().resolve("postgres/postmaster.pid");
            return Optional.of(Long.parseLong(Files.readAllLines(pidFile).get(0).trim()));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** A launcher setting that is not part of {@link LocalSettings}: property or environment variable. */
    private static String setting(String key, String fallback) {
        String property = System.getProperty("chanjiao.local." + key);
        if (property != null && !property.isBlank()) {
            return property.trim();
        }
        String env = System.getenv("CHANJIAO_LOCAL_" + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_'));
        return env == null || env.isBlank() ? fallback : env.trim();
    }

    // --- accessors for tests ----------------------------------------------------------------------

    /** Keycloak's command line ({@code bash …/kc.sh start --optimized …}); empty when it does not run. */
    synchronized List<String> keycloakCommand() {
        return keycloak == null ? List.of() : keycloak.command();
    }

    /** The command line an application runs with, as the operating system reports it. */
    synchronized String serviceCommandLine(String name) {
        ManagedProcess process = services.get(name);
        return process == null ? "" : ProcessHandle.of(process.pid()).flatMap(h -> h.info().commandLine()).orElse("");
    }

    /** RSS and CPU seconds of each part when the platform became ready. */
    Optional<Footprint> footprintAtReady() {
        return Optional.ofNullable(footprintAtReady);
    }

    synchronized boolean startedAnything() {
        return postgres != null || kafka != null || keycloak != null || !services.isEmpty();
    }

    public LocalSettings settings() {
        return settings;
    }

    public String gatewayUrl() {
        return settings.gatewayUrl();
    }

    public String keycloakUrl() {
        return settings.keycloakUrl();
    }

    public Duration timeToReady() {
        return timeToReady;
    }

    /** Process ids of everything this launcher started (process trees included). */
    public synchronized List<Long> childPids() {
        List<Long> pids = new ArrayList<>();
        services.values().forEach(p -> p.tree().forEach(h -> pids.add(h.pid())));
        if (keycloak != null) {
            keycloak.tree().forEach(h -> pids.add(h.pid()));
        }
        return pids;
    }

    // --- helpers ----------------------------------------------------------------------------------

    /** run.sh passes the time it was called, so the wall time includes a build. */
    private static Optional<Duration> sinceRunScript() {
        String startedAt = System.getenv("CHANJIAO_LOCAL_STARTED_AT");
        if (startedAt == null || startedAt.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Duration.between(Instant.ofEpochMilli(Long.parseLong(startedAt.trim())), Instant.now()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private Path runDirectory() {
        return settings.dataDirectory().resolve("run");
    }

    private void say(String message) {
        out.printf(Locale.ROOT, "[%6.1f s] %s%n", Duration.between(began, Instant.now()).toMillis() / 1000.0, message);
        out.flush();
    }

    private String display(Path path) {
        Path cwd = Path.of("").toAbsolutePath();
        return path.startsWith(cwd) ? cwd.relativize(path).toString() : path.toString();
    }

    private static String seconds(Instant since) {
        return String.format(Locale.ROOT, "%.1f s", Duration.between(since, Instant.now()).toMillis() / 1000.0);
    }

    private static String abbreviate(String body) {
        String oneLine = body.replaceAll("\\s+", " ");
        return oneLine.length() > 200 ? oneLine.substring(0, 200) + "…" : oneLine;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == e ? String.valueOf(e.getMessage()) : e.getMessage() + " (" + root + ")";
    }

    private static void awaitQuietly(CountDownLatch latch, Duration timeout) {
        try {
            latch.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PartFailedException("launcher", "interrupted");
        }
    }

    private static void printHelp(PrintStream out) {
        out.println("""
                Runs the Chanjiao platform on embedded defaults: PostgreSQL, Kafka, Keycloak and the six applications.

                  deploy/local/run.sh [--engines-only] [--reset]

                  --engines-only   PostgreSQL, Kafka and Keycloak only (run the applications from your IDE)
                  --reset          delete the data folder first: empty databases, realm imported anew

                Settings (system property -Dchanjiao.local.<key>=… or environment CHANJIAO_LOCAL_<KEY>=…):
                  data                  data folder               default <repo>/.local-data
                  postgres.port         PostgreSQL                default 15432
                  kafka.port            Kafka                     default 19092
                  kafka.controller-port Kafka KRaft controller    default 19093
                  keycloak.port         Keycloak                  default 18080
                  gateway.port          gateway                   default 8080
                  identity.port … notification.port               default 8081 … 8085
                  readiness-timeout     seconds per application   default 180
                  services              false = --engines-only    default true
                -Dchanjiao.root=<repo> when not started from inside the repository.
                """);
    }
}
