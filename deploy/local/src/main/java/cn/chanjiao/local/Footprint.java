package cn.chanjiao.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What each part of the platform holds and has used: resident memory (RSS; and PSS, which shares
 * the pages several processes map — PostgreSQL's shared buffers, the JDK's own class-data archive —
 * among them, so that it adds up) and CPU time (user + system) of its processes, read from
 * {@code /proc} (Linux; elsewhere the figures are absent). CPU seconds are comparable between runs
 * whatever else the machine is doing, wall-clock seconds are not.
 */
final class Footprint {

    /** Linux reports times in clock ticks of {@code USER_HZ}, 100 on every architecture the JDK runs on. */
    private static final double TICKS_PER_SECOND = 100.0;

    private final Map<String, Usage> parts = new LinkedHashMap<>();

    /** One part's figures. */
    record Usage(long rssBytes, long pssBytes, double cpuSeconds, int processes) {

        static final Usage NONE = new Usage(0, 0, 0, 0);

        Usage plus(Usage other) {
            return new Usage(rssBytes + other.rssBytes, pssBytes + other.pssBytes, cpuSeconds + other.cpuSeconds,
                    processes + other.processes);
        }

        Usage minus(Usage other) {
            return new Usage(rssBytes - other.rssBytes, pssBytes - other.pssBytes, cpuSeconds - other.cpuSeconds,
                    processes - other.processes);
        }
    }

    static boolean supported() {
        return Files.isReadable(Path.of("/proc/self/status"));
    }

    /** Measures a part: the given processes and all their descendants. */
    Footprint add(String part, Stream<ProcessHandle> roots) {
        List<ProcessHandle> all = new ArrayList<>();
        roots.forEach(root -> {
            all.add(root);
            root.descendants().forEach(all::add);
        });
        Usage usage = Usage.NONE;
        for (ProcessHandle handle : all) {
            usage = usage.plus(of(handle.pid()));
        }
        parts.merge(part, usage, Usage::plus);
        return this;
    }

    Map<String, Usage> parts() {
        return parts;
    }

    Usage total() {
        return parts.values().stream().reduce(Usage.NONE, Usage::plus);
    }

    /** A table: one line a part, then the total. */
    String table(String indent) {
        StringBuilder b = new StringBuilder();
        parts.forEach((part, usage) -> b.append(line(indent, part, usage)));
        b.append(line(indent, "total", total()));
        return b.toString();
    }

    private static String line(String indent, String part, Usage usage) {
        return String.format(Locale.ROOT, "%s%-22s %6d MB RSS %6d MB PSS %7.1f CPU-s%n", indent, part,
                usage.rssBytes() / (1024 * 1024), usage.pssBytes() / (1024 * 1024), usage.cpuSeconds());
    }

    /** The machine's load average (1, 5, 15 minutes), or empty off Linux. */
    static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    /** CPU seconds (user + system) a process has used so far; 0 when it is gone or off Linux. */
    static double cpuSeconds(long pid) {
        return of(pid).cpuSeconds();
    }

    private static Usage of(long pid) {
        long rss = 0;
        long pss = 0;
        double cpu = 0;
        try {
            Path rollup = Path.of("/proc", Long.toString(pid), "smaps_rollup");
            if (Files.isReadable(rollup)) {
                for (String line : Files.readAllLines(rollup)) {
                    if (line.startsWith("Pss:")) {
                        pss = Long.parseLong(line.replaceAll("\\D", "")) * 1024;
                        break;
                    }
                }
            }
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    rss = Long.parseLong(line.replaceAll("\\D", "")) * 1024;
                    break;
                }
            }
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // the command name (field 2) may hold spaces: count the fields after its closing parenthesis
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            cpu = (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return Usage.NONE;
        }
        return new Usage(rss, pss == 0 ? rss : pss, cpu, 1);
    }
}
