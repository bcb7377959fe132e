package cn.chanjiao.testkit.cds;

import cn.chanjiao.testkit.engine.KeycloakServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * An application's files for its container image, with a class-data archive the image can use
 * ({@code <module>/target/cds/image/<name>/}: {@code <name>.jar}, {@code lib/}, {@code <name>.jsa}).
 * Jib copies the folder to {@code /app} (root pom, profile "images"); the image starts
 * {@code java -XX:SharedArchiveFile=<name>.jsa -Xshare:auto … -jar <name>.jar} in {@code /app}.
 *
 * <p>A JDK 17 archive holds only where it was made: the same JVM with the same base archive, the same
 * class path as written on the command line, each jar with the same size and modification time. So
 * the training run here uses the image's own Java runtime ({@code target/image-runtime/java}, cut by
 * {@code deploy/images/build-runtime.sh} with its base archive), runs in the folder with the
 * relative {@code -jar <name>.jar} the image uses, and every file gets the time Jib writes into the
 * image (one second after the epoch, Jib's default). The runtime's own path is not checked, so the
 * archive made here in {@code target/} is valid in the image under {@code /app} and
 * {@code /opt/java/openjdk} (checked by deploy/manifests-test {@code ImageTarballsTest}, which unpacks
 * each image and asks its runtime).
 *
 * <p>The build makes it from {@link ClassDataTraining} ({@code --image-java=…}, profile "images"), on the
 * engines of the local archive's training; alone:
 *
 * <pre>java -cp &lt;test class path&gt; cn.chanjiao.testkit.cds.ImageClassData --jar=target/x.jar --name=x
 *      --image-java=target/image-runtime/java [--skip-training=true]</pre>
 */
public final class ImageClassData {

    /** What Jib gives every file it puts into an image ({@code container.filesModificationTime}, default). */
    static final FileTime JIB_FILE_TIME = FileTime.from(Instant.ofEpochSecond(1));

    /** The training run's JVM options (a small heap keeps compressed pointers, as in any container). */
    static final List<String> JVM_OPTIONS = List.of("-Xmx384m", "-XX:TieredStopAtLevel=1", "-Dfile.encoding=UTF-8");

    private static final Duration TIMEOUT = Duration.ofMinutes(10);

    private ImageClassData() {
    }

    public static void main(String[] args) throws IOException {
        Map<String, String> options = ClassDataTraining.options(args,
                "--jar=<executable jar> --name=<name> --image-java=<runtime> [--skip-training=true]");
        Path jar = Path.of(ClassDataTraining.required(options, "jar")).toAbsolutePath();
        String name = ClassDataTraining.required(options, "name");
        Path runtime = Path.of(ClassDataTraining.required(options, "image-java")).toAbsolutePath();
        boolean train = !Boolean.parseBoolean(options.getOrDefault("skip-training", "false"));
        ClassDataTraining.quietLogging();
        try (ClassDataTraining.Engines engines = new ClassDataTraining.Engines(jar.getParent().resolve("cds/engines"))) {
            make(jar, name, runtime, train, engines);
        }
    }

    /** Makes the image's folder of the application unless it is current (the build: {@link ClassDataTraining}). */
    static void make(Path jar, String name, Path runtime, boolean train, ClassDataTraining.Engines engines) throws IOException {
        Path images = jar.getParent().resolve("cds").resolve("image");
        Path folder = images.resolve(name);
        Path stampFile = images.resolve(name + ".stamp");
        String stamp = stamp(jar, runtime, train);
        if (Files.isRegularFile(stampFile) && Files.readString(stampFile).equals(stamp)
                && Files.isRegularFile(folder.resolve(jar.getFileName()))) {
            System.out.println("[cds] " + name + ": the image's files in " + folder + " are current");
            return;
        }
        Instant t0 = Instant.now();
        Files.createDirectories(images);
        Files.deleteIfExists(stampFile);
        ClassDataTraining.deleteRecursively(folder);
        Files.createDirectories(folder);
        String hostJava = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ClassDataArchive.run(List.of(hostJava, "-Djarmode=tools", "-jar", jar.toString(), "extract",
                "--destination", folder.toString()), images.resolve(name + "-extract.log"), TIMEOUT);
        Path extracted = folder.resolve(jar.getFileName());
        if (!Files.isRegularFile(extracted)) {
            throw new IllegalStateException("the extraction of " + jar + " did not produce " + extracted);
        }
        setJibFileTimes(folder);
        String made = "without a class-data archive";
        if (train) {
            try {
                Path archive = train(name, runtime, folder, extracted.getFileName().toString(), images, engines);
                made = String.format(Locale.ROOT, "with a class-data archive (%d MB)", Files.size(archive) >> 20);
            } catch (RuntimeException | IOException e) {
                // an optimisation: the image starts without it (-Xshare:auto)
                System.out.println("[cds] WARNING: no class-data archive in the image of " + name + ": " + e.getMessage());
            }
        }
        Files.writeString(stampFile, stamp);
        System.out.printf(Locale.ROOT, "[cds] %s: the image's files in %s, %s, in %.1f s%n", name, folder, made,
                Duration.between(t0, Instant.now()).toMillis() / 1000.0);
    }

    /** What the folder was made from: the jar (size, time), the runtime and whether it was trained. */
    private static String stamp(Path jar, Path runtime, boolean train) throws IOException {
        return Files.size(jar) + " " + Files.getLastModifiedTime(jar).toMillis() + " "
                + Files.size(runtime.resolve("lib/modules")) + " " + Files.size(runtime.resolve("lib/server/libjvm.so"))
                + " " + runtime + " training=" + train + "\n";
    }

    /**
     * The image's files of an application with their class-data archive, made from the jar as it is now
     * with the runtime as it is now; empty when there are none (no "images" build, an older jar, no archive).
     * The local launcher starts the application from them with the image's runtime: {@code
     * <java> -XX:SharedArchiveFile=<archive> -Xshare:auto … -jar <jarName>} in {@code folder}.
     */
    public static Optional<Folder> current(Path jar, String name, Path runtime) {
        Path images = jar.toAbsolutePath().getParent().resolve("cds").resolve("image");
        Folder folder = new Folder(images.resolve(name), jar.getFileName().toString(),
                images.resolve(name).resolve(name + ".jsa"), runtime.toAbsolutePath().resolve("bin").resolve("java"));
        try {
            Path stampFile = images.resolve(name + ".stamp");
            boolean current = Files.isRegularFile(jar) && Files.isExecutable(folder.java())
                    && Files.isRegularFile(folder.archive()) && Files.isRegularFile(folder.folder().resolve(folder.jarName()))
                    && Files.isRegularFile(stampFile)
                    && Files.readString(stampFile).equals(stamp(jar.toAbsolutePath(), runtime.toAbsolutePath(), true));
            return current ? Optional.of(folder) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * An application's image files: the folder (the working directory of a start), the jar's name relative
     * to it (the class path the archive was made with), the archive and the image runtime's {@code java}.
     */
    public record Folder(Path folder, String jarName, Path archive, Path java) {

        /** JVM options of a start that maps the archive ({@code -Xshare:auto}: a refused archive means a normal start). */
        public List<String> useOptions() {
            return List.of("-XX:SharedArchiveFile=" + archive, "-Xshare:auto");
        }
    }

    /** The training run with the image's runtime, in the folder, as the image starts it; the archive lands in the folder. */
    private static Path train(String name, Path runtime, Path folder, String jarName, Path images,
            ClassDataTraining.Engines engines) throws IOException {
        Path temporary = images.resolve(name + ".jsa.tmp");
        Files.deleteIfExists(temporary);
        Path log = images.resolve(name + "-training.log");
        List<String> jvm = new ArrayList<>(JVM_OPTIONS);
        jvm.add("-XX:ArchiveClassesAtExit=" + temporary);
        jvm.add("-Dspring.context.exit=onRefresh");
        List<Path> before;
        try (var files = Files.list(folder)) {
            before = files.toList();
        }
        // the working directory is the folder itself: the class path is recorded as "<name>.jar" and "lib/…"
        ClassDataTraining.run(name, runtime.resolve("bin/java").toString(), jvm, jarName, folder, log, engines);
        try (var files = Files.list(folder)) {
            // e.g. application-service's attachment folder (a relative path by default): not part of the image
            for (Path written : files.filter(f -> !before.contains(f)).toList()) {
                System.out.println("[cds] " + name + ": the training run wrote " + folder.relativize(written)
                        + " into the image's folder; deleted");
                ClassDataTraining.deleteRecursively(written);
            }
        }
        if (!Files.isRegularFile(temporary) || Files.size(temporary) == 0) {
            throw new IllegalStateException("the training run wrote no archive; last lines of " + log + ":\n"
                    + KeycloakServer.tail(log, 30));
        }
        Path archive = folder.resolve(name + ".jsa");
        Files.move(temporary, archive, StandardCopyOption.REPLACE_EXISTING);
        Files.setLastModifiedTime(archive, JIB_FILE_TIME);
        return archive;
    }

    private static void setJibFileTimes(Path folder) {
        try (var walk = Files.walk(folder)) {
            for (Path path : walk.toList()) {
                Files.setLastModifiedTime(path, JIB_FILE_TIME);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot set the file times in " + folder + ": " + e.getMessage(), e);
        }
    }
}
