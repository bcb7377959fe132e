package cn.chanjiao.local;

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
 * Class-data sharing for an application jar, the way Spring Boot documents it for JDK 17: the jar
 * extracted ({@code java -Djarmode=tools -jar x.jar extract}) into {@code target/cds/<name>/}, a
 * training run of the extracted jar with {@code -XX:ArchiveClassesAtExit} and
 * {@code -Dspring.context.exit=onRefresh} (the context starts — Flyway, Hibernate, the beans — and the
 * JVM exits before the web server and the Kafka listeners start), then every start with
 * {@code -XX:SharedArchiveFile}: the JVM maps the classes it would otherwise load, verify and link.
 *
 * <p>Cached next to the jar: {@code target/cds/<name>.stamp} names the jar's size and time the
 * extraction and the archive belong to, so a rebuilt jar is extracted and trained again on the
 * launcher's next start (the training needs the database, which the launcher has running).
 */
final class ClassDataSharing {

    private final String name;
    private final Path jar;
    private final Path directory;

    ClassDataSharing(String name, Path jar) {
        this.name = name;
        this.jar = jar;
        this.directory = jar.toAbsolutePath().getParent().resolve("cds");
    }

    /** The extracted jar the archive belongs to ({@code target/cds/<name>/<name>.jar}). */
    Path extractedJar() {
        return directory.resolve(name).resolve(jar.getFileName());
    }

    Path archive() {
        return directory.resolve(name + ".jsa");
    }

    private Path stamp() {
        return directory.resolve(name + ".stamp");
    }

    /** True when the archive exists and was made from the jar as it is now. */
    boolean isCurrent() {
        try {
            return Files.isRegularFile(archive()) && Files.isRegularFile(extractedJar())
                    && Files.isRegularFile(stamp()) && Files.readString(stamp()).equals(jarStamp());
        } catch (IOException e) {
            return false;
        }
    }

    /** JVM options that use the archive; none when it is not current (a stale archive would be refused anyway). */
    List<String> useOptions() {
        return List.of("-XX:SharedArchiveFile=" + archive(), "-Xshare:auto");
    }

    /** Extracts the jar afresh and deletes an archive of an older jar. */
    void extract(String java, Duration timeout) {
        try {
            Files.createDirectories(directory);
            Files.deleteIfExists(stamp());
            Files.deleteIfExists(archive());
            Path destination = directory.resolve(name);
            deleteRecursively(destination);
            run(List.of(java, "-Djarmode=tools", "-jar", jar.toAbsolutePath().toString(), "extract",
                    "--destination", destination.toString()), directory.resolve(name + "-extract.log"), timeout);
            if (!Files.isRegularFile(extractedJar())) {
                throw new IllegalStateException("the extraction of " + jar + " did not produce " + extractedJar());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot extract " + jar + ": " + e.getMessage(), e);
        }
    }

    /** JVM options of the training run: the archive is written when the JVM exits. */
    List<String> trainingOptions() {
        return List.of("-XX:ArchiveClassesAtExit=" + temporaryArchive(), "-Dspring.context.exit=onRefresh");
    }

    private Path temporaryArchive() {
        return directory.resolve(name + ".jsa.tmp");
    }

    /** After a training run that exited with 0: the archive takes its place, the stamp names the jar. */
    boolean completeTraining() {
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

    private static void run(List<String> command, Path log, Duration timeout) throws IOException {
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
                    + ":\n" + ManagedProcess.tail(log, 15));
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
