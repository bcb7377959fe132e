package cn.chanjiao.scenario;

import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a front end builds from a programme's published rules ({@code GET /api/v1/public/programmes/{id}}):
 * the construction-plan table with a value in every cell (parts within their whole, sums summed) and
 * the text sections within their character limits.
 */
final class Forms {

    private Forms() {
    }

    static JsonNode type(JsonNode programme, String platformType) {
        for (JsonNode type : programme.path("definition").path("platformTypes")) {
            if (type.path("type").asString().equals(platformType)) {
                return type;
            }
        }
        throw new ScenarioFailure("programme " + programme.path("definition").path("code").asString() + " has no type " + platformType);
    }

    static List<Integer> yearsOf(JsonNode programme, JsonNode type, JsonNode indicator) {
        List<Integer> years = new ArrayList<>();
        if (indicator.path("years").isArray() && !indicator.path("years").isEmpty()) {
            indicator.path("years").forEach(y -> years.add(y.asInt()));
            return years;
        }
        if (!type.path("baselineYear").isNull() && type.path("baselineYear").isNumber()) {
            years.add(type.path("baselineYear").asInt());
        }
        JsonNode plan = programme.path("definition").path("planYears");
        for (int y = plan.path("from").asInt(); y <= plan.path("to").asInt(); y++) {
            years.add(y);
        }
        return years;
    }

    /** Every cell of the plan table: integers grow each year, decimals and percentages too; sums are the sum of their parts. */
    static List<Map<String, Object>> plan(JsonNode programme, JsonNode type, int scale) {
        Map<String, Number> values = new LinkedHashMap<>();
        for (JsonNode indicator : type.path("indicators")) {
            List<Integer> years = yearsOf(programme, type, indicator);
            for (int i = 0; i < years.size(); i++) {
                Number value = switch (indicator.path("valueType").asString()) {
                    case "DECIMAL" -> scale * 10 + i * 2.5;
                    case "PERCENT" -> Math.min(100, 40 + i * 10);
                    default -> scale * 2 + i;
                };
                values.put(indicator.path("code").asString() + "@" + years.get(i), value);
            }
        }
        // a part (其中) never above its whole: parts take the whole's value when they would exceed it
        for (JsonNode indicator : type.path("indicators")) {
            String partOf = indicator.path("partOf").isString() ? indicator.path("partOf").asString() : null;
            if (partOf == null) {
                continue;
            }
            for (int year : yearsOf(programme, type, indicator)) {
                Number whole = values.get(partOf + "@" + year);
                String key = indicator.path("code").asString() + "@" + year;
                if (whole != null && values.get(key).doubleValue() > whole.doubleValue()) {
                    values.put(key, whole);
                }
            }
        }
        for (JsonNode indicator : type.path("indicators")) {
            if (!indicator.path("sumOf").isArray() || indicator.path("sumOf").isEmpty()) {
                continue;
            }
            for (int year : yearsOf(programme, type, indicator)) {
                double sum = 0;
                boolean integer = true;
                boolean allParts = true;
                for (JsonNode part : indicator.path("sumOf")) {
                    Number n = values.get(part.asString() + "@" + year);
                    if (n != null) {
                        sum += n.doubleValue();
                        integer &= n instanceof Integer;
                    } else {
                        allParts = false;
                    }
                }
                if (!allParts) {
                    continue; // a total whose parts are asked for one year only (seed 003: the sources of the 2023 funds)
                }
                values.put(indicator.path("code").asString() + "@" + year, integer ? (Number) (int) sum : (Number) sum);
            }
        }
        List<Map<String, Object>> cells = new ArrayList<>();
        values.forEach((key, value) -> {
            String[] parts = key.split("@");
            cells.add(Map.of("indicator", parts[0], "year", Integer.parseInt(parts[1]), "value", value));
        });
        return cells;
    }

    /** A text for a section: its title's theme, at most {@code maxChars} characters and at least a few sentences. */
    static String section(JsonNode section, String platformName) {
        int max = section.path("maxChars").asInt(500);
        String sentence = platformName + "围绕" + section.path("title").asString()
                + "，坚持产教融合、校企合作，明确目标任务，落实责任分工，建立定期会商和考核评价机制，推动人才链、教育链与产业链、创新链有机衔接。";
        StringBuilder text = new StringBuilder();
        while (text.length() + sentence.length() <= Math.min(max, 900)) {
            text.append(sentence);
        }
        if (text.isEmpty()) {
            text.append(sentence, 0, Math.max(1, max - 1));
        }
        return text.toString();
    }
}
