package cn.chanjiao.testkit.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real Keycloak (the Quarkus distribution from Maven Central, {@code org.keycloak:keycloak-quarkus-dist})
 * run as a child process with {@code kc.sh start --optimized} on a PostgreSQL database, the platform's realm
 * ({@code deploy/keycloak/realm.json}) imported on its first start. The build of {@code libs/test-kit}
 * unpacks the distribution into {@code <repository>/.dist/keycloak-<version>} (git-ignored).
 *
 * <p>One implementation for every use: {@link TestEngines#keycloak()} starts one per test JVM on a
 * database of the tests' PostgreSQL, and {@code deploy/local}'s launcher starts the platform's on its
 * kept data. The very first start after unpacking also runs Keycloak's build step ({@code kc.sh build}
 * with {@link #buildOptions()}, ~30 s more), under a file lock and recorded in the distribution, so it
 * runs once per checkout; every start after it is {@code start --optimized} (no re-augmentation).
 */
public final class KeycloakServer {

    /** The realm every way of running the platform imports. */
    public static final String REALM = "chanjiao";
    /** The bootstrap administrator of the {@code master} realm (demo value, set on the first start of a database). */
    public static final String ADMIN_USERNAME = "admin";
    public static final String ADMIN_PASSWORD = "admin";

    private static final Duration POLL = Duration.ofMillis(500);

    /**
     * Keycloak's build-time options, the same for every user of a distribution: {@code kc.sh build}
     * runs once with them ({@link Builder#ensureOptimized}) and every start is {@code start --optimized}.
     */
    static final List<String> BUILD_OPTIONS = List.of("--db=postgres", "--health-enabled=false", "--metrics-enabled=false");

    /**
     * The JVM options {@code kc.sh} gets unless the environment sets {@code JAVA_OPTS}: kc.sh's own
     * defaults with Serial GC instead of G1 (fewer threads, a smaller footprint for one user), C1 only
     * (a first start on an empty database is ~30 % faster on two cores), a 384 MB heap at most
     * (a realm with a few users and clients uses ~150 MB after start) and a fixed 16 MB young
     * generation (the default third of the heap kept ~23 MB more resident for no faster start).
     */
    static final String JAVA_OPTS = "-XX:MetaspaceSize=96M -XX:MaxMetaspaceSize=256m -Dfile.encoding=UTF-8"
            + " -Dsun.stdout.encoding=UTF-8 -Dsun.err.encoding=UTF-8 -Dstdout.encoding=UTF-8 -Dstderr.encoding=UTF-8"
            + " -XX:+ExitOnOutOfMemoryError -Djava.security.egd=file:/dev/urandom -Djdk.tls.rejectClientInitiatedRenegotiation=true"
            + " -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xms48m -Xmx384m -Xmn16m -Xss512k -XX:ReservedCodeCacheSize=64m";

    /** Where {@link #ensureOptimized} records the options the distribution was built with. */
    private static final String BUILD_STAMP = "lib/quarkus/chanjiao-build-options.txt";

    private final Process process;
    private final int port;
    private final Path home;
    private final Path log;
    private final List<String> command;
    /** The class-data archive this start writes when its JVM exits (training), or null. */
    private final Path trainingArchive;
    /** {@code JAVA_OPTS} of its JVM. */
    private final String javaOptions;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private KeycloakServer(Process process, int port, Path home, Path log, List<String> command, Path trainingArchive,
            String javaOptions) {
        this.process = process;
        this.port = port;
        this.home = home;
        this.log = log;
        this.command = command;
        this.trainingArchive = trainingArchive;
        this.javaOptions = javaOptions;
    }

    /** Settings for a start; {@link Builder#start()} returns once the realm answers. */
    public static Builder builder() {
        return new Builder();
    }

    /** The distribution version this test kit was built with. */
    public static String version() {
        Properties properties = new Properties();
        try (InputStream in = KeycloakServer.class.getResourceAsStream("keycloak.properties")) {
            if (in == null) {
                throw new IllegalStateException("keycloak.properties is missing from the test kit");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String version = properties.getProperty("version", "");
        if (version.isBlank() || version.startsWith("@")) {
            throw new IllegalStateException("keycloak.properties was not filtered by the build: " + version);
        }
        return version;
    }

    /**
     * The repository root: {@code -Dchanjiao.root}, else the nearest folder above the working
     * directory that holds {@code deploy/keycloak/realm.json}.
     */
    public static Path repositoryRoot() {
        String configured = System.getProperty("chanjiao.root");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("deploy/keycloak/realm.json"))) {
                return dir;
            }
        }
        throw new IllegalStateException("cannot find the repository root above " + Path.of("").toAbsolutePath()
                + " (no deploy/keycloak/realm.json); set -Dchanjiao.root=<repository>");
    }

    /** Where the build unpacked the distribution: {@code <root>/.dist/keycloak-<version>}. */
    public static Path distribution(Path root) {
        return root.resolve(".dist").resolve("keycloak-" + version());
    }

    /** The platform's realm file, {@code <root>/deploy/keycloak/realm.json}. */
    public static Path realmFile(Path root) {
        return root.resolve("deploy/keycloak/realm.json");
    }

    /** The options {@code kc.sh build} runs with ({@code --db=postgres --cache=local …}). */
    public static List<String> buildOptions() {
        return BUILD_OPTIONS;
    }

    /**
     * Builds the optimized server of a distribution unless it was built with {@link #buildOptions()}
     * already ({@code kc.sh build}, ~25–40 s on two cores, once per distribution; the other users of
     * the distribution wait for it). {@link Builder#start()} does it too; a launcher calls it early to
     * build while its database starts. Returns whether it built now.
     */
    public static boolean buildOptimized(Path home, Duration timeout) {
        return Builder.ensureOptimized(home.toAbsolutePath(), timeout);
    }

    // --- a running server ------------------------------------------------------------------------

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    /** The issuer of the platform realm's tokens. */
    public String issuerUri() {
        return baseUrl() + "/realms/" + REALM;
    }

    public String jwkSetUri() {
        return issuerUri() + "/protocol/openid-connect/certs";
    }

    public String tokenUri() {
        return issuerUri() + "/protocol/openid-connect/token";
    }

    public Path home() {
        return home;
    }

    public Path log() {
        return log;
    }

    public long pid() {
        return process.pid();
    }

    /** The command line it was started with ({@code bash …/bin/kc.sh start --optimized …}). */
    public List<String> command() {
        return command;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public Optional<Integer> exitCode() {
        return process.isAlive() ? Optional.empty() : Optional.of(process.exitValue());
    }

    /**
     * The process and every descendant: {@code kc.sh} execs into Keycloak's java on a first start,
     * and runs it as its child on later ones.
     */
    public List<ProcessHandle> tree() {
        List<ProcessHandle> tree = new ArrayList<>();
        process.descendants().forEach(tree::add);
        tree.add(process.toHandle());
        return tree;
    }

    /** The last {@code lines} lines of its log. */
    public String tail(int lines) {
        return tail(log, lines);
    }

    /** A password-grant access token of the {@code master} realm's bootstrap administrator. */
    public String adminToken() {
        return token(baseUrl() + "/realms/master/protocol/openid-connect/token", Map.of("grant_type", "password",
                "client_id", "admin-cli", "username", ADMIN_USERNAME, "password", ADMIN_PASSWORD));
    }

    /** An access token of the platform realm for a user (client {@code chanjiao-web}, password grant). */
    public String userToken(String username, String password) {
        return token(tokenUri(), Map.of("grant_type", "password", "client_id", "chanjiao-web",
                "username", username, "password", password));
    }

    /** An access token of the platform realm for a confidential client (client credentials). */
    public String clientToken(String clientId, String secret) {
        return token(tokenUri(), Map.of("grant_type", "client_credentials", "client_id", clientId,
                "client_secret", secret));
    }

    private String token(String uri, Map<String, String> form) {
        StringBuilder body = new StringBuilder();
        form.forEach((key, value) -> body.append(body.isEmpty() ? "" : "&")
                .append(URLEncoder.encode(key, StandardCharsets.UTF_8)).append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        HttpRequest request = HttpRequest.newBuilder(URI.create(uri)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            Matcher token = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"").matcher(response.body());
            if (response.statusCode() != 200 || !token.find()) {
                throw new IllegalStateException("no token from " + uri + ": " + response.statusCode() + " " + response.body());
            }
            return token.group(1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Stops the process tree: SIGTERM, then SIGKILL for whatever still runs after {@code grace}. */
    public void stop(Duration grace) {
        List<ProcessHandle> tree = tree();
        tree.forEach(ProcessHandle::destroy);
        // a training JVM writes its class-data archive after Keycloak has stopped (~10 s on two quiet cores)
        awaitStopped(tree, trainingArchive == null ? grace : grace.plus(ClassData.DUMP_GRACE));
        if (trainingArchive != null) {
            ClassData.completeTraining(home, trainingArchive);
        }
    }

    /** The class-data archive of the distribution's JVM, when one was made (see {@link ClassData}). */
    public static Optional<Path> classDataArchive(Path home) {
        return ClassData.isCurrent(home.toAbsolutePath()) ? Optional.of(ClassData.archive(home.toAbsolutePath())) : Optional.empty();
    }

    /** Whether this start maps a class-data archive ({@code -XX:SharedArchiveFile}). */
    public boolean usesClassDataArchive() {
        return javaOptions.contains("-XX:SharedArchiveFile=");
    }

    public void stop() {
        stop(Duration.ofSeconds(30));
    }

    /** Waits for each process of a tree until {@code grace} is over, then kills what is left. */
    public static void awaitStopped(List<ProcessHandle> tree, Duration grace) {
        Instant deadline = Instant.now().plus(grace);
        for (ProcessHandle handle : tree) {
            Duration left = Duration.between(Instant.now(), deadline);
            try {
                if (!left.isNegative()) {
                    handle.onExit().get(left.toMillis(), TimeUnit.MILLISECONDS);
                }
            } catch (TimeoutException | ExecutionException e) {
                // killed below, or gone
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        for (ProcessHandle handle : tree) {
            if (handle.isAlive()) {
                handle.descendants().forEach(ProcessHandle::destroyForcibly);
                handle.destroyForcibly();
            }
        }
    }

    /** The last {@code lines} lines of a log file, each indented for a failure message. */
    public static String tail(Path file, int lines) {
        if (!Files.exists(file)) {
            return "(no log at " + file + ")";
        }
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            long length = raf.length();
            long start = Math.max(0, length - 64 * 1024);
            byte[] bytes = new byte[(int) (length - start)];
            raf.seek(start);
            raf.readFully(bytes);
            String text = new String(bytes, StandardCharsets.UTF_8);
            if (text.isBlank()) {
                return "    | (nothing logged yet)\n";
            }
            String[] all = text.strip().split("\r?\n");
            StringBuilder out = new StringBuilder();
            for (int i = Math.max(0, all.length - lines); i < all.length; i++) {
                out.append("    | ").append(all[i]).append('\n');
            }
            return out.toString();
        } catch (IOException e) {
            return "(cannot read " + file + ": " + e.getMessage() + ")";
        }
    }

    @Override
    public String toString() {
        return "Keycloak " + baseUrl() + " (pid " + pid() + ", log " + log + ")";
    }

    /** Keycloak did not start; the message says why and ends with the last lines of its log. */
    public static final class StartFailure extends RuntimeException {

        StartFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** What to start. Only the database is required. */
    public static final class Builder {

        private Path home;
        private int port;
        private String jdbcUrl;
        private String databaseUsername;
        private String databasePassword;
        private Path realmFile;
        private boolean importRealm = true;
        private Path log;
        private Duration startTimeout = Duration.ofMinutes(6);
        private final Map<String, String> environment = new LinkedHashMap<>();
        private Consumer<KeycloakServer> onProcessStarted = server -> { };
        private BooleanSupplier cancelled = () -> false;

        private Builder() {
        }

        /** The unpacked distribution; default {@link #distribution(Path)} of {@link #repositoryRoot()}. */
        public Builder home(Path value) {
            home = value;
            return this;
        }

        /** The HTTP port on 127.0.0.1; 0 (the default) for a free one. */
        public Builder port(int value) {
            port = value;
            return this;
        }

        /** Keycloak's own PostgreSQL database (it must exist). */
        public Builder database(String url, String username, String password) {
            jdbcUrl = url;
            databaseUsername = username;
            databasePassword = password;
            return this;
        }

        /** The realm file imported when the realm does not exist yet; default {@link #realmFile(Path)}. */
        /**
         * {@code false} when the database holds the realm already (a restart on kept data): no
         * {@code --import-realm}, so Keycloak does not read and compare the realm file (~1 s of its start).
         */
        public Builder importRealm(boolean value) {
            importRealm = value;
            return this;
        }

        public Builder realm(Path value) {
            realmFile = value;
            return this;
        }

        /** Where stdout and stderr go (appended); default {@code java.io.tmpdir/keycloak-<port>.log}. */
        public Builder log(Path value) {
            log = value;
            return this;
        }

        /** How long the first answer of the realm may take; default 6 minutes (a first start on an empty database takes 4 minutes when two cores are shared with several builds). */
        public Builder startTimeout(Duration value) {
            startTimeout = value;
            return this;
        }

        /** An environment variable for {@code kc.sh}, e.g. {@code JAVA_OPTS_APPEND}. */
        public Builder environment(String name, String value) {
            environment.put(name, value);
            return this;
        }

        /** Called right after the process started, before it is ready (e.g. to record its pid). */
        public Builder onProcessStarted(Consumer<KeycloakServer> value) {
            onProcessStarted = value;
            return this;
        }

        /** Asked while waiting; {@code true} stops the process and fails the start. */
        public Builder cancelWhen(BooleanSupplier value) {
            cancelled = value;
            return this;
        }

        /** Starts Keycloak and returns once the realm's discovery document answers 200. */
        public KeycloakServer start() {
            Objects.requireNonNull(jdbcUrl, "database(url, username, password)");
            Path root = home == null || realmFile == null ? repositoryRoot() : null;
            Path kcHome = (home != null ? home : distribution(root)).toAbsolutePath();
            Path realm = realmFile != null ? realmFile : realmFile(root);
            int httpPort = port > 0 ? port : KraftBroker.freePort();
            Path logFile = log != null ? log
                    : Path.of(System.getProperty("java.io.tmpdir")).resolve("keycloak-" + httpPort + ".log");
            if (!Files.isRegularFile(kcHome.resolve("bin/kc.sh"))) {
                throw new StartFailure("the distribution is missing at " + kcHome
                        + " — build libs/test-kit once (./mvnw -q -B -pl libs/test-kit -am -DskipTests install), it unpacks Keycloak there", null);
            }
            if (!Files.isRegularFile(realm)) {
                throw new StartFailure("the realm file is missing: " + realm, null);
            }
            copyRealm(kcHome, realm);

            ensureOptimized(kcHome, startTimeout);

            List<String> command = new ArrayList<>(List.of("bash", kcHome.resolve("bin/kc.sh").toString(), "start", "--optimized",
                    "--http-enabled=true",
                    // one node: a local cache, no cluster discovery (JGroups) at start
                    "--cache=local",
                    "--http-host=127.0.0.1",
                    "--http-port=" + httpPort,
                    "--hostname=http://127.0.0.1:" + httpPort,
                    "--db=postgres",
                    "--db-url=" + jdbcUrl,
                    "--db-username=" + databaseUsername,
                    // an empty password is refused; an embedded cluster trusts local connections anyway
                    "--db-password=" + (databasePassword == null || databasePassword.isEmpty() ? "postgres" : databasePassword)));
            if (importRealm) {
                command.add("--import-realm");
            }
            Map<String, String> env = new LinkedHashMap<>();
            env.put("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN_USERNAME);
            env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
            env.put("JAVA_HOME", System.getProperty("java.home"));
            Path training = null;
            if (System.getenv("JAVA_OPTS") == null) {
                String javaOptions = JAVA_OPTS;
                if (ClassData.enabled()) {
                    if (ClassData.isCurrent(kcHome)) {
                        javaOptions += " -XX:SharedArchiveFile=" + ClassData.archive(kcHome) + " -Xshare:auto";
                    } else {
                        training = ClassData.trainingArchive(kcHome);
                        // -Xlog: the dump lists thousands of classes it skips (not linked, old class files)
                        javaOptions += " -XX:ArchiveClassesAtExit=" + training + " -Xlog:cds*=error";
                    }
                }
                env.put("JAVA_OPTS", javaOptions);
            }
            env.putAll(environment);

            Process process;
            try {
                Files.createDirectories(logFile.toAbsolutePath().getParent());
                ProcessBuilder builder = new ProcessBuilder(command).directory(kcHome.toFile())
                        .redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                        .redirectInput(ProcessBuilder.Redirect.PIPE);
                builder.environment().putAll(env);
                process = builder.start();
                process.getOutputStream().close(); // no input: a closed stdin, not the terminal's
            } catch (IOException e) {
                throw new StartFailure("cannot start " + command.get(1) + ": " + e.getMessage(), e);
            }
            KeycloakServer server = new KeycloakServer(process, httpPort, kcHome, logFile, List.copyOf(command), training,
                    env.getOrDefault("JAVA_OPTS", ""));
            try {
                onProcessStarted.accept(server);
                server.awaitReady(startTimeout, cancelled);
                return server;
            } catch (RuntimeException | Error e) {
                server.stop(Duration.ofSeconds(10));
                throw e;
            }
        }

        /**
         * Runs Keycloak's build step ({@code kc.sh build} with {@link #BUILD_OPTIONS}) unless the
         * distribution was built with them already, so that every start is {@code start --optimized}
         * (no re-augmentation, ~30 s less on two cores). Once per distribution: the test JVMs and
         * launchers of a checkout share it, so the first one builds under a file lock, the others wait.
         */
        static boolean ensureOptimized(Path kcHome, Duration timeout) {
            Path stamp = kcHome.resolve(BUILD_STAMP);
            String expected = String.join(" ", BUILD_OPTIONS) + "\n";
            if (isBuilt(stamp, expected)) {
                return false;
            }
            Path lockFile = kcHome.resolve("data/.chanjiao-build.lock");
            try {
                Files.createDirectories(lockFile.getParent());
                try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                     FileLock ignored = channel.lock()) {
                    if (isBuilt(stamp, expected)) {
                        return false; // another JVM built it while this one waited
                    }
                    Path buildLog = kcHome.resolve("data/build.log");
                    List<String> command = new ArrayList<>(List.of("bash", kcHome.resolve("bin/kc.sh").toString(), "build"));
                    command.addAll(BUILD_OPTIONS);
                    ProcessBuilder builder = new ProcessBuilder(command).directory(kcHome.toFile())
                            .redirectErrorStream(true)
                            .redirectOutput(ProcessBuilder.Redirect.to(buildLog.toFile()))
                            .redirectInput(ProcessBuilder.Redirect.PIPE);
                    builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
                    if (System.getenv("JAVA_OPTS") == null) {
                        builder.environment().put("JAVA_OPTS", JAVA_OPTS);
                    }
                    Process build = builder.start();
                    build.getOutputStream().close();
                    if (!build.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                        build.descendants().forEach(ProcessHandle::destroyForcibly);
                        build.destroyForcibly();
                        throw new StartFailure("kc.sh build did not finish in " + timeout.toSeconds() + " s; last lines of "
                                + buildLog + ":\n" + tail(buildLog, 25), null);
                    }
                    if (build.exitValue() != 0) {
                        throw new StartFailure("kc.sh build " + String.join(" ", BUILD_OPTIONS) + " failed with code "
                                + build.exitValue() + "; last lines of " + buildLog + ":\n" + tail(buildLog, 25), null);
                    }
                    Files.writeString(stamp, expected);
                    return true;
                }
            } catch (IOException e) {
                throw new StartFailure("cannot build Keycloak in " + kcHome + ": " + e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StartFailure("interrupted while building Keycloak", e);
            }
        }

        private static boolean isBuilt(Path stamp, String expected) {
            try {
                return Files.isRegularFile(stamp) && Files.readString(stamp).equals(expected);
            } catch (IOException e) {
                return false;
            }
        }

        /** Into {@code data/import}, atomically: another start of the same distribution may be reading it. */
        private static void copyRealm(Path kcHome, Path realm) {
            try {
                Path importDirectory = Files.createDirectories(kcHome.resolve("data/import"));
                Path target = importDirectory.resolve(REALM + "-realm.json");
                if (Files.exists(target) && Files.mismatch(target, realm) == -1) {
                    return;
                }
                Path temporary = Files.createTempFile(importDirectory, ".realm-", ".tmp");
                Files.copy(realm, temporary, StandardCopyOption.REPLACE_EXISTING);
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                throw new StartFailure("cannot copy the realm into " + kcHome.resolve("data/import") + ": " + e.getMessage(), e);
            }
        }
    }

    /**
     * Class-data sharing for Keycloak's JVM, like the applications' archives: the first start of a
     * distribution (after its build step) runs with {@code -XX:ArchiveClassesAtExit} and writes the
     * archive when it is stopped (the classes of the start and of what it served: the realm's token,
     * login and admin endpoints); every later start maps it with {@code -XX:SharedArchiveFile}.
     * Kept in {@code <distribution>/data/chanjiao-cds/}, with a stamp naming the build options, the
     * JDK and the build's output, so a rebuilt server or another JDK trains again. Test JVMs and
     * launchers share the distribution: each training writes its own file and the first one done wins.
     * {@code -Dchanjiao.keycloak.cds=false} (or {@code CHANJIAO_KEYCLOAK_CDS=false}) turns it off.
     */
    static final class ClassData {

        /** How much longer a stop waits for a training JVM: the dump of ~25,000 classes. */
        static final Duration DUMP_GRACE = Duration.ofMinutes(2);

        private ClassData() {
        }

        static boolean enabled() {
            String value = System.getProperty("chanjiao.keycloak.cds", System.getenv("CHANJIAO_KEYCLOAK_CDS"));
            return value == null || value.isBlank() || Boolean.parseBoolean(value.trim());
        }

        static Path archive(Path kcHome) {
            return kcHome.resolve("data/chanjiao-cds/keycloak.jsa");
        }

        private static Path stampFile(Path kcHome) {
            return kcHome.resolve("data/chanjiao-cds/keycloak.stamp");
        }

        /** What the archive belongs to: the JDK, the build options and the time of the build's output. */
        private static String stamp(Path kcHome) throws IOException {
            Path built = kcHome.resolve(BUILD_STAMP);
            return System.getProperty("java.home") + "\n" + String.join(" ", BUILD_OPTIONS) + "\n"
                    + Files.getLastModifiedTime(built).toMillis() + "\n";
        }

        static boolean isCurrent(Path kcHome) {
            try {
                return Files.isRegularFile(archive(kcHome)) && Files.size(archive(kcHome)) > 0
                        && Files.isRegularFile(stampFile(kcHome))
                        && Files.readString(stampFile(kcHome)).equals(stamp(kcHome));
            } catch (IOException e) {
                return false;
            }
        }

        /** A file of this start's own, so that concurrent first starts do not write into one another's. */
        static Path trainingArchive(Path kcHome) {
            try {
                Path directory = Files.createDirectories(archive(kcHome).getParent());
                // left by a training JVM whose owner did not wait for the dump (a test JVM killed at its exit)
                Instant stale = Instant.now().minus(Duration.ofMinutes(15));
                try (var files = Files.list(directory)) {
                    for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".jsa.tmp")).toList()) {
                        if (Files.getLastModifiedTime(file).toInstant().isBefore(stale)) {
                            Files.deleteIfExists(file);
                        }
                    }
                }
                return directory.resolve("keycloak-" + ProcessHandle.current().pid() + "-" + System.nanoTime() + ".jsa.tmp");
            } catch (IOException e) {
                throw new StartFailure("cannot create " + archive(kcHome).getParent() + ": " + e.getMessage(), e);
            }
        }

        /** After the JVM that trained has exited: its archive becomes the distribution's, unless one is there. */
        static void completeTraining(Path kcHome, Path training) {
            try {
                if (Files.isRegularFile(training) && Files.size(training) > 0 && !isCurrent(kcHome)) {
                    Files.move(training, archive(kcHome), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                    Files.writeString(stampFile(kcHome), stamp(kcHome));
                }
                Files.deleteIfExists(training);
            } catch (IOException e) {
                // no archive: the next start trains again
            }
        }
    }

    private void awaitReady(Duration timeout, BooleanSupplier cancelled) {
        String wellKnown = issuerUri() + "/.well-known/openid-configuration";
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            if (cancelled.getAsBoolean()) {
                throw new StartFailure("the start was cancelled", null);
            }
            if (!process.isAlive()) {
                throw new StartFailure("the process exited with code " + process.exitValue() + "; last lines of "
                        + log + ":\n" + tail(25), null);
            }
            if (answers(wellKnown)) {
                return;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new StartFailure("not ready after " + timeout.toSeconds() + " s (" + wellKnown + "); last lines of "
                        + log + ":\n" + tail(25), null);
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StartFailure("interrupted while waiting for Keycloak", e);
            }
        }
    }

    private boolean answers(String url) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(3)).GET().build();
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StartFailure("interrupted while waiting for Keycloak", e);
        }
    }
}
