package cn.chanjiao.indicator.catalogue;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/** Reads the catalogue files ({@code classpath:catalogues/*.yml}); a file that breaks a rule stops the start. */
public final class CatalogueFiles {

    public static final String LOCATION = "classpath:catalogues/*.yml";

    private CatalogueFiles() {
    }

    public static List<Catalogue> read(JsonMapper json, Validator validator) {
        try {
            Resource[] resources = new PathMatchingResourcePatternResolver().getResources(LOCATION);
            List<Catalogue> catalogues = new ArrayList<>();
            for (Resource resource : Arrays.stream(resources).sorted(Comparator.comparing(Resource::getFilename)).toList()) {
                catalogues.add(parse(resource, json, validator));
            }
            return catalogues;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the indicator catalogues", e);
        }
    }

    static Catalogue parse(Resource resource, JsonMapper json, Validator validator) throws IOException {
        Object tree;
        try (InputStream in = resource.getInputStream()) {
            tree = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
        }
        Catalogue catalogue = json.convertValue(tree, Catalogue.class);
        Set<ConstraintViolation<Catalogue>> invalid = validator.validate(catalogue);
        List<String> problems = new ArrayList<>(invalid.stream()
                .map(violation -> violation.getPropertyPath() + " " + violation.getMessage()).toList());
        problems.addAll(CatalogueRules.check(catalogue));
        if (!problems.isEmpty()) {
            throw new IllegalStateException("catalogue " + resource.getFilename() + " is not valid: " + problems);
        }
        return catalogue;
    }
}
