package cn.chanjiao.application.programme;

import cn.chanjiao.kit.web.Violation;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Loads the programme presets ({@code classpath:programmes/*.yml}, DESIGN §2) on first start: each
 * one whose code is not in the database yet is inserted, published. A preset an admin has since
 * edited is left as it is. A preset that breaks a rule stops the service from starting.
 */
@Component
@ConditionalOnProperty(prefix = "chanjiao.application", name = "load-presets", havingValue = "true", matchIfMissing = true)
class ProgrammePresets implements ApplicationRunner {

    static final String LOCATION = "classpath:programmes/*.yml";
    private static final Logger log = LoggerFactory.getLogger(ProgrammePresets.class);

    private final ProgrammeRepository programmes;
    private final JsonMapper json;
    private final Validator validator;
    private final Clock clock;

    ProgrammePresets(ProgrammeRepository programmes, JsonMapper json, Validator validator, Clock clock) {
        this.programmes = programmes;
        this.json = json;
        this.validator = validator;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        for (ProgrammeDefinition definition : read(json, validator)) {
            Instant now = clock.instant();
            if (programmes.insertIfAbsent(new Programme(UUID.randomUUID(), 1, true, true, now, now, definition))) {
                log.info("programme preset {} loaded ({} platform types, {} plan indicators)", definition.code(),
                        definition.platformTypes().size(),
                        definition.platformTypes().stream().mapToInt(t -> t.indicators().size()).sum());
            }
        }
    }

    /** Reads and checks every preset file, in file-name order. */
    static List<ProgrammeDefinition> read(JsonMapper json, Validator validator) {
        try {
            Resource[] resources = new PathMatchingResourcePatternResolver().getResources(LOCATION);
            List<ProgrammeDefinition> definitions = new ArrayList<>();
            for (Resource resource : Arrays.stream(resources).sorted(Comparator.comparing(Resource::getFilename)).toList()) {
                definitions.add(parse(resource, json, validator));
            }
            return definitions;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the programme presets", e);
        }
    }

    static ProgrammeDefinition parse(Resource resource, JsonMapper json, Validator validator) throws IOException {
        Map<String, Object> tree;
        try (InputStream in = resource.getInputStream()) {
            tree = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
        }
        ProgrammeDefinition definition = json.convertValue(tree, ProgrammeDefinition.class);
        Set<ConstraintViolation<ProgrammeDefinition>> invalid = validator.validate(definition);
        List<Violation> broken = ProgrammeRules.check(definition);
        if (!invalid.isEmpty() || !broken.isEmpty()) {
            throw new IllegalStateException("programme preset " + resource.getFilename() + " is invalid: "
                    + invalid.stream().map(v -> v.getPropertyPath() + " " + v.getMessage()).toList() + " " + broken);
        }
        return definition;
    }
}
