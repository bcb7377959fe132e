package cn.chanjiao.deploy;

import static cn.chanjiao.deploy.Yamls.at;
import static cn.chanjiao.deploy.Yamls.list;
import static cn.chanjiao.deploy.Yamls.map;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The image tarballs the build writes ({@code <module>/target/<module>-image.tar}, Jib, profile
 * "images", on by default on Linux) are real images of the application: tagged as the manifests
 * expect, running as the non-root user the Deployments require, exposing server.port, the JVM
 * sized from the container limit, and holding a Java runtime, the C library it needs, the health
 * check class compose uses and the application's classes. Skipped when no tarball was built
 * (another operating system, {@code -DskipImages}, or this module built alone before the others).
 */
class ImageTarballsTest {

    private static final Map<String, Map<String, Integer>> LAYERS = new HashMap<>();
    private static final Map<String, String> PASSWD = new HashMap<>();
    private static Platform platform;

    @BeforeAll
    static void read() {
        platform = Platform.read();
    }

    @Test
    void everyBuiltImageIsARunnableImageOfItsApplication() throws IOException {
        List<Platform.App> built = new ArrayList<>();
        for (Platform.App app : platform.apps.values()) {
            if (Files.isRegularFile(tarball(app))) {
                built.add(app);
            }
        }
        if (Boolean.getBoolean("chanjiao.images.expected")) {
            assertThat(built).as("profile \"images\" is on: every application's tarball is built")
                    .hasSameSizeAs(platform.apps.values());
        } else {
            // profile "images" is off (not Linux, or -DskipImages): whatever tarballs an earlier build left are still checked
            assertThat(System.getProperty("chanjiao.images.expected")).isEqualTo("false");
        }

        Problems problems = new Problems("image tarballs");
        for (Platform.App app : built) {
            check(app, problems);
        }
        problems.assertNone();
    }

    /**
     * Each image's class-data archive is one its own runtime accepts: the image unpacked (somewhere
     * else than {@code /}, which the archive does not mind: it names its class path relative to the
     * working directory), its entrypoint run in its working directory with {@code -Xshare:on
     * -XX:+PrintSharedArchiveAndExit} by the image's {@code /opt/java/openjdk/bin/java}.
     */
    @Test
    void everyImageStartsFromItsClassDataArchive(@org.junit.jupiter.api.io.TempDir Path unpacked) throws Exception {
        Problems problems = new Problems("image class-data archives");
        int checked = 0;
        for (Platform.App app : platform.apps.values()) {
            Path tarball = tarball(app);
            if (!Files.isRegularFile(tarball)) {
                continue;
            }
            Path image = unpacked.resolve(app.module());
            Path root = image.resolve("root");
            Files.createDirectories(root);
            run(image, "tar", "-xf", tarball.toString(), "-C", image.toString());
            Object manifest = Yamls.parser().load(Files.readString(image.resolve("manifest.json")));
            for (Object layer : list(at(list(manifest).get(0), "Layers"))) {
                run(image, "tar", "-xzf", image.resolve(String.valueOf(layer)).toString(), "-C", root.toString());
            }
            Map<String, Object> config = map(at(Yamls.parser().load(Files.readString(image.resolve("config.json"))), "config"));
            List<String> command = new ArrayList<>();
            for (Object part : list(config.get("Entrypoint"))) {
                String arg = String.valueOf(part);
                if (command.isEmpty()) {
                    command.add(root.resolve("opt/java/openjdk/bin/java").toString());
                } else if (arg.equals("-Xshare:auto")) {
                    command.add("-Xshare:on"); // refuse to start without the archive
                } else {
                    if (arg.equals("-jar")) {
                        command.add("-XX:+PrintSharedArchiveAndExit");
                    }
                    command.add(arg);
                }
            }
            Path workDir = root.resolve(String.valueOf(config.get("WorkingDir")).substring(1));
            String output = run(workDir, command.toArray(String[]::new));
            problems.check(output.contains("archive is valid"), platform.root.relativize(tarball) + ": its runtime refuses its"
                    + " class-data archive: " + output.lines().filter(l -> !l.startsWith("[")).reduce((a, b) -> b).orElse(""));
            System.out.printf("%s: class-data archive %s valid in the unpacked image%n", app.module(),
                    output.contains("archive is valid") ? "is" : "is NOT");
            checked++;
        }
        if (Boolean.getBoolean("chanjiao.images.expected")) {
            assertThat(checked).as("every application's image was checked").isEqualTo(platform.apps.size());
        } else {
            assertThat(System.getProperty("chanjiao.images.expected")).isEqualTo("false");
        }
        problems.assertNone();
    }

    /** Runs a command in a folder; its output (stdout and stderr). */
    private static String run(Path directory, String... command) throws Exception {
        Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true).start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(120, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " did not finish in 120 s");
        }
        return output;
    }

    private static Path tarball(Platform.App app) {
        return platform.root.resolve(app.module()).resolve("target").resolve(app.module() + "-image.tar");
    }

    private static void check(Platform.App app, Problems problems) throws IOException {
        Path tarball = tarball(app);
        String where = platform.root.relativize(tarball).toString();
        Map<String, byte[]> json = new HashMap<>();
        Map<String, Integer> files = new HashMap<>();
        Map<String, String> texts = new HashMap<>();
        try (InputStream in = new BufferedInputStream(Files.newInputStream(tarball), 1 << 16)) {
            Tar.walk(in, (path, mode, type, content) -> {
                if (path.endsWith(".json")) {
                    json.put(path, content.readAllBytes());
                } else if (path.endsWith(".tar.gz")) {
                    Map<String, Integer> layer = LAYERS.get(path);
                    if (layer == null) {
                        Map<String, Integer> read = new HashMap<>();
                        Tar.walk(new GZIPInputStream(content, 1 << 16), (file, fileMode, fileType, fileContent) -> {
                            read.put(file, fileMode);
                            if (file.equals("etc/passwd")) {
                                PASSWD.put(path, new String(fileContent.readAllBytes(), StandardCharsets.UTF_8));
                            }
                        });
                        layer = read;
                        LAYERS.put(path, layer); // layers are named by digest: the base layer is read once for all images
                    }
                    files.putAll(layer);
                    if (PASSWD.containsKey(path)) {
                        texts.put("etc/passwd", PASSWD.get(path));
                    }
                }
            });
        }
        Object manifest = Yamls.parser().load(new String(json.getOrDefault("manifest.json", "[]".getBytes()), StandardCharsets.UTF_8));
        List<Object> tags = list(at(list(manifest).isEmpty() ? null : list(manifest).get(0), "RepoTags"));
        problems.check(tags.contains(app.image()), where + ": tagged " + tags + ", the manifests run " + app.image());

        Map<String, Object> config = map(at(Yamls.parser().load(new String(json.getOrDefault("config.json", "{}".getBytes()),
                StandardCharsets.UTF_8)), "config"));
        String user = String.valueOf(config.get("User"));
        problems.check(user.equals(platform.imageUser) && !user.startsWith("0") && !user.startsWith("root"),
                where + ": runs as " + user + ", should be the non-root " + platform.imageUser);
        problems.check(map(config.get("ExposedPorts")).keySet().equals(java.util.Set.of(app.port() + "/tcp")),
                where + ": exposes " + map(config.get("ExposedPorts")).keySet() + ", the application listens on " + app.port());
        List<String> entrypoint = new ArrayList<>();
        list(config.get("Entrypoint")).forEach(part -> entrypoint.add(String.valueOf(part)));
        List<String> expectedEnd = List.of("-jar", app.module() + ".jar");
        problems.check(!entrypoint.isEmpty() && entrypoint.get(0).equals("java") && entrypoint.containsAll(platform.jvmFlags)
                && entrypoint.contains("-XX:SharedArchiveFile=" + app.module() + ".jsa") && entrypoint.contains("-Xshare:auto")
                && entrypoint.size() > 2 && entrypoint.subList(entrypoint.size() - 2, entrypoint.size()).equals(expectedEnd),
                where + ": entrypoint " + entrypoint + " should be java -XX:SharedArchiveFile=" + app.module() + ".jsa"
                        + " -Xshare:auto " + platform.jvmFlags + " … -jar " + app.module() + ".jar");
        problems.check("/app".equals(config.get("WorkingDir")), where + ": works in " + config.get("WorkingDir")
                + ", the archive names its class path relative to /app");
        problems.check(platform.jvmFlags.stream().anyMatch(flag -> flag.startsWith("-XX:MaxRAMPercentage=")),
                "the images' JVM flags do not size the heap from the container limit (-XX:MaxRAMPercentage)");
        problems.check(list(config.get("Env")).stream().anyMatch(e -> String.valueOf(e).startsWith("PATH=")
                && String.valueOf(e).contains("/opt/java/openjdk/bin")), where + ": PATH does not hold /opt/java/openjdk/bin");

        String uid = platform.imageUser.split(":")[0];
        problems.check(texts.getOrDefault("etc/passwd", "").lines().anyMatch(line -> line.split(":").length > 2 && line.split(":")[2].equals(uid)),
                where + ": /etc/passwd has no user " + uid);
        executable(problems, where, files, "opt/java/openjdk/bin/java");
        problems.check(files.containsKey("opt/java/openjdk/lib/server/libjvm.so"), where + ": no libjvm.so");
        problems.check(files.keySet().stream().anyMatch(f -> f.endsWith("/libc.so.6")), where + ": no C library (libc.so.6)");
        problems.check(files.keySet().stream().anyMatch(f -> f.matches("lib(64)?/ld-linux[^/]*\\.so\\.\\d+")
                && (files.get(f) & 0111) != 0), where + ": no executable ELF loader under /lib64 or /lib");
        problems.check(files.containsKey("opt/chanjiao/HealthCheck.class"), where + ": no /opt/chanjiao/HealthCheck.class (compose's health check)");
        problems.check((files.getOrDefault("tmp", 0) & 0777) == 0777, where + ": /tmp is not writable for the non-root user");
        problems.check(files.containsKey("app/" + app.module() + ".jar"), where + ": no /app/" + app.module() + ".jar");
        problems.check(files.keySet().stream().anyMatch(f -> f.startsWith("app/lib/")), where + ": no /app/lib/ (the dependencies)");
        problems.check(files.keySet().stream().noneMatch(f -> f.startsWith("jib/")),
                where + ": Jib's own layout (/jib) should be filtered out of the image");
        System.out.printf("%s: %d MB, %d files, entrypoint %s%n", where, Files.size(tarball) >> 20, files.size(), entrypoint);
    }

    private static void executable(Problems problems, String where, Map<String, Integer> files, String path) {
        Integer mode = files.get(path);
        problems.check(mode != null && (mode & 0111) != 0, where + ": /" + path + " is missing or not executable");
    }
}
