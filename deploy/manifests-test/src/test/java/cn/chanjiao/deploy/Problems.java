package cn.chanjiao.deploy;

import java.util.ArrayList;
import java.util.List;

import org.assertj.core.api.Assertions;

/** Collects every inconsistency of one check, so that one run reports them all. */
final class Problems {

    private final String subject;
    private final List<String> problems = new ArrayList<>();

    Problems(String subject) {
        this.subject = subject;
    }

    void add(String problem) {
        problems.add(problem);
    }

    /** Records {@code problem} unless {@code condition} holds; returns the condition. */
    boolean check(boolean condition, String problem) {
        if (!condition) {
            problems.add(problem);
        }
        return condition;
    }

    void assertNone() {
        Assertions.assertThat(problems)
                .as("%s: %d problem(s):%n  %s", subject, problems.size(), String.join(System.lineSeparator() + "  ", problems))
                .isEmpty();
    }
}
