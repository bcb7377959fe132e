package cn.chanjiao.bench;

import cn.chanjiao.contracts.EventEnvelope;
import cn.chanjiao.contracts.application.PlatformApproved;
import cn.chanjiao.testkit.engine.DatabaseServer;
import cn.chanjiao.testkit.engine.EmbeddedPostgresServer;
import cn.chanjiao.testkit.engine.MessageBroker;
import cn.chanjiao.testkit.engine.TestEngines;
import cn.chanjiao.testkit.security.TestJwtIssuer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.File;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Load benchmark of indicator-service (issue 7): authenticated platform users saving 40-value
 * batches during an open window, with one and with two instances, through the gateway and directly;
 * then a kill test: one of two instances is killed mid-load, and every acknowledged save must be in
 * the database and every acknowledged submission's event in Kafka once.
 *
 * <p>Engines: embedded PostgreSQL 17 (durable: fsync and synchronous_commit on, unless
 * {@code --fast-db}), the in-JVM KRaft broker of the test kit, and the test kit's JWT issuer as the
 * realm the services trust. The services are their executable jars, as in production.
 */
public final class IndicatorBench {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String PROGRAMME = "HZ-PLATFORMS-2024";
    static final String TYPE = "CITY_CONSORTIUM";
    static final int YEAR = 2026;
    /** The services' clock stands inside the 2026 window (1 Nov – 15 Dec). */
    static final String DEMO_TIME = "2026-11-20T10:00:00+08:00";

    final Options options;
    final Path root;
    final Path logs;
    /** Jars, logs, PostgreSQL's data, profiles and reports of this run ({@code --work}, default {@code deploy/bench-indicator/target}). */
    final Path work;
    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    final List<Process> processes = Collections.synchronizedList(new ArrayList<>());
    DatabaseServer postgres;
    MessageBroker kafka;
    TestJwtIssuer issuer;
    String database;
    List<String> codes;

    IndicatorBench(Options options) throws IOException {
        this.options = options;
        this.root = Path.of(options.root).toAbsolutePath().normalize();
        this.work = Files.createDirectories(root.resolve(options.work));
        this.logs = Files.createDirectories(work.resolve("logs"));
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        IndicatorBench bench = new IndicatorBench(options);
        Runtime.getRuntime().addShutdownHook(new Thread(bench::stopAll));
        int status = 0;
        try {
            bench.run();
        } catch (Exception e) {
            e.printStackTrace();
            status = 1;
        } finally {
            bench.stopAll();
        }
        System.exit(status);
    }

    void run() throws Exception {
        // run copies: another build replacing a jar under a running JVM breaks its class loading
        Path jars = Files.createDirectories(work.resolve("jars"));
        Files.copy(root.resolve(options.serviceJar), jars.resolve("indicator-service.jar"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.copy(root.resolve(options.gatewayJar), jars.resolve("gateway.jar"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        log("engines: PostgreSQL (" + (options.fastDb ? "fsync off" : "durable") + "), Kafka, JWT issuer");
        postgres = options.fastDb ? TestEngines.postgres()
                : EmbeddedPostgresServer.start(0, Files.createDirectories(work.resolve("pgdata-"
                        + System.currentTimeMillis())));
        kafka = TestEngines.kafka();
        issuer = TestJwtIssuer.get();
        database = "indicator_bench_" + System.currentTimeMillis();
        postgres.createDatabaseIfMissing(database);

        int port1 = freePort();
        int port2 = freePort();
        Process service1 = startService("indicator-1", port1);
        // the single-instance gateway starts beside the service (idle during the direct run): on a busy machine each start takes minutes
        int gatewayPort1 = freePort();
        Process gateway1 = options.runs.contains("gateway-1")
                ? startGateway("gateway-1", gatewayPort1, "http://127.0.0.1:" + port1) : null;
        awaitReady("http://127.0.0.1:" + port1 + "/actuator/health/readiness", service1);
        codes = codes("http://127.0.0.1:" + port1);
        log("catalogue " + PROGRAMME + "/" + TYPE + ": " + codes.size() + " codes, batches of " + options.values);

        List<BenchPlatform> loadPlatforms = seed(options.platforms, "load");
        List<BenchPlatform> killPlatforms = options.skipKill ? List.of() : seed(options.platforms, "kill");
        awaitPlatforms(loadPlatforms.size() + killPlatforms.size());

        Map<String, Result> results = new LinkedHashMap<>();
        if (options.runs.contains("direct-1")) {
            results.put("direct, 1 instance", load("direct-1", List.of("http://127.0.0.1:" + port1), loadPlatforms,
                    Map.of("indicator-1", service1)));
        }
        if (gateway1 != null) {
            awaitReady("http://127.0.0.1:" + gatewayPort1 + "/actuator/health", gateway1);
            results.put("gateway, 1 instance", load("gateway-1", List.of("http://127.0.0.1:" + gatewayPort1), loadPlatforms,
                    Map.of("gateway", gateway1, "indicator-1", service1)));
            stop(gateway1);
        }
        if (!options.runs.contains("gateway-2") && !options.runs.contains("direct-2") && options.skipKill) {
            if (options.dbBaseline) {
                results.put("database only (JDBC)", databaseBaseline());
            }
            String report = summary(results);
            System.out.println(report);
            Path out = work.resolve("report-" + System.currentTimeMillis() + ".txt");
            Files.writeString(out, report);
            log("report written to " + root.relativize(out));
            return;
        }

        Process service2 = startService("indicator-2", port2);
        awaitReady("http://127.0.0.1:" + port2 + "/actuator/health/readiness", service2);
        int gatewayPort2 = freePort();
        Process gateway2 = startGateway("gateway-2", gatewayPort2, "http://127.0.0.1:" + port1 + ",http://127.0.0.1:" + port2);
        awaitReady("http://127.0.0.1:" + gatewayPort2 + "/actuator/health", gateway2);
        if (options.runs.contains("gateway-2")) {
            results.put("gateway, 2 instances", load("gateway-2", List.of("http://127.0.0.1:" + gatewayPort2), loadPlatforms,
                    Map.of("gateway", gateway2, "indicator-1", service1, "indicator-2", service2)));
        }
        if (options.runs.contains("direct-2")) {
            results.put("direct, 2 instances", load("direct-2", List.of("http://127.0.0.1:" + port1, "http://127.0.0.1:" + port2),
                    loadPlatforms, Map.of("indicator-1", service1, "indicator-2", service2)));
        }

        if (options.dbBaseline) {
            results.put("database only (JDBC)", databaseBaseline());
        }
        StringBuilder report = new StringBuilder(summary(results));
        if (!options.skipKill) {
            report.append(killTest(gatewayPort2, port1, port2, service1, service2, killPlatforms));
        }
        System.out.println(report);
        Path out = work.resolve("report-" + System.currentTimeMillis() + ".txt");
        Files.writeString(out, report.toString());
        log("report written to " + root.relativize(out));
    }

    String summary(Map<String, Result> results) {
        StringBuilder report = new StringBuilder();
        report.append(String.format(Locale.ROOT, "%nindicator-service benchmark %s — %d platforms, %d workers, %d s measured after %d s warm-up, "
                + "%d values per save, PostgreSQL %s, %d cores%n", Instant.now(), options.platforms, options.concurrency,
                options.seconds, options.warmup, options.values, options.fastDb ? "fsync off" : "durable",
                Runtime.getRuntime().availableProcessors()));
        report.append(String.format(Locale.ROOT, "%-22s %8s %8s %8s %8s %8s %8s   %s%n", "run", "saves/s", "p50 ms", "p95 ms",
                "p99 ms", "max ms", "errors", "CPU (% of one core)"));
        results.forEach((name, result) -> report.append(String.format(Locale.ROOT, "%-22s %8.1f %8.1f %8.1f %8.1f %8.1f %8d   %s%n",
                name, result.throughput(), result.percentile(50), result.percentile(95), result.percentile(99),
                result.percentile(100), result.errors, result.cpu)));
        report.append(String.format(Locale.ROOT, "CPU per save (ms of CPU per acknowledged save, /proc utime+stime; indicator = all "
                + "instances) and the machine's load average (1 min) before → after the measured seconds%n"));
        report.append(String.format(Locale.ROOT, "%-22s %8s %10s %9s %9s %9s   %s%n", "run", "gateway", "indicator", "postgres",
                "bench", "total", "load average"));
        results.forEach((name, result) -> report.append(String.format(Locale.ROOT, "%-22s %8s %10s %9s %9s %9s   %s%n", name,
                result.perSave("gateway"), result.perSave("indicator"), result.perSave("postgres"), result.perSave("bench"),
                result.perSave(""), result.load)));
        results.forEach((name, result) -> {
            if (result.errors > 0) {
                report.append("  errors of ").append(name).append(": ").append(result.errorKinds).append(System.lineSeparator());
            }
        });
        for (String instances : List.of("1 instance", "2 instances")) {
            Result direct = results.get("direct, " + instances);
            Result gateway = results.get("gateway, " + instances);
            if (direct != null && gateway != null) {
                report.append(String.format(Locale.ROOT, "gateway cost (%s): throughput gateway/direct %.2f, p99 gateway/direct %.2f%n",
                        instances, gateway.throughput() / direct.throughput(), gateway.percentile(99) / direct.percentile(99)));
            }
        }
        return report.toString();
    }

    // --- load

    Result load(String name, List<String> bases, List<BenchPlatform> platforms, Map<String, Process> measured) throws Exception {
        log("run " + name + ": warm-up " + options.warmup + " s, then " + options.seconds + " s");
        mintTokens(platforms);
        runWorkers(bases, platforms, options.warmup, null, null);
        if (options.profile) {
            measured.forEach((process, handle) -> startProfile(handle));
        }
        String loadBefore = loadAverage();
        Map<String, long[]> before = cpu(measured);
        long started = System.nanoTime();
        Result result = new Result();
        runWorkers(bases, platforms, options.seconds, result, null);
        result.elapsedNanos = System.nanoTime() - started;
        Map<String, long[]> after = cpu(measured);
        result.cpu = cpuReport(before, after, result.elapsedNanos);
        after.forEach((process, ticks) -> result.ticks.put(process, ticks[0] - before.getOrDefault(process, new long[] { 0 })[0]));
        result.load = loadBefore + " → " + loadAverage();
        if (options.profile) {
            for (Map.Entry<String, Process> entry : measured.entrySet()) {
                String hot = stopProfile(entry.getValue(), name, entry.getKey());
                System.out.println(hot);
                Files.writeString(work.resolve("profile-" + name + "-" + entry.getKey() + ".txt"), hot);
            }
        }
        log(String.format(Locale.ROOT, "run %s: %.1f saves/s, p99 %.1f ms, %d errors", name, result.throughput(),
                result.percentile(99), result.errors));
        return result;
    }

    /** Workers own disjoint platforms, as real users do; each save starts from the version its last save answered. */
    void runWorkers(List<String> bases, List<BenchPlatform> platforms, int seconds, Result result, KillLedger ledger)
            throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(options.concurrency);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        AtomicInteger next = new AtomicInteger();
        for (int w = 0; w < options.concurrency; w++) {
            int worker = w;
            pool.submit(() -> {
                List<BenchPlatform> mine = new ArrayList<>();
                for (int i = worker; i < platforms.size(); i += options.concurrency) {
                    mine.add(platforms.get(i));
                }
                int turn = 0;
                while (System.nanoTime() < deadline && !mine.isEmpty()) {
                    BenchPlatform platform = mine.get(turn++ % mine.size());
                    String base = bases.get(next.getAndIncrement() % bases.size());
                    if (ledger != null && platform.saves >= 3) {
                        if (!platform.submitted) {
                            submit(base, platform, ledger, result);
                        }
                        if (mine.stream().allMatch(p -> p.submitted)) {
                            return;
                        }
                        continue;
                    }
                    save(base, platform, result, ledger);
                }
            });
        }
        pool.shutdown();
        if (!pool.awaitTermination(seconds + 120L, TimeUnit.SECONDS)) {
            pool.shutdownNow();
        }
    }

    void save(String base, BenchPlatform platform, Result result, KillLedger ledger) {
        String key = UUID.randomUUID().toString();
        int marker = ThreadLocalRandom.current().nextInt(1, 1_000_000);
        String body = batch(marker);
        for (int attempt = 0; attempt < (ledger == null ? 1 : 8); attempt++) {
            long start = System.nanoTime();
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/indicators/platforms/"
                        + platform.id + "/years/" + YEAR + "/values")).timeout(Duration.ofSeconds(30))
                        .header("Authorization", "Bearer " + platform.token).header("Content-Type", "application/json")
                        .header("If-Match", "\"" + platform.version + "\"").header("Idempotency-Key", key)
                        .PUT(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                long nanos = System.nanoTime() - start;
                if (response.statusCode() == 200) {
                    platform.version = Long.parseLong(response.headers().firstValue("ETag").orElse("\"0\"").replace("\"", ""));
                    platform.saves++;
                    platform.lastMarker = marker;
                    if (result != null) {
                        result.record(nanos);
                    }
                    if (ledger != null) {
                        ledger.savesAcked.put(key, platform.id);
                        ledger.lastMarker.put(platform.id, marker);
                    }
                    return;
                }
                if (response.statusCode() == 412) {
                    platform.version = JSON.readTree(response.body()).path("currentVersion").asLong();
                }
                if (result != null) {
                    result.error(response.statusCode() + " " + abbreviate(response.body()));
                }
                if (ledger == null || response.statusCode() < 500) {
                    return;
                }
            } catch (IOException e) {
                if (result != null) {
                    result.error(e.getClass().getSimpleName());
                }
                if (ledger != null) {
                    ledger.retries.incrementAndGet();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    void submit(String base, BenchPlatform platform, KillLedger ledger, Result result) {
        String key = "submit-" + platform.id;
        for (int attempt = 0; attempt < 8; attempt++) {
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/indicators/platforms/"
                        + platform.id + "/years/" + YEAR + "/submission")).timeout(Duration.ofSeconds(30))
                        .header("Authorization", "Bearer " + platform.token).header("If-Match", "\"" + platform.version + "\"")
                        .header("Idempotency-Key", key).POST(HttpRequest.BodyPublishers.noBody()).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    platform.submitted = true;
                    ledger.submissionsAcked.put(JSON.readTree(response.body()).path("platformYearId").asString(), platform.id);
                    return;
                }
                result.error("submit " + response.statusCode() + " " + abbreviate(response.body()));
                if (response.statusCode() < 500) {
                    platform.submitted = true;
                    return;
                }
            } catch (IOException e) {
                result.error("submit " + e.getClass().getSimpleName());
                ledger.retries.incrementAndGet();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        platform.submitted = true;
    }

    String batch(int marker) {
        StringBuilder body = new StringBuilder("{\"values\":[");
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < options.values; i++) {
            if (i > 0) {
                body.append(',');
            }
            int value = i == 0 ? marker : random.nextInt(0, 100);
            body.append("{\"code\":\"").append(codes.get(i % codes.size())).append("\",\"value\":").append(value);
            if (i % 10 == 0) {
                body.append(",\"evidence\":[{\"attachmentId\":\"att-").append(random.nextInt(1000)).append("\",\"name\":\"佐证.pdf\"}]");
            }
            body.append('}');
        }
        return body.append("]}").toString();
    }

    // --- kill test

    String killTest(int gatewayPort, int port1, int port2, Process service1, Process service2, List<BenchPlatform> platforms)
            throws Exception {
        log("kill test: 2 instances behind the gateway, indicator-2 killed (SIGKILL) mid-load; every platform saves 3 times, then submits");
        mintTokens(platforms);
        KillLedger ledger = new KillLedger();
        Result result = new Result();
        Thread killer = new Thread(() -> {
            try {
                Thread.sleep(options.killAfterMillis);
                log("kill -9 indicator-2 (pid " + service2.pid() + ") with " + ledger.savesAcked.size() + " saves acknowledged so far");
                service2.destroyForcibly();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        killer.start();
        runWorkers(List.of("http://127.0.0.1:" + gatewayPort), platforms, 300, result, ledger);
        killer.join();

        Set<String> storedKeys = new HashSet<>();
        Map<UUID, Integer> storedMarkers = new HashMap<>();
        try (Connection connection = postgres.connect(database); Statement statement = connection.createStatement()) {
            try (ResultSet rows = statement.executeQuery("select idempotency_key from idempotent_request")) {
                while (rows.next()) {
                    storedKeys.add(rows.getString(1));
                }
            }
            try (ResultSet rows = statement.executeQuery("select y.platform_id, v.value from indicator_value v join platform_year y "
                    + "on y.id = v.platform_year_id where y.year = " + YEAR + " and v.indicator_code = '" + codes.get(0) + "'")) {
                while (rows.next()) {
                    storedMarkers.put(rows.getObject(1, UUID.class), rows.getBigDecimal(2).intValue());
                }
            }
        }
        long missingSaves = ledger.savesAcked.keySet().stream().filter(key -> !storedKeys.contains(key)).count();
        long wrongFinal = ledger.lastMarker.entrySet().stream()
                .filter(entry -> !entry.getValue().equals(storedMarkers.get(entry.getKey()))).count();

        log("waiting for every acknowledged submission's IndicatorDataSubmitted on indicator.v1 (the outbox resends what the killed instance left)");
        Map<String, Integer> records = new HashMap<>();
        Map<String, Set<String>> eventIds = new HashMap<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(options.outboxWaitSeconds);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                kafka.bootstrapServers(), ConsumerConfig.GROUP_ID_CONFIG, "bench-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of("indicator.v1"));
            while (System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(record -> {
                    JsonNode envelope = JSON.readTree(record.value());
                    if ("IndicatorDataSubmitted".equals(envelope.path("type").asString())) {
                        String platformYear = envelope.path("payload").path("platformYearId").asString();
                        records.merge(platformYear, 1, Integer::sum);
                        eventIds.computeIfAbsent(platformYear, k -> new HashSet<>()).add(envelope.path("eventId").asString());
                    }
                });
                if (ledger.submissionsAcked.keySet().stream().allMatch(records::containsKey)) {
                    // keep reading a little: a resend would show up as a second record
                    consumer.poll(Duration.ofSeconds(3)).forEach(record -> {
                        JsonNode envelope = JSON.readTree(record.value());
                        if ("IndicatorDataSubmitted".equals(envelope.path("type").asString())) {
                            String platformYear = envelope.path("payload").path("platformYearId").asString();
                            records.merge(platformYear, 1, Integer::sum);
                            eventIds.computeIfAbsent(platformYear, k -> new HashSet<>()).add(envelope.path("eventId").asString());
                        }
                    });
                    break;
                }
            }
        }
        long withoutEvent = ledger.submissionsAcked.keySet().stream().filter(id -> !records.containsKey(id)).count();
        long moreThanOneEvent = ledger.submissionsAcked.keySet().stream()
                .filter(id -> eventIds.getOrDefault(id, Set.of()).size() > 1).count();
        long duplicateRecords = ledger.submissionsAcked.keySet().stream().filter(id -> records.getOrDefault(id, 0) > 1).count();
        return String.format(Locale.ROOT, "%nkill test: %d saves and %d submissions acknowledged (2xx), %d client retries after "
                + "connection failures, %d other errors%n"
                + "  acknowledged saves missing from the database: %d; platforms whose stored value is not their last acknowledged save: %d%n"
                + "  acknowledged submissions without IndicatorDataSubmitted in Kafka: %d; with more than one event id: %d; "
                + "delivered more than once (same event id, the outbox's at-least-once resend): %d%n"
                + "  errors seen: %s%n",
                ledger.savesAcked.size(), ledger.submissionsAcked.size(), ledger.retries.get(), result.errors,
                missingSaves, wrongFinal, withoutEvent, moreThanOneEvent, duplicateRecords, result.errorKinds);
    }

    // --- setup

    List<BenchPlatform> seed(int count, String purpose) throws Exception {
        List<BenchPlatform> platforms = new ArrayList<>();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                kafka.bootstrapServers(), ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer())) {
            UUID programmeId = UUID.nameUUIDFromBytes(PROGRAMME.getBytes(StandardCharsets.UTF_8));
            for (int i = 0; i < count; i++) {
                BenchPlatform platform = new BenchPlatform(UUID.randomUUID(), UUID.randomUUID());
                List<PlatformApproved.PlanTarget> targets = new ArrayList<>();
                for (int c = 0; c < Math.min(10, codes.size()); c++) {
                    targets.add(new PlatformApproved.PlanTarget(codes.get(c), YEAR, BigDecimal.valueOf(50)));
                }
                String district = "3301" + String.format(Locale.ROOT, "%02d", 2 + i % 12);
                PlatformApproved approved = new PlatformApproved(UUID.randomUUID(), Instant.now(), platform.id, UUID.randomUUID(),
                        programmeId, PROGRAMME, TYPE, "压测联合体-" + purpose + "-" + i, platform.lead, List.of(platform.lead),
                        district, "330100", List.of(2024, 2025, 2026), 2023, targets,
                        List.of(new PlatformApproved.Member(platform.lead, "牵头单位" + i, "LEAD", "INDUSTRIAL_PARK", null,
                                "330000", "330100", district)), Instant.now());
                producer.send(new ProducerRecord<>("application.lifecycle.v1", approved.aggregateId(),
                        JSON.writeValueAsBytes(EventEnvelope.wrap(approved, "bench"))));
                platforms.add(platform);
            }
            producer.flush();
        }
        return platforms;
    }

    void awaitPlatforms(int expected) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(options.startSeconds);
        while (System.nanoTime() < deadline) {
            try (Connection connection = postgres.connect(database); Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery("select count(*) from platform")) {
                rows.next();
                if (rows.getInt(1) >= expected) {
                    log(expected + " platforms approved (PlatformApproved consumed)");
                    return;
                }
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("platforms were not consumed in time");
    }

    void mintTokens(List<BenchPlatform> platforms) {
        for (BenchPlatform platform : platforms) {
            platform.token = issuer.user("bench-" + platform.lead.toString().substring(0, 8)).subject("bench-" + platform.lead)
                    .roles("applicant").organisation(platform.lead).mint();
        }
    }

    List<String> codes(String base) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base
                + "/api/v1/public/indicators/catalogues/" + PROGRAMME + "/types/" + TYPE)).build(), HttpResponse.BodyHandlers.ofString());
        List<String> found = new ArrayList<>();
        JSON.readTree(response.body()).path("indicators").forEach(indicator -> {
            if (!"DERIVED".equals(indicator.path("kind").asString())) {
                found.add(indicator.path("code").asString());
            }
        });
        return found;
    }

    /** Runs {@code jcmd <pid> command args…} (JFR control), waiting for it; failures are logged, not thrown. */
    /** Starts the measured seconds' profile of a process: JFR ({@code --profile}) or async-profiler ({@code --profile=async}). */
    void startProfile(Process process) {
        if (options.asyncProfiler()) {
            jcmd(process, "JVMTI.agent_load", asyncProfilerLibrary().toString(),
                    // quoted: jcmd would read the options' "=" as its own key=value arguments
                    "\"start,event=" + options.profileEvent + ",interval=" + Profiles.ASYNC_INTERVAL_NANOS + "\"");
        } else {
            jcmd(process, "JFR.start", "name=bench", "settings=profile");
        }
    }

    /** Stops a process's profile, writes it under the work folder and returns its summary. */
    String stopProfile(Process process, String run, String processName) throws IOException {
        if (options.asyncProfiler()) {
            Path stacks = work.resolve("profile-" + run + "-" + processName + ".collapsed");
            jcmd(process, "JVMTI.agent_load", asyncProfilerLibrary().toString(), "\"stop,collapsed,file=" + stacks.toAbsolutePath() + "\"");
            return Profiles.hotCollapsed(stacks, run + " / " + processName, 25);
        }
        Path recording = work.resolve("profile-" + run + "-" + processName + ".jfr");
        jcmd(process, "JFR.stop", "name=bench", "filename=" + recording);
        return Profiles.hot(recording, run + " / " + processName, 25);
    }

    /** async-profiler's agent, taken out of its Maven Central jar (tools.profiler:async-profiler:linux-x64) once. */
    Path asyncProfilerLibrary() {
        Path library = work.resolve("async-profiler/libasyncProfiler.so");
        if (Files.isRegularFile(library)) {
            return library.toAbsolutePath();
        }
        try {
            Files.createDirectories(library.getParent());
            try (var in = IndicatorBench.class.getResourceAsStream("/linux-x64/libasyncProfiler.so")) {
                if (in == null) {
                    throw new IllegalStateException("async-profiler's linux-x64 library is not on the bench's class path");
                }
                Files.copy(in, library);
            }
            return library.toAbsolutePath();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    void jcmd(Process process, String... command) {
        List<String> line = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                Long.toString(process.pid())));
        line.addAll(List.of(command));
        try {
            Process jcmd = new ProcessBuilder(line).redirectErrorStream(true).start();
            String output = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (jcmd.waitFor() != 0) {
                log("jcmd " + String.join(" ", command) + " failed: " + output.strip());
            }
        } catch (IOException e) {
            log("jcmd " + String.join(" ", command) + " failed: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }

    // --- the database's own ceiling

    /**
     * What PostgreSQL alone does with the save's writes, from the bench JVM over JDBC (a pgbench-style
     * loop, one connection per worker): per save one transaction that locks a platform-year row, upserts
     * the batch's values in one statement (unnest of arrays), bumps the version, records an
     * Idempotency-Key answer and commits durably. The service's save does this plus its reads; the
     * difference between this and the direct run is what the service adds.
     */
    Result databaseBaseline() throws Exception {
        log("run database only: " + options.concurrency + " JDBC connections, warm-up " + options.warmup + " s, then " + options.seconds + " s");
        try (Connection connection = postgres.connect(database); Statement statement = connection.createStatement()) {
            statement.execute("create table if not exists bench_year (id uuid primary key, version bigint not null)");
            statement.execute("create table if not exists bench_value (year_id uuid not null, code text not null, value numeric, "
                    + "evidence jsonb, note text, updated_at timestamptz, updated_by text, primary key (year_id, code))");
            statement.execute("create table if not exists bench_answer (caller text not null, key text not null, response jsonb, "
                    + "created_at timestamptz, primary key (caller, key))");
        }
        int workers = Math.min(options.concurrency, 32);
        List<UUID> years = new ArrayList<>();
        try (Connection connection = postgres.connect(database);
                var insert = connection.prepareStatement("insert into bench_year (id, version) values (?, 0) on conflict do nothing")) {
            for (int i = 0; i < options.platforms; i++) {
                UUID id = UUID.nameUUIDFromBytes(("bench-year-" + i).getBytes(StandardCharsets.UTF_8));
                years.add(id);
                insert.setObject(1, id);
                insert.addBatch();
            }
            insert.executeBatch();
        }
        runDatabaseWorkers(workers, years, options.warmup, null);
        String loadBefore = loadAverage();
        Map<String, long[]> before = cpu(Map.of());
        long started = System.nanoTime();
        Result result = new Result();
        runDatabaseWorkers(workers, years, options.seconds, result);
        result.elapsedNanos = System.nanoTime() - started;
        Map<String, long[]> after = cpu(Map.of());
        result.cpu = cpuReport(before, after, result.elapsedNanos);
        after.forEach((process, ticks) -> result.ticks.put(process, ticks[0] - before.getOrDefault(process, new long[] { 0 })[0]));
        result.load = loadBefore + " → " + loadAverage();
        log(String.format(Locale.ROOT, "run database only: %.1f saves/s, p99 %.1f ms", result.throughput(), result.percentile(99)));
        return result;
    }

    void runDatabaseWorkers(int workers, List<UUID> years, int seconds, Result result) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        for (int w = 0; w < workers; w++) {
            int worker = w;
            pool.submit(() -> {
                try (Connection connection = postgres.connect(database);
                        var lock = connection.prepareStatement("select version from bench_year where id = ? for update");
                        var upsert = connection.prepareStatement("insert into bench_value (year_id, code, value, evidence, note, "
                                + "updated_at, updated_by) select ?, code, value, evidence::jsonb, note, now(), ? from "
                                + "unnest(?::text[], ?::numeric[], ?::text[], ?::text[]) as batch(code, value, evidence, note) "
                                + "on conflict (year_id, code) do update set value = excluded.value, evidence = excluded.evidence, "
                                + "note = excluded.note, updated_at = excluded.updated_at, updated_by = excluded.updated_by");
                        var bump = connection.prepareStatement("update bench_year set version = version + 1 where id = ?");
                        var answer = connection.prepareStatement("insert into bench_answer (caller, key, response, created_at) "
                                + "values (?, ?, ?::jsonb, now())")) {
                    connection.setAutoCommit(false);
                    ThreadLocalRandom random = ThreadLocalRandom.current();
                    int turn = 0;
                    while (System.nanoTime() < deadline) {
                        UUID year = years.get((worker + turn++ * workers) % years.size());
                        String[] codes = new String[options.values];
                        Object[] numbers = new Object[options.values];
                        String[] evidence = new String[options.values];
                        for (int i = 0; i < options.values; i++) {
                            codes[i] = this.codes.get(i % this.codes.size());
                            numbers[i] = BigDecimal.valueOf(random.nextInt(0, 100));
                            evidence[i] = i % 10 == 0 ? "[{\"attachmentId\":\"att-" + random.nextInt(1000) + "\",\"name\":\"佐证.pdf\"}]" : "[]";
                        }
                        long start = System.nanoTime();
                        lock.setObject(1, year);
                        lock.executeQuery().close();
                        upsert.setObject(1, year);
                        upsert.setString(2, "bench");
                        upsert.setArray(3, connection.createArrayOf("text", codes));
                        upsert.setArray(4, connection.createArrayOf("numeric", numbers));
                        upsert.setArray(5, connection.createArrayOf("text", evidence));
                        upsert.setArray(6, connection.createArrayOf("text", new String[options.values]));
                        upsert.executeUpdate();
                        bump.setObject(1, year);
                        bump.executeUpdate();
                        answer.setString(1, "bench-" + worker);
                        answer.setString(2, UUID.randomUUID().toString());
                        answer.setString(3, "{\"saved\":" + options.values + "}");
                        answer.executeUpdate();
                        connection.commit();
                        if (result != null) {
                            result.record(System.nanoTime() - start);
                        }
                    }
                } catch (Exception e) {
                    if (result != null) {
                        result.error(e.getClass().getSimpleName() + ": " + e.getMessage());
                    }
                }
            });
        }
        pool.shutdown();
        if (!pool.awaitTermination(seconds + 60L, TimeUnit.SECONDS)) {
            pool.shutdownNow();
        }
    }

    Process startService(String name, int port) throws IOException {
        List<String> command = new ArrayList<>(List.of(java(), "-Xms256m", "-Xmx" + options.serviceHeap, "-XX:+UseParallelGC",
                "-Duser.timezone=UTC", "-jar", work.resolve("jars/indicator-service.jar").toString(),
                "--server.port=" + port,
                "--spring.datasource.url=" + postgres.jdbcUrl(database),
                "--spring.datasource.username=" + postgres.username(),
                "--spring.datasource.password=" + postgres.password(),
                "--spring.kafka.bootstrap-servers=" + kafka.bootstrapServers(),
                "--chanjiao.keycloak.url=" + issuer.baseUrl(),
                "--chanjiao.keycloak.realm=" + TestJwtIssuer.REALM,
                "--chanjiao.indicator.demo-time=" + DEMO_TIME,
                "--chanjiao.service.outbox.resubmit-every=PT5S",
                "--chanjiao.service.outbox.resubmit-older-than=PT35S",
                "--logging.level.root=WARN"));
        if (!options.serviceArgs.isBlank()) {
            // e.g. --service-args=--server.tomcat.threads.max=32,--spring.datasource.hikari.maximum-pool-size=10
            command.addAll(List.of(options.serviceArgs.split(",")));
        }
        return start(name, command, Map.of());
    }

    Process startGateway(String name, int port, String indicatorUris) throws IOException {
        List<String> command = List.of(java(), "-Xms256m", "-Xmx" + options.gatewayHeap, "-XX:+UseParallelGC", "-jar",
                work.resolve("jars/gateway.jar").toString(), "--server.port=" + port,
                "--chanjiao.keycloak.url=" + issuer.baseUrl(), "--chanjiao.keycloak.realm=" + TestJwtIssuer.REALM,
                "--logging.level.root=WARN");
        return start(name, command, Map.of("CHANJIAO_INDICATOR_URIS", indicatorUris));
    }

    Process start(String name, List<String> command, Map<String, String> environment) throws IOException {
        File log = logs.resolve(name + ".log").toFile();
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log);
        builder.environment().putAll(environment);
        Process process = builder.start();
        processes.add(process);
        log("started " + name + " (pid " + process.pid() + "), log " + root.relativize(log.toPath()));
        return process;
    }

    void awaitReady(String url, Process process) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(options.startSeconds);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("process " + process.pid() + " exited; see " + logs);
            }
            try {
                if (http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException ignored) {
                // not up yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException(url + " not ready in time");
    }

    void stop(Process process) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    void stopAll() {
        synchronized (processes) {
            for (Process process : processes) {
                if (process.isAlive()) {
                    process.destroy();
                }
            }
            for (Process process : processes) {
                try {
                    if (!process.waitFor(20, TimeUnit.SECONDS)) {
                        process.destroyForcibly();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            processes.clear();
        }
        if (postgres != null && !options.fastDb) {
            try {
                postgres.stop();
            } catch (RuntimeException ignored) {
                // stopping at exit
            }
            postgres = null;
        }
    }

    // --- CPU from /proc: utime + stime (+ children that exited) in clock ticks

    Map<String, long[]> cpu(Map<String, Process> measured) {
        Map<String, long[]> ticks = new LinkedHashMap<>();
        measured.forEach((name, process) -> ticks.put(name, new long[] { ticks(process.pid(), true) }));
        ticks.put("postgres", new long[] { postgresTicks() });
        ticks.put("bench JVM (load + Kafka)", new long[] { ticks(ProcessHandle.current().pid(), false) });
        return ticks;
    }

    String cpuReport(Map<String, long[]> before, Map<String, long[]> after, long elapsedNanos) {
        double seconds = elapsedNanos / 1e9;
        List<String> parts = new ArrayList<>();
        after.forEach((name, value) -> {
            long used = value[0] - before.getOrDefault(name, new long[] { 0 })[0];
            parts.add(String.format(Locale.ROOT, "%s %.0f%%", name, used / 100.0 / seconds * 100));
        });
        return String.join(", ", parts);
    }

    long postgresTicks() {
        long port = postgres.port();
        long total = 0;
        List<Long> postmasters = new ArrayList<>();
        Map<Long, Long> parents = new HashMap<>();
        File[] entries = new File("/proc").listFiles((dir, name) -> name.chars().allMatch(Character::isDigit));
        if (entries == null) {
            return 0;
        }
        for (File entry : entries) {
            long pid = Long.parseLong(entry.getName());
            try {
                String stat = Files.readString(entry.toPath().resolve("stat"));
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                parents.put(pid, Long.parseLong(fields[1]));
                String cmdline = Files.readString(entry.toPath().resolve("cmdline")).replace('\0', ' ');
                if (cmdline.contains("postgres") && cmdline.contains("-p " + port)) {
                    postmasters.add(pid);
                }
            } catch (IOException | RuntimeException ignored) {
                // the process is gone
            }
        }
        for (Long postmaster : postmasters) {
            total += ticks(postmaster, true);
            for (Map.Entry<Long, Long> child : parents.entrySet()) {
                if (child.getValue().equals(postmaster)) {
                    total += ticks(child.getKey(), false);
                }
            }
        }
        return total;
    }

    static long ticks(long pid, boolean withExitedChildren) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // after the name: state(0) ppid(1) … utime(11) stime(12) cutime(13) cstime(14)
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            if (withExitedChildren) {
                ticks += Long.parseLong(fields[13]) + Long.parseLong(fields[14]);
            }
            return ticks;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    // --- helpers

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static int freePort() throws IOException {
        try (var socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    static String abbreviate(String text) {
        return text == null ? "" : text.length() > 160 ? text.substring(0, 160) : text;
    }

    static void log(String message) {
        System.out.println("[bench " + Instant.now() + "] " + message);
    }

    static final class BenchPlatform {

        final UUID id;
        final UUID lead;
        volatile String token;
        volatile long version;
        volatile int saves;
        volatile int lastMarker;
        volatile boolean submitted;

        BenchPlatform(UUID id, UUID lead) {
            this.id = id;
            this.lead = lead;
        }
    }

    static final class KillLedger {

        final Map<String, UUID> savesAcked = new ConcurrentHashMap<>();
        final Map<UUID, Integer> lastMarker = new ConcurrentHashMap<>();
        final Map<String, UUID> submissionsAcked = new ConcurrentHashMap<>();
        final AtomicInteger retries = new AtomicInteger();
    }

    static final class Result {

        final List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        final AtomicLong count = new AtomicLong();
        final Map<String, Integer> errorKinds = new ConcurrentHashMap<>();
        volatile long errors;
        long elapsedNanos;
        String cpu = "";
        String load = "";
        final Map<String, Long> ticks = new LinkedHashMap<>();

        /** ms of CPU per acknowledged save of the processes whose name starts with {@code prefix} (all with ""), or "-". */
        String perSave(String prefix) {
            long used = 0;
            boolean any = false;
            for (Map.Entry<String, Long> entry : ticks.entrySet()) {
                if (entry.getKey().startsWith(prefix)) {
                    used += entry.getValue();
                    any = true;
                }
            }
            if (!any || count.get() == 0) {
                return "-";
            }
            return String.format(Locale.ROOT, "%.2f", used * 10.0 / count.get());
        }
        private List<Long> sorted;

        void record(long nanos) {
            latencies.add(nanos);
            count.incrementAndGet();
        }

        synchronized void error(String kind) {
            errors++;
            errorKinds.merge(kind.length() > 60 ? kind.substring(0, 60) : kind, 1, Integer::sum);
        }

        double throughput() {
            return count.get() / (elapsedNanos / 1e9);
        }

        synchronized double percentile(double p) {
            if (sorted == null) {
                sorted = new ArrayList<>(latencies);
                Collections.sort(sorted);
            }
            if (sorted.isEmpty()) {
                return Double.NaN;
            }
            int index = (int) Math.min(sorted.size() - 1, Math.ceil(p / 100.0 * sorted.size()) - 1);
            return sorted.get(Math.max(0, index)) / 1e6;
        }
    }

    record Options(Set<String> runs, String root, int platforms, int concurrency, int seconds, int warmup, int values, boolean fastDb,
            boolean skipKill, boolean profile, String profiler, String profileEvent, boolean dbBaseline, int startSeconds, String work, String serviceJar, String gatewayJar, long killAfterMillis, int outboxWaitSeconds, String serviceHeap, String gatewayHeap, String serviceArgs) {

        static Options parse(String[] args) {
            Map<String, String> given = new HashMap<>();
            for (String arg : args) {
                if (arg.startsWith("--")) {
                    String[] pair = arg.substring(2).split("=", 2);
                    given.put(pair[0], pair.length > 1 ? pair[1] : "true");
                }
            }
            return new Options(Set.of(given.getOrDefault("runs", "direct-1,gateway-1,gateway-2,direct-2").split(",")),
                    given.getOrDefault("root", "."), Integer.parseInt(given.getOrDefault("platforms", "256")),
                    Integer.parseInt(given.getOrDefault("concurrency", "64")), Integer.parseInt(given.getOrDefault("seconds", "30")),
                    Integer.parseInt(given.getOrDefault("warmup", "10")), Integer.parseInt(given.getOrDefault("values", "40")),
                    given.containsKey("fast-db"), given.containsKey("skip-kill"),
                    given.containsKey("profile"), given.getOrDefault("profile", "jfr").equals("async") ? "async" : "jfr",
                    given.getOrDefault("profile-event", "ctimer"), !given.containsKey("no-db-baseline"),
                    Integer.parseInt(given.getOrDefault("start-seconds", "600")),
                    given.getOrDefault("work", "deploy/bench-indicator/target"),
                    given.getOrDefault("service-jar", "indicator-service/target/indicator-service.jar"),
                    given.getOrDefault("gateway-jar", "gateway/target/gateway.jar"),
                    Long.parseLong(given.getOrDefault("kill-after-ms", "4000")),
                    Integer.parseInt(given.getOrDefault("outbox-wait-seconds", "120")),
                    given.getOrDefault("service-heap", "768m"), given.getOrDefault("gateway-heap", "512m"),
                    given.getOrDefault("service-args", ""));
        }

        boolean asyncProfiler() {
            return profile && profiler.equals("async");
        }
    }
}
