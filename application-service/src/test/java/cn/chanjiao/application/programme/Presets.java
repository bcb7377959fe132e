package cn.chanjiao.application.programme;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;

/** The programme presets as the service reads them, for tests without Spring. */
public final class Presets {

    public static final JsonMapper JSON = JsonMapper.builder()
            .disable(tools.jackson.databind.DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES).build();
    private static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();
    private static List<ProgrammeDefinition> all;

    private Presets() {
    }

    public static synchronized List<ProgrammeDefinition> all() {
        if (all == null) {
            all = ProgrammePresets.read(JSON, VALIDATOR);
        }
        return all;
    }

    public static ProgrammeDefinition byCode(String code) {
        return all().stream().filter(p -> p.code().equals(code)).findFirst().orElseThrow();
    }

    public static ProgrammeDefinition nationalCommunity() {
        return byCode("MOE-INDUSTRY-COMMUNITY-2023");
    }

    public static ProgrammeDefinition shanxiCommunity() {
        return byCode("SX-INDUSTRY-COMMUNITY-2023");
    }

    public static ProgrammeDefinition nationalConsortium() {
        return byCode("MOE-CITY-CONSORTIUM-2023");
    }

    public static ProgrammeDefinition hangzhou() {
        return byCode("HZ-PLATFORMS-2024");
    }

    public static Validator validator() {
        return VALIDATOR;
    }
}
