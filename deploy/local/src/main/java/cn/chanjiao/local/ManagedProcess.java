package cn.chanjiao.local;

import cn.chanjiao.testkit.engine.KeycloakServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A child process the launcher started, with its output in a log file and a pid file so that a
 * later run can clean up after a launcher that was killed without its shutdown hook.
 *
 * <p>Stopping takes the whole process tree: {@code kc.sh} runs Keycloak's java as its child on
 * restarts (on a first start it execs into it), so the children are signalled as well as the process.
 */
final class ManagedProcess {

    private final String name;
    private final Process process;
    private final Path log;
    private final Path pidFile;

    private ManagedProcess(String name, Process process, Path log, Path pidFile) {
        this.name = name;
        this.process = process;
        this.log = log;
        this.pidFile = pidFile;
    }

    /**
     * Starts {@code command} with stdout and stderr appended to {@code logs/<name>.log} (the previous
     * run's log moves to {@code <name>.log.1}).
     */
    static ManagedProcess start(String name, List<String> command, Path workingDirectory, Map<String, String> environment,
            Path logDirectory, Path runDirectory) {
        try {
            Files.createDirectories(logDirectory);
            Files.createDirectories(runDirectory);
            Path log = logDirectory.resolve(name + ".log");
            if (Files.exists(log)) {
                Files.move(log, logDirectory.resolve(name + ".log.1"), StandardCopyOption.REPLACE_EXISTING);
            }
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(workingDirectory.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.PIPE);
            builder.environment().putAll(environment);
            Process process = builder.start();
            // no input for children: a closed stdin, not the terminal's
            process.getOutputStream().close();
            Path pidFile = runDirectory.resolve(name + ".pid");
            Files.writeString(pidFile, process.pid() + "\n" + String.join(" ", command) + "\n");
            return new ManagedProcess(name, process, log, pidFile);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name + ": " + e.getMessage(), e);
        }
    }

    String name() {
        return name;
    }

    long pid() {
        return process.pid();
    }

    Path log() {
        return log;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    Optional<Integer> exitCode() {
        return process.isAlive() ? Optional.empty() : Optional.of(process.exitValue());
    }

    /** The process and every descendant still running. */
    List<ProcessHandle> tree() {
        List<ProcessHandle> tree = new ArrayList<>();
        process.descendants().forEach(tree::add);
        tree.add(process.toHandle());
        return tree;
    }

    /** Asks the whole tree to stop (SIGTERM); see {@link #awaitStopped(Duration)}. */
    List<ProcessHandle> requestStop() {
        List<ProcessHandle> tree = tree();
        tree.forEach(ProcessHandle::destroy);
        return tree;
    }

    /** Stops the tree: SIGTERM, then SIGKILL for whatever still runs after {@code grace}. */
    void stop(Duration grace) {
        awaitStopped(requestStop(), grace);
        deletePidFile();
    }

    static void awaitStopped(List<ProcessHandle> tree, Duration grace) {
        KeycloakServer.awaitStopped(tree, grace);
    }

    /**
     * Records a process this launcher started by other means (Keycloak, through the test kit's
     * {@code KeycloakServer}) the way {@link #start} records its own, for {@link #stopLeftovers}.
     */
    static void recordPid(Path runDirectory, String name, long pid, List<String> command) {
        try {
            Files.createDirectories(runDirectory);
            Files.writeString(runDirectory.resolve(name + ".pid"), pid + "\n" + String.join(" ", command) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record the pid of " + name + ": " + e.getMessage(), e);
        }
    }

    static void deletePidFile(Path runDirectory, String name) {
        try {
            Files.deleteIfExists(runDirectory.resolve(name + ".pid"));
        } catch (IOException ignored) {
            // a stale pid file is checked against the command line before it is acted on
        }
    }

    void deletePidFile() {
        try {
            Files.deleteIfExists(pidFile);
        } catch (IOException ignored) {
            // a stale pid file is checked against the command line before it is acted on
        }
    }

    /** The last {@code lines} lines of the log. */
    String tail(int lines) {
        return tail(log, lines);
    }

    static String tail(Path file, int lines) {
        return KeycloakServer.tail(file, lines);
    }

    /**
     * Stops what a previous run left behind: a pid file whose process is still alive and still runs
     * the recorded command (so a recycled pid is never touched). Returns a line for each one stopped.
     */
    static List<String> stopLeftovers(Path runDirectory, Duration grace) {
        List<String> stopped = new ArrayList<>();
        if (!Files.isDirectory(runDirectory)) {
            return stopped;
        }
        List<ProcessHandle> trees = new ArrayList<>();
        try (var files = Files.list(runDirectory)) {
            for (Path pidFile : files.filter(f -> f.toString().endsWith(".pid")).toList()) {
                List<String> lines = Files.readAllLines(pidFile);
                if (lines.isEmpty()) {
                    Files.deleteIfExists(pidFile);
                    continue;
                }
                long pid = Long.parseLong(lines.get(0).trim());
                String recorded = lines.size() > 1 ? lines.get(1) : "";
                Optional<ProcessHandle> handle = ProcessHandle.of(pid);
                if (handle.isPresent() && handle.get().isAlive() && sameCommand(handle.get(), recorded)) {
                    List<ProcessHandle> tree = new ArrayList<>();
                    handle.get().descendants().forEach(tree::add);
                    tree.add(handle.get());
                    tree.forEach(ProcessHandle::destroy);
                    trees.addAll(tree);
                    String name = pidFile.getFileName().toString().replace(".pid", "");
                    stopped.add(name + " (pid " + pid + ")");
                }
                Files.deleteIfExists(pidFile);
            }
        } catch (IOException | NumberFormatException e) {
            stopped.add("(could not read pid files in " + runDirectory + ": " + e.getMessage() + ")");
        }
        // all were asked at once; now give them their grace time together
        awaitStopped(trees, grace);
        return stopped;
    }

    private static boolean sameCommand(ProcessHandle handle, String recorded) {
        Optional<String> commandLine = handle.info().commandLine();
        if (commandLine.isEmpty() || recorded.isBlank()) {
            return false;
        }
        // kc.sh execs into java on a first start: compare on what both lines surely share
        String[] words = recorded.split(" ");
        String marker = words[words.length - 1];
        for (String word : words) {
            if (word.endsWith(".jar") || word.endsWith("kc.sh")) {
                marker = word.endsWith("kc.sh") ? word.substring(0, word.length() - "bin/kc.sh".length()) : word;
            }
        }
        return commandLine.get().contains(marker);
    }

    @Override
    public String toString() {
        return name + " (pid " + pid() + ")";
    }
}
