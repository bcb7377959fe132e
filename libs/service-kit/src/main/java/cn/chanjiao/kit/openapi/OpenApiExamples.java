package cn.chanjiao.kit.openapi;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.responses.ApiResponse;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Examples of a service's main requests (and, where useful, answers), kept next to its code in
 * {@code src/main/resources/openapi/examples.json} rather than in annotations on its records:
 * <pre>{ "POST /api/v1/applications": { "request": { ... }, "response": { ... } } }</pre>
 * An example for an operation the service does not have fails the document (and so the service's
 * smoke test), so examples cannot silently go stale when a path changes.
 */
class OpenApiExamples {

    static final String LOCATION = "classpath:openapi/examples.json";

    private final Map<String, Map<String, Object>> examples;

    OpenApiExamples(Map<String, Map<String, Object>> examples) {
        this.examples = examples;
    }

    @SuppressWarnings("unchecked")
    static OpenApiExamples load(ResourceLoader resources, JsonMapper json) {
        Resource resource = resources.getResource(LOCATION);
        if (!resource.exists()) {
            return new OpenApiExamples(Map.of());
        }
        try (InputStream in = resource.getInputStream()) {
            Map<String, Map<String, Object>> read = json.readValue(in, LinkedHashMap.class);
            return new OpenApiExamples(read);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + LOCATION, e);
        }
    }

    void apply(OpenAPI openApi) {
        examples.forEach((key, example) -> {
            int space = key.indexOf(' ');
            if (space < 0) {
                throw new IllegalStateException(LOCATION + ": '" + key + "' is not 'METHOD /path'");
            }
            PathItem item = openApi.getPaths() == null ? null : openApi.getPaths().get(key.substring(space + 1));
            Operation operation = item == null ? null
                    : item.readOperationsMap().get(PathItem.HttpMethod.valueOf(key.substring(0, space).toUpperCase(Locale.ROOT)));
            if (operation == null) {
                throw new IllegalStateException(LOCATION + ": no operation " + key);
            }
            if (example.containsKey("request")) {
                if (operation.getRequestBody() == null || operation.getRequestBody().getContent() == null) {
                    throw new IllegalStateException(LOCATION + ": " + key + " takes no request body");
                }
                exampleOf(operation.getRequestBody().getContent(), example.get("request"));
            }
            if (example.containsKey("response")) {
                ApiResponse success = operation.getResponses() == null ? null : operation.getResponses().entrySet().stream()
                        .filter(e -> e.getKey().startsWith("2")).map(Map.Entry::getValue)
                        .filter(r -> r.getContent() != null && !r.getContent().isEmpty()).findFirst().orElse(null);
                if (success == null) {
                    throw new IllegalStateException(LOCATION + ": " + key + " answers no content");
                }
                exampleOf(success.getContent(), example.get("response"));
            }
        });
    }

    private static void exampleOf(Content content, Object value) {
        MediaType json = content.entrySet().stream().filter(e -> e.getKey().contains("json")).map(Map.Entry::getValue)
                .findFirst().orElse(content.values().iterator().next());
        json.setExample(value);
    }
}
