package cn.chanjiao.testkit.cds;

import cn.chanjiao.testkit.engine.KeycloakServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The class-data sharing (CDS) archive of an application jar, the way Spring Boot documents it for
 * JDK 17: the jar extracted ({@code java -Djarmode=tools -jar x.jar extract}) into
 * {@code target/cds/<name>/}, a training run of the extracted jar with {@code -XX:ArchiveClassesAtExit}
 * and {@code -Dspring.context.exit=onRefresh} (the context starts — Flyway, Hibernate, the beans — and
 * the JVM exits before the web server and the Kafka listeners start), then every start with
 * {@code -XX:SharedArchiveFile}: the JVM maps the classes it would otherwise load, verify and link.
 *
 * <p>Cached next to the jar: {@code target/cds/<name>.stamp} names the jar's size and time and the
 * JDK the extraction and the archive belong to, so only a rebuilt jar is extracted and trained again.
 * The Maven build makes the archive ({@link ClassDataTraining}, phase {@code package}); the local
 * launcher ({@code deploy/local}) uses it.
 */
public final class ClassDataArchive {

    private final String name;
    private final Path jar;
    private final Path directory;

    public ClassDataArchive(String name, Path jar) {
        this.name = name;
        this.jar = jar.toAbsolutePath();
        this.directory = this.jar.getParent().resolve("cds");
    }

    public String name() {
        return name;
    }

    public Path jar() {
        return jar;
    }

    /** {@code target/cds}: the extracted jar, the archive, its stamp and the training's log. */
    public Path directory() {
        return directory;
    }

    /** The extracted jar the archive belongs to ({@code target/cds/<name>/<name>.jar}). */
    public Path extractedJar() {
        return directory.resolve(name).resolve(jar.getFileName());
    }

    public Path archive() {
        return directory.resolve(name + ".jsa");
    }

    /** The training run's output. */
    public Path trainingLog() {
        return directory.resolve(name + "-training.log");
    }

    private Path stamp() {
        return directory.resolve(name + ".stamp");
    }

    /** True when the archive exists and was made from the jar as it is now, by this JDK. */
    public boolean isCurrent() {
        try {
            return Files.isRegularFile(archive()) && Files.isRegularFile(extractedJar())
                    && Files.isRegularFile(stamp()) && Files.readString(stamp()).equals(jarStamp());
        } catch (IOException e) {
            return false;
        }
    }

    /** JVM options of a start that maps the archive ({@code -Xshare:auto}: a refused archive means a normal start). */
    public List<String> useOptions() {
        return List.of("-XX:SharedArchiveFile=" + archive(), "-Xshare:auto");
    }

    /** Extracts the jar afresh and deletes an archive of an older jar. */
    public void extract(String java, Duration timeout) {
        try {
            Files.createDirectories(directory);
            Files.deleteIfExists(stamp());
            Files.deleteIfExists(archive());
            Path destination = directory.resolve(name);
            deleteRecursively(destination);
            run(List.of(java, "-Djarmode=tools", "-jar", jar.toString(), "extract",
                    "--destination", destination.toString()), directory.resolve(name + "-extract.log"), timeout);
            if (!Files.isRegularFile(extractedJar())) {
                throw new IllegalStateException("the extraction of " + jar + " did not produce " + extractedJar());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot extract " + jar + ": " + e.getMessage(), e);
        }
    }

    /** JVM options of the training run: the archive is written when the JVM exits. */
    public List<String> trainingOptions() {
        return List.of("-XX:ArchiveClassesAtExit=" + temporaryArchive(), "-Dspring.context.exit=onRefresh");
    }

    private Path temporaryArchive() {
        return directory.resolve(name + ".jsa.tmp");
    }

    /** After a training run that exited with 0: the archive takes its place, the stamp names the jar. */
    public boolean completeTraining() {
        try {
            if (!Files.isRegularFile(temporaryArchive()) || Files.size(temporaryArchive()) == 0) {
                return false;
            }
            Files.move(temporaryArchive(), archive(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            Files.writeString(stamp(), jarStamp());
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private String jarStamp() throws IOException {
        FileTime modified = Files.getLastModifiedTime(jar);
        return Files.size(jar) + " " + modified.toMillis() + " " + System.getProperty("java.home") + "\n";
    }

    static void run(List<String> command, Path log, Duration timeout) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile())).start();
        process.getOutputStream().close();
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish in " + timeout.toSeconds() + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IllegalStateException("interrupted", e);
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed with code " + process.exitValue()
                    + ":\n" + KeycloakServer.tail(log, 15));
        }
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        List<Path> all = new ArrayList<>();
        try (var walk = Files.walk(path)) {
            walk.sorted(Comparator.reverseOrder()).forEach(all::add);
        }
        for (Path p : all) {
            Files.deleteIfExists(p);
        }
    }
}
