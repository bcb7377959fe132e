package cn.chanjiao.identity.authority;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The jurisdiction tree, read once from the database (it changes only by migration) and answered
 * from memory: lookups, paths, search, and whether one authority's jurisdiction covers a region.
 */
@Component
public class AuthorityDirectory {

    /** The root: the nation and its ministries. */
    public static final String NATIONAL = "100000";

    private final JdbcTemplate jdbc;
    private volatile Tree tree;

    AuthorityDirectory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A directory over a fixed list instead of the database, every authority with the eight
     * departments: for unit tests of rules that consult the tree.
     */
    public static AuthorityDirectory of(java.util.Collection<Authority> list) {
        AuthorityDirectory directory = new AuthorityDirectory(null);
        Map<String, Authority> byCode = new LinkedHashMap<>();
        list.forEach(a -> byCode.put(a.code(), a));
        Map<String, List<Authority>> children = new LinkedHashMap<>();
        byCode.values().stream().filter(a -> a.parentCode() != null)
                .forEach(a -> children.computeIfAbsent(a.parentCode(), k -> new ArrayList<>()).add(a));
        Map<String, List<AuthorityDepartment>> departments = new LinkedHashMap<>();
        byCode.keySet().forEach(code -> departments.put(code, java.util.Arrays.stream(Department.values())
                .map(d -> new AuthorityDepartment(d.code(), byCode.get(code).name() + d.nameZh())).toList()));
        directory.tree = new Tree(byCode, children, departments);
        return directory;
    }

    private record Tree(Map<String, Authority> byCode, Map<String, List<Authority>> children,
            Map<String, List<AuthorityDepartment>> departments) {
    }

    /** A department of one authority, e.g. 山西省教育部门. */
    public record AuthorityDepartment(String code, String name) {
    }

    private Tree tree() {
        Tree loaded = tree;
        if (loaded == null) {
            synchronized (this) {
                if (tree == null) {
                    tree = load();
                }
                loaded = tree;
            }
        }
        return loaded;
    }

    private Tree load() {
        Map<String, Authority> byCode = new LinkedHashMap<>();
        jdbc.query("select code, name, level, parent_code from authority order by code", rows -> {
            Authority authority = new Authority(rows.getString("code"), rows.getString("name"),
                    AuthorityLevel.valueOf(rows.getString("level")), rows.getString("parent_code"));
            byCode.put(authority.code(), authority);
        });
        Map<String, List<Authority>> children = new LinkedHashMap<>();
        byCode.values().forEach(a -> {
            if (a.parentCode() != null) {
                children.computeIfAbsent(a.parentCode(), k -> new ArrayList<>()).add(a);
            }
        });
        children.replaceAll((k, v) -> List.copyOf(v));
        Map<String, List<AuthorityDepartment>> departments = new LinkedHashMap<>();
        jdbc.query("select authority_code, department, name from authority_department", rows -> {
            departments.computeIfAbsent(rows.getString("authority_code"), k -> new ArrayList<>())
                    .add(new AuthorityDepartment(rows.getString("department"), rows.getString("name")));
        });
        List<String> order = java.util.Arrays.stream(Department.values()).map(Department::code).toList();
        departments.replaceAll((k, v) -> v.stream().sorted(Comparator.comparingInt(d -> order.indexOf(d.code()))).toList());
        return new Tree(Collections.unmodifiableMap(byCode), Collections.unmodifiableMap(children),
                Collections.unmodifiableMap(departments));
    }

    public Optional<Authority> find(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(tree().byCode().get(code));
    }

    public List<Authority> children(String code) {
        return tree().children().getOrDefault(code, List.of());
    }

    public List<AuthorityDepartment> departments(String code) {
        return tree().departments().getOrDefault(code, List.of());
    }

    /** From the root down to the authority itself; empty for an unknown code. */
    public List<Authority> path(String code) {
        List<Authority> path = new ArrayList<>();
        for (Authority a = tree().byCode().get(code); a != null; a = a.parentCode() == null ? null : tree().byCode().get(a.parentCode())) {
            path.add(0, a);
        }
        return path;
    }

    /** Whether {@code code} is {@code ancestor} or lies below it. */
    public boolean isWithin(String code, String ancestor) {
        return ancestor != null && path(code).stream().anyMatch(a -> a.code().equals(ancestor));
    }

    /**
     * Whether an authority's jurisdiction covers a region given by its province, city and district
     * codes (any may be null): the nation covers everything, a province its cities and districts, and so on.
     */
    public boolean covers(String authorityCode, String provinceCode, String cityCode, String districtCode) {
        if (authorityCode == null) {
            return false;
        }
        if (NATIONAL.equals(authorityCode)) {
            return true;
        }
        return authorityCode.equals(provinceCode) || authorityCode.equals(cityCode) || authorityCode.equals(districtCode);
    }

    /** Authorities whose name contains {@code query} or whose code starts with it, optionally of a level and below a parent. */
    public List<Authority> search(String query, AuthorityLevel level, String within) {
        String q = query == null ? "" : query.strip().toLowerCase(Locale.ROOT);
        return tree().byCode().values().stream()
                .filter(a -> q.isEmpty() || a.name().toLowerCase(Locale.ROOT).contains(q) || a.code().startsWith(q))
                .filter(a -> level == null || a.level() == level)
                .filter(a -> within == null || (!a.code().equals(within) && isWithin(a.code(), within)))
                .toList();
    }

    public int size() {
        return tree().byCode().size();
    }
}
