package cn.chanjiao.testkit.engine;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A real Kafka broker in KRaft mode (broker and controller in one node), run in this JVM from the
 * Kafka jars. The storage is formatted once; a stopped broker starts again on the same port with
 * the same log directory, as a restarted production broker would.
 */
public final class KraftBroker implements MessageBroker {

    private static final int NODE_ID = 1;
    private static final String CLUSTER_ID_FILE = "chanjiao-cluster-id";

    private final int port;
    private final int controllerPort;
    private final Path logDirectory;
    private KafkaRaftServer server;

    /**
     * @param port           the client port, 0 for any free port
     * @param controllerPort the KRaft controller port, 0 for any free port
     * @param logDirectory   where the broker keeps its logs and metadata
     */
    public KraftBroker(int port, int controllerPort, Path logDirectory) {
        this.port = port > 0 ? port : freePort();
        this.controllerPort = controllerPort > 0 ? controllerPort : freePort();
        this.logDirectory = logDirectory.toAbsolutePath();
    }

    @Override
    public synchronized void start() {
        if (server != null) {
            return;
        }
        KafkaConfig config = new KafkaConfig(properties(), false);
        formatOnce();
        KafkaRaftServer raftServer = new KafkaRaftServer(config, Time.SYSTEM);
        raftServer.startup();
        server = raftServer;
    }

    @Override
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        server.shutdown();
        server.awaitShutdown();
        server = null;
    }

    @Override
    public synchronized boolean isRunning() {
        return server != null;
    }

    @Override
    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    private Map<String, Object> properties() {
        Map<String, Object> props = new HashMap<>();
        props.put("process.roles", "broker,controller");
        props.put("node.id", String.valueOf(NODE_ID));
        props.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        props.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        props.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        props.put("controller.listener.names", "CONTROLLER");
        props.put("inter.broker.listener.name", "PLAINTEXT");
        props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        props.put("log.dirs", logDirectory.toString());
        props.put("num.partitions", "3");
        props.put("auto.create.topics.enable", "true");
        props.put("offsets.topic.replication.factor", "1");
        props.put("offsets.topic.num.partitions", "5");
        props.put("transaction.state.log.replication.factor", "1");
        props.put("transaction.state.log.min.isr", "1");
        props.put("share.coordinator.state.topic.replication.factor", "1");
        props.put("share.coordinator.state.topic.min.isr", "1");
        props.put("group.initial.rebalance.delay.ms", "0");
        props.put("log.retention.hours", "168");
        props.put("log.segment.bytes", String.valueOf(16 * 1024 * 1024));
        props.put("log.flush.interval.messages", "1");
        // one machine, a handful of clients: fewer threads and smaller buffers than a production
        // broker's defaults (the log cleaner alone would take a 128 MB dedupe buffer; 2 MB hold the
        // offsets of ~87,000 keys per cleaning, far more than a local platform's compacted topics have)
        props.put("num.network.threads", "2");
        props.put("num.io.threads", "2");
        props.put("background.threads", "2");
        props.put("num.recovery.threads.per.data.dir", "1");
        props.put("log.cleaner.threads", "1");
        props.put("log.cleaner.dedupe.buffer.size", String.valueOf(2 * 1024 * 1024));
        props.put("log.cleaner.io.buffer.size", String.valueOf(256 * 1024));
        props.put("socket.send.buffer.bytes", String.valueOf(64 * 1024));
        props.put("socket.receive.buffer.bytes", String.valueOf(64 * 1024));
        return props;
    }

    private void formatOnce() {
        Path clusterIdFile = logDirectory.resolve(CLUSTER_ID_FILE);
        if (Files.exists(logDirectory.resolve("meta.properties"))) {
            return;
        }
        try {
            Files.createDirectories(logDirectory);
            String clusterId = Files.exists(clusterIdFile) ? Files.readString(clusterIdFile).trim()
                    : org.apache.kafka.common.Uuid.randomUuid().toString();
            Files.writeString(clusterIdFile, clusterId);
            new Formatter()
                    .setPrintStream(new PrintStream(PrintStream.nullOutputStream()))
                    .setClusterId(clusterId)
                    .setNodeId(NODE_ID)
                    .setControllerListenerName("CONTROLLER")
                    .setMetadataLogDirectory(logDirectory.toString())
                    .setDirectories(List.of(logDirectory.toString()))
                    .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                    .setIgnoreFormatted(true)
                    .run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException("could not format Kafka storage in " + logDirectory + ": " + e.getMessage(), e);
        }
    }

    /** A port that was free a moment ago. */
    public static int freePort() {
        // the kernel may hand the same ephemeral port to two binds in a row once the first socket is
        // closed (seen: broker and controller listeners on one port); never hand a port out twice per JVM
        for (int attempt = 0; attempt < 50; attempt++) {
            try (ServerSocket socket = new ServerSocket(0)) {
                socket.setReuseAddress(true);
                int candidate = socket.getLocalPort();
                if (HANDED_OUT.add(candidate)) {
                    return candidate;
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        throw new IllegalStateException("no free port that was not handed out before");
    }

    private static final java.util.Set<Integer> HANDED_OUT = java.util.concurrent.ConcurrentHashMap.newKeySet();

    @Override
    public String toString() {
        return "KRaft broker " + bootstrapServers() + " (" + logDirectory + ")";
    }
}
