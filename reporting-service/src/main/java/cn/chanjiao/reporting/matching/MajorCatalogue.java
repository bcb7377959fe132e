package cn.chanjiao.reporting.matching;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The majors catalogue of {@code majors.yml}: which category (专业大类) a major belongs to — by the
 * catalogue, else by the first category whose keyword it contains — and which categories are related.
 */
@Component
public class MajorCatalogue {

    /** One category. */
    public record Category(String code, String name) {
    }

    private final Map<String, Category> byMajor = new HashMap<>();
    private final List<Map.Entry<String, Category>> keywords = new ArrayList<>();
    private final Set<String> related = new HashSet<>();

    public MajorCatalogue() {
        this("majors.yml");
    }

    @SuppressWarnings("unchecked")
    MajorCatalogue(String resource) {
        Map<String, Object> file;
        try (InputStream in = new ClassPathResource(resource).getInputStream()) {
            file = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (Map<String, Object> entry : (List<Map<String, Object>>) file.get("categories")) {
            Category category = new Category(String.valueOf(entry.get("code")), (String) entry.get("name"));
            ((List<String>) entry.get("majors")).forEach(major -> byMajor.put(normalise(major), category));
            ((List<String>) entry.get("keywords")).forEach(keyword -> keywords.add(Map.entry(keyword, category)));
        }
        for (List<Object> pair : (List<List<Object>>) file.get("related")) {
            related.add(pair.get(0) + ":" + pair.get(1));
            related.add(pair.get(1) + ":" + pair.get(0));
        }
    }

    public Optional<Category> categoryOf(String major) {
        String name = normalise(major);
        Category listed = byMajor.get(name);
        if (listed != null) {
            return Optional.of(listed);
        }
        return keywords.stream().filter(k -> name.contains(k.getKey())).map(Map.Entry::getValue).findFirst();
    }

    public boolean related(Category a, Category b) {
        return related.contains(a.code() + ":" + b.code());
    }

    /** A major's name as compared: no spaces, without a trailing 专业. */
    static String normalise(String major) {
        String name = major == null ? "" : major.replaceAll("\\s+", "");
        return name.endsWith("专业") && name.length() > 2 ? name.substring(0, name.length() - 2) : name;
    }
}
