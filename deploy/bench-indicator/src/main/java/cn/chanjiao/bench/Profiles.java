package cn.chanjiao.bench;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Where a process spent its CPU during a measured run, from its JFR recording's
 * {@code jdk.ExecutionSample} events (threads running Java code, sampled every 10 ms with the
 * {@code profile} settings): the hottest methods (top frame, "self"), the samples per library (the
 * innermost frame outside the JDK decides), and the project's own methods inclusive of what they call.
 * The same figures as {@code jfr print --events jdk.ExecutionSample <file>} aggregated by hand, or
 * {@code jfr view hot-methods <file>} of JDK 21+.
 */
final class Profiles {

    /** Package prefixes, most specific first, and the name a sample is counted under. */
    private static final List<String[]> LIBRARIES = List.of(
            new String[] { "org.postgresql", "pgjdbc" },
            new String[] { "com.zaxxer.hikari", "HikariCP" },
            new String[] { "tools.jackson", "Jackson" },
            new String[] { "com.fasterxml.jackson", "Jackson" },
            new String[] { "org.hibernate.validator", "Bean Validation (Hibernate Validator)" },
            new String[] { "jakarta.validation", "Bean Validation (Hibernate Validator)" },
            new String[] { "com.nimbusds", "JWT (Nimbus)" },
            new String[] { "org.springframework.security", "Spring Security" },
            new String[] { "org.springframework.cloud.gateway", "Spring Cloud Gateway" },
            new String[] { "org.springframework.cloud", "Spring Cloud (load balancer, discovery)" },
            new String[] { "org.springframework.jdbc", "Spring JDBC" },
            new String[] { "org.springframework.transaction", "Spring transactions" },
            new String[] { "org.springframework.web.servlet", "Spring MVC" },
            new String[] { "org.springframework.web.reactive", "Spring WebFlux" },
            new String[] { "org.springframework.web.server", "Spring WebFlux" },
            new String[] { "org.springframework.http", "Spring web (http)" },
            new String[] { "org.springframework.web", "Spring web" },
            new String[] { "org.springframework.boot", "Spring Boot" },
            new String[] { "org.springframework.aop", "Spring AOP" },
            new String[] { "org.springframework.core", "Spring core" },
            new String[] { "org.springframework.beans", "Spring beans" },
            new String[] { "org.springframework.util", "Spring core" },
            new String[] { "org.springframework", "Spring (other)" },
            new String[] { "io.micrometer", "Micrometer (observation)" },
            new String[] { "io.netty", "Netty" },
            new String[] { "reactor.netty", "Reactor Netty" },
            new String[] { "reactor", "Reactor" },
            new String[] { "org.apache.tomcat", "Tomcat" },
            new String[] { "org.apache.coyote", "Tomcat" },
            new String[] { "org.apache.catalina", "Tomcat" },
            new String[] { "ch.qos.logback", "logging" },
            new String[] { "org.slf4j", "logging" },
            new String[] { "org.apache.kafka", "Kafka client" },
            new String[] { "io.github.bucket4j", "Bucket4j" },
            new String[] { "com.github.benmanes.caffeine", "Caffeine" },
            new String[] { "cn.chanjiao", "Chanjiao code" });

    /** async-profiler's sampling interval: 1 ms of CPU time per sample ({@code event=ctimer} counts CPU time per thread). */
    static final long ASYNC_INTERVAL_NANOS = 1_000_000;

    private Profiles() {
    }

    /**
     * The same summary from async-profiler's collapsed stacks ({@code root;...;leaf count} per line): every
     * thread that used CPU is sampled, JIT compiler and GC threads and native/kernel frames included, so
     * the library shares add up to the process's whole CPU, not only its Java code's.
     */
    static String hotCollapsed(Path stacks, String title, int top) throws IOException {
        Map<String, Integer> self = new HashMap<>();
        Map<String, Integer> libraries = new HashMap<>();
        Map<String, Integer> ours = new HashMap<>();
        int samples = 0;
        for (String line : java.nio.file.Files.readAllLines(stacks)) {
            int space = line.lastIndexOf(' ');
            if (space <= 0) {
                continue;
            }
            int count = Integer.parseInt(line.substring(space + 1).trim());
            List<String> frames = new java.util.ArrayList<>(List.of(line.substring(0, space).split(";")));
            java.util.Collections.reverse(frames); // leaf first, as in JFR
            frames.replaceAll(Profiles::javaName);
            samples += count;
            self.merge(frames.get(0), count, Integer::sum);
            libraries.merge(libraryOfNames(frames), count, Integer::sum);
            Set<String> seen = new HashSet<>();
            for (String method : frames) {
                if (method.startsWith("cn.chanjiao.") && seen.add(method)) {
                    ours.merge(method, count, Integer::sum);
                }
            }
        }
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
                "%nprofile %s: %d CPU samples of %d ms (async-profiler, %s)%n", title, samples, ASYNC_INTERVAL_NANOS / 1_000_000,
                stacks.getFileName()));
        section(out, "hottest frames (self)", self, samples, top);
        section(out, "by library (innermost frame outside the JDK; JVM threads by kind)", libraries, samples, top);
        section(out, "Chanjiao methods (inclusive)", ours, samples, 12);
        return out.toString();
    }

    /** A Java frame {@code a/b/C.m_[j]} as {@code a.b.C.m}; native and kernel frames unchanged. */
    private static String javaName(String frame) {
        String name = frame.endsWith("]") && frame.lastIndexOf("_[") > 0 ? frame.substring(0, frame.lastIndexOf("_[")) : frame;
        return isJava(name) ? name.replace('/', '.') : name;
    }

    private static boolean isJava(String frame) {
        return frame.indexOf('/') > 0 && !frame.contains("::") && !frame.startsWith("[");
    }

    private static String libraryOfNames(List<String> frames) {
        boolean anyJava = false;
        for (String frame : frames) {
            if (!frame.contains(".") || frame.contains("::") || frame.startsWith("[")) {
                continue; // native or kernel
            }
            anyJava = true;
            if (frame.startsWith("java.") || frame.startsWith("jdk.") || frame.startsWith("sun.") || frame.startsWith("javax.")
                    || frame.startsWith("com.sun.")) {
                continue;
            }
            for (String[] library : LIBRARIES) {
                if (frame.startsWith(library[0])) {
                    return library[1];
                }
            }
            String[] parts = frame.split("\\.");
            return String.join(".", java.util.Arrays.copyOf(parts, Math.min(3, parts.length - 1)));
        }
        if (anyJava) {
            return "JDK only";
        }
        String stack = String.join(";", frames);
        if (stack.contains("CompileBroker") || stack.contains("C2Compiler") || stack.contains("Compilation::")) {
            return "JVM: JIT compiler";
        }
        if (stack.contains("GC") || stack.contains("Scavenge") || stack.contains("ParallelCompact") || stack.contains("VMThread")
                || stack.contains("SafepointSynchronize")) {
            return "JVM: GC, VM thread";
        }
        return "JVM/native other";
    }

    static String hot(Path recording, String title, int top) throws IOException {
        Map<String, Integer> self = new HashMap<>();
        Map<String, Integer> libraries = new HashMap<>();
        Map<String, Integer> ours = new HashMap<>();
        int samples = 0;
        try (RecordingFile file = new RecordingFile(recording)) {
            while (file.hasMoreEvents()) {
                RecordedEvent event = file.readEvent();
                if (!"jdk.ExecutionSample".equals(event.getEventType().getName())) {
                    continue;
                }
                RecordedStackTrace stack = event.getStackTrace();
                if (stack == null || stack.getFrames().isEmpty()) {
                    continue;
                }
                samples++;
                List<RecordedFrame> frames = stack.getFrames();
                self.merge(name(frames.get(0).getMethod()), 1, Integer::sum);
                libraries.merge(library(frames), 1, Integer::sum);
                Set<String> seen = new HashSet<>();
                for (RecordedFrame frame : frames) {
                    String method = name(frame.getMethod());
                    if (method.startsWith("cn.chanjiao.") && seen.add(method)) {
                        ours.merge(method, 1, Integer::sum);
                    }
                }
            }
        }
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%nprofile %s: %d execution samples (%s)%n", title, samples,
                recording.getFileName()));
        section(out, "hottest methods (self)", self, samples, top);
        section(out, "by library (innermost frame outside the JDK)", libraries, samples, top);
        section(out, "Chanjiao methods (inclusive)", ours, samples, 12);
        return out.toString();
    }

    private static void section(StringBuilder out, String heading, Map<String, Integer> counts, int samples, int top) {
        out.append("  ").append(heading).append(System.lineSeparator());
        counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(top)
                .forEach(entry -> out.append(String.format(Locale.ROOT, "    %5.1f%%  %s%n", 100.0 * entry.getValue() / Math.max(1, samples),
                        entry.getKey())));
    }

    private static String library(List<RecordedFrame> frames) {
        for (RecordedFrame frame : frames) {
            String type = frame.getMethod().getType().getName();
            if (type.startsWith("java.") || type.startsWith("jdk.") || type.startsWith("sun.") || type.startsWith("javax.")
                    || type.startsWith("com.sun.")) {
                continue;
            }
            for (String[] library : LIBRARIES) {
                if (type.startsWith(library[0])) {
                    return library[1];
                }
            }
            String[] parts = type.split("\\.");
            return String.join(".", java.util.Arrays.copyOf(parts, Math.min(3, parts.length - 1)));
        }
        String type = frames.get(0).getMethod().getType().getName();
        return "JDK only: " + type.substring(0, Math.max(0, type.lastIndexOf('.')));
    }

    private static String name(RecordedMethod method) {
        return method.getType().getName() + "." + method.getName();
    }
}
