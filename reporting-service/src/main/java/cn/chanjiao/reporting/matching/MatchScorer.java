package cn.chanjiao.reporting.matching;

import cn.chanjiao.reporting.list.EducationLevel;
import cn.chanjiao.reporting.list.ListKind;
import cn.chanjiao.reporting.list.ListRow;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The matching score, 0–100, of a candidate row for a source row (demand ↔ supply). Always reckoned
 * from the demand's side: D is the demand of the pair, S the supply, whichever was asked about.
 *
 * <p><b>Talent (talent demand ↔ talent supply)</b>:
 * <pre>
 * score = M + f(M) × (E + R + H + T)
 * M  major      45 exact (a major of D equals one of S) | 30 same category (专业大类) | 15 related category
 *               or a shared meaningful character pair (机电, 焊接) | 0 none
 * E  education  20 same level or either 不限 | 14 S one level above D's minimum | 8 S two or more above
 *               | 6 S one below | 0 S two or more below
 * R  region     15 same city (GB/T 2260 first four digits) | 8 same province | 0
 * H  headcount  10 × min(1, headcount(S) / headcount(D))
 * T  recency    10 × max(0, 1 − days since the candidate was published / 365)
 * f(M) = 1 for exact or same category, 0.75 for related, 0.25 for none
 * </pre>
 * <p><b>Technology and training (demand ↔ supply)</b>:
 * <pre>
 * score = X + g(X) × (R + T)
 * X  relevance  60 × share of D's meaningful character pairs found in S's text
 * R  region     25 same city | 12 same province | 0
 * T  recency    15 × max(0, 1 − days since published / 365)
 * g(X) = 1 when at least 20 % of D's pairs are found, else 0.25
 * </pre>
 * Every part that gave points is returned as a reason. The damping f, g keeps a near but unrelated
 * row (same city, right level, other trade) below a related one.
 */
public final class MatchScorer {

    /** Character pairs too common in the lists to say anything about a match. */
    static final Set<String> STOP_PAIRS = Set.of("技术", "服务", "工程", "管理", "应用", "专业", "提供", "开展", "相关",
            "需求", "进行", "能力", "人员", "岗位", "企业", "公司", "智能", "现代", "项目", "培训", "以及", "支持");

    private final MajorCatalogue majors;

    public MatchScorer(MajorCatalogue majors) {
        this.majors = majors;
    }

    /** One part of the score: which factor, its points out of its maximum, and why (a message code and arguments). */
    public record Reason(String factor, double points, int max, String code, List<String> args) {
    }

    /** A scored candidate. */
    public record Scored(ListRow candidate, double score, List<Reason> reasons) {
    }

    public Scored score(ListRow source, ListRow candidate, Instant now) {
        boolean sourceIsDemand = isDemand(source.kind());
        ListRow demand = sourceIsDemand ? source : candidate;
        ListRow supply = sourceIsDemand ? candidate : source;
        return source.kind() == ListKind.TALENT_DEMAND || source.kind() == ListKind.TALENT_SUPPLY
                ? talent(demand, supply, candidate, now) : text(demand, supply, candidate, now);
    }

    static boolean isDemand(ListKind kind) {
        return kind == ListKind.TALENT_DEMAND || kind == ListKind.TECH_DEMAND || kind == ListKind.ENTERPRISE_TECH_DEMAND
                || kind == ListKind.TRAINING_DEMAND;
    }

    private Scored talent(ListRow demand, ListRow supply, ListRow candidate, Instant now) {
        List<Reason> reasons = new ArrayList<>();
        Reason major = major(demand.values().major(), supply.values().major());
        double damping = switch ((int) major.points()) {
            case 45, 30 -> 1.0;
            case 15 -> 0.75;
            default -> 0.25;
        };
        reasons.add(major);
        List<Reason> others = new ArrayList<>();
        others.add(education(demand.values().educationLevel(), supply.values().educationLevel()));
        others.add(region(demand.regionCode(), supply.regionCode(), 15, 8));
        others.add(headcount(demand.values().headcount(), supply.values().headcount()));
        others.add(recency(candidate.publishedAt(), now, 10));
        double score = major.points();
        for (Reason other : others) {
            Reason damped = damp(other, damping);
            score += damped.points();
            reasons.add(damped);
        }
        return new Scored(candidate, round(score), reasons.stream().filter(r -> r.points() > 0).toList());
    }

    private Scored text(ListRow demand, ListRow supply, ListRow candidate, Instant now) {
        Set<String> wanted = pairs(demand.values().description());
        Set<String> offered = pairs(String.join(" ", nonNull(supply.values().description()),
                nonNull(supply.values().unitName())));
        List<String> found = wanted.stream().filter(offered::contains).toList();
        double share = wanted.isEmpty() ? 0 : (double) found.size() / wanted.size();
        List<Reason> reasons = new ArrayList<>();
        reasons.add(new Reason("RELEVANCE", round(60 * share), 60, "match.relevance",
                List.of(String.valueOf(found.size()), String.valueOf(wanted.size()),
                        String.join("、", found.stream().limit(8).toList()))));
        double damping = share >= 0.2 ? 1.0 : 0.25;
        double score = 60 * share;
        for (Reason other : List.of(region(demand.regionCode(), supply.regionCode(), 25, 12),
                recency(candidate.publishedAt(), now, 15))) {
            Reason damped = damp(other, damping);
            score += damped.points();
            reasons.add(damped);
        }
        return new Scored(candidate, round(score), reasons.stream().filter(r -> r.points() > 0).toList());
    }

    Reason major(String demandMajors, String supplyMajors) {
        List<String> wanted = split(demandMajors);
        List<String> offered = split(supplyMajors);
        for (String w : wanted) {
            for (String o : offered) {
                if (MajorCatalogue.normalise(w).equals(MajorCatalogue.normalise(o))) {
                    return new Reason("MAJOR", 45, 45, "match.major.exact", List.of(w));
                }
            }
        }
        for (String w : wanted) {
            for (String o : offered) {
                var a = majors.categoryOf(w);
                var b = majors.categoryOf(o);
                if (a.isPresent() && b.isPresent() && a.get().equals(b.get())) {
                    return new Reason("MAJOR", 30, 45, "match.major.category", List.of(w, o, a.get().name()));
                }
            }
        }
        for (String w : wanted) {
            for (String o : offered) {
                var a = majors.categoryOf(w);
                var b = majors.categoryOf(o);
                if (a.isPresent() && b.isPresent() && majors.related(a.get(), b.get())) {
                    return new Reason("MAJOR", 15, 45, "match.major.related", List.of(w, o, a.get().name() + "—" + b.get().name()));
                }
                Set<String> shared = new LinkedHashSet<>(pairs(w));
                shared.retainAll(pairs(o));
                if (!shared.isEmpty()) {
                    return new Reason("MAJOR", 15, 45, "match.major.related", List.of(w, o, String.join("、", shared)));
                }
            }
        }
        return new Reason("MAJOR", 0, 45, "match.major.none", List.of());
    }

    static Reason education(EducationLevel demand, EducationLevel supply) {
        if (demand == null || supply == null) {
            return new Reason("EDUCATION", 0, 20, "match.education.unknown", List.of());
        }
        if (demand == EducationLevel.ANY || supply == EducationLevel.ANY) {
            return new Reason("EDUCATION", 20, 20, "match.education.any", List.of());
        }
        int gap = supply.rank() - demand.rank();
        int points = gap == 0 ? 20 : gap == 1 ? 14 : gap > 1 ? 8 : gap == -1 ? 6 : 0;
        String code = gap == 0 ? "match.education.same" : gap > 0 ? "match.education.above" : "match.education.below";
        return new Reason("EDUCATION", points, 20, code, List.of(demand.nameZh(), supply.nameZh()));
    }

    static Reason region(String a, String b, int sameCity, int sameProvince) {
        if (a != null && b != null && a.length() == 6 && b.length() == 6) {
            if (!a.endsWith("0000") && a.substring(0, 4).equals(b.substring(0, 4))) {
                return new Reason("REGION", sameCity, sameCity, "match.region.city", List.of(a.substring(0, 4) + "00"));
            }
            if (a.substring(0, 2).equals(b.substring(0, 2))) {
                return new Reason("REGION", sameProvince, sameCity, "match.region.province", List.of(a.substring(0, 2) + "0000"));
            }
        }
        return new Reason("REGION", 0, sameCity, "match.region.none", List.of());
    }

    static Reason headcount(Integer demand, Integer supply) {
        if (demand == null || supply == null || demand <= 0) {
            return new Reason("HEADCOUNT", 0, 10, "match.headcount", List.of("0", "0"));
        }
        double coverage = Math.min(1.0, (double) supply / demand);
        return new Reason("HEADCOUNT", round(10 * coverage), 10, "match.headcount",
                List.of(String.valueOf(supply), String.valueOf(demand)));
    }

    static Reason recency(Instant publishedAt, Instant now, int max) {
        if (publishedAt == null) {
            return new Reason("RECENCY", 0, max, "match.recency", List.of("-"));
        }
        long days = Math.max(0, Duration.between(publishedAt, now).toDays());
        return new Reason("RECENCY", round(max * Math.max(0, 1 - days / 365.0)), max, "match.recency",
                List.of(String.valueOf(days)));
    }

    private static Reason damp(Reason reason, double factor) {
        return factor == 1.0 ? reason
                : new Reason(reason.factor(), round(reason.points() * factor), reason.max(), reason.code(), reason.args());
    }

    /** The meaningful overlapping character pairs of a text: within runs of letters and digits, lower case. */
    static Set<String> pairs(String text) {
        Set<String> pairs = new LinkedHashSet<>();
        if (text == null) {
            return pairs;
        }
        int[] points = text.toLowerCase(java.util.Locale.ROOT).codePoints().toArray();
        for (int i = 0; i + 1 < points.length; i++) {
            if (Character.isLetterOrDigit(points[i]) && Character.isLetterOrDigit(points[i + 1])) {
                String pair = new String(points, i, 2);
                if (!STOP_PAIRS.contains(pair)) {
                    pairs.add(pair);
                }
            }
        }
        return pairs;
    }

    static List<String> split(String majors) {
        return majors == null ? List.of()
                : Arrays.stream(majors.split("[、,，;；/\\s]+")).filter(s -> !s.isBlank()).toList();
    }

    private static String nonNull(String text) {
        return text == null ? "" : text;
    }

    static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
