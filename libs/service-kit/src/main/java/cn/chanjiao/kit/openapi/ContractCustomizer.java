package cn.chanjiao.kit.openapi;

import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.springdoc.core.customizers.OpenApiCustomizer;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The rules every service follows, written into its OpenAPI document once rather than on every
 * endpoint: public reads ({@code /api/v1/public/**}) need no token, everything else the Keycloak bearer
 * token; every error is a {@code Problem} ({@code application/problem+json}); and each operation lists
 * the statuses the platform's rules give it — 400 for parameters or a body, 401/403 where a token is
 * needed, 404 for a resource named in the path, 409/422 for writes, 412/428 where {@code If-Match} is
 * taken. A status a controller declares itself ({@code @ApiResponse(responseCode = "503", ...)}) gets the
 * problem content too. Examples come from {@link OpenApiExamples}.
 */
class ContractCustomizer implements OpenApiCustomizer {

    static final String PROBLEM_JSON = "application/problem+json";
    static final String PUBLIC_PREFIX = "/api/v1/public/";

    private static final Map<String, String> DESCRIPTIONS = Map.ofEntries(
            Map.entry("400", "Bad request: a parameter or field is missing or invalid (`errors` names each), "
                    + "or the `Idempotency-Key` is missing where required"),
            Map.entry("401", "No token, or an expired or invalid one (`WWW-Authenticate: Bearer`)"),
            Map.entry("403", "The token's roles or scope (organisation `org_id`, jurisdiction `authority_code`) "
                    + "do not allow this"),
            Map.entry("404", "No such resource, or not visible to this caller"),
            Map.entry("409", "Conflicts with the resource's state or with other data (e.g. wrong status, "
                    + "duplicate, quota reached, a concurrent change)"),
            Map.entry("412", "`If-Match` names a version that is no longer current: reload and redo "
                    + "(`currentVersion` and the `ETag` header carry the current one)"),
            Map.entry("422", "Well-formed but refused by a rule of the programme (e.g. the window is closed, "
                    + "the form is incomplete)"),
            Map.entry("428", "`If-Match` is missing (or not a version): edits must name the version they start from"),
            Map.entry("429", "Too many requests (gateway rate limit); `Retry-After` in seconds"),
            Map.entry("503", "A service this call needs is unavailable; retry after `Retry-After` seconds"));

    /** The shared answers under {@code components/responses}, by status. */
    private static final Map<String, String> NAMES = Map.of("400", "BadRequest", "401", "Unauthorized",
            "403", "Forbidden", "404", "NotFound", "409", "Conflict", "412", "PreconditionFailed",
            "422", "UnprocessableContent", "428", "PreconditionRequired");

    private static final Map<String, String> HEADERS = Map.of(
            "If-Match", "The version this edit starts from: the `ETag` of the last read (`\"7\"`). Without it the "
                    + "edit is refused with 428; with a stale one with 412",
            "Idempotency-Key", "A key of the caller's choosing (e.g. a UUID), the same on every retry of this one "
                    + "command: a retry gets the first answer again (`Idempotent-Replayed: true`) instead of "
                    + "applying it twice; the same key with another body is refused");

    private final OpenApiExamples examples;

    ContractCustomizer(OpenApiExamples examples) {
        this.examples = examples;
    }

    @Override
    public void customise(OpenAPI openApi) {
        addProblemSchemas(openApi);
        if (openApi.getPaths() != null) {
            openApi.getPaths().forEach((path, item) -> item.readOperationsMap()
                    .forEach((method, operation) -> customise(path, method, operation)));
        }
        uniqueOperationIds(openApi);
        examples.apply(openApi);
    }

    /**
     * An operation mapped on two paths (an alias such as {@code /api/v1/applications/notices} for
     * {@code /api/v1/notices}) appears twice; springdoc numbers the second id in the order it met them.
     * Numbered here by path instead (shortest first), so that the ids stay the same from one start to the next.
     */
    private static void uniqueOperationIds(OpenAPI openApi) {
        if (openApi.getPaths() == null) {
            return;
        }
        Map<String, List<Operation>> byId = new TreeMap<>();
        // the shortest path (the canonical one; aliases add a prefix) keeps the plain id
        Map<String, PathItem> byPath = new TreeMap<>(java.util.Comparator.comparingInt(String::length)
                .thenComparing(java.util.Comparator.naturalOrder()));
        byPath.putAll(openApi.getPaths());
        byPath.forEach((path, item) -> item.readOperationsMap().values().forEach(operation -> {
            if (operation.getOperationId() != null) {
                byId.computeIfAbsent(operation.getOperationId().replaceFirst("_\\d+$", ""), id -> new java.util.ArrayList<>())
                        .add(operation);
            }
        }));
        byId.forEach((id, operations) -> {
            for (int i = 0; i < operations.size(); i++) {
                operations.get(i).setOperationId(i == 0 ? id : id + "_" + i);
            }
        });
    }

    private static void addProblemSchemas(OpenAPI openApi) {
        if (openApi.getComponents() == null) {
            openApi.setComponents(new Components());
        }
        boolean v31 = openApi.getOpenapi() == null || openApi.getOpenapi().startsWith("3.1");
        Map<String, Schema> schemas = ModelConverters.getInstance(v31).readAll(ProblemBody.class);
        schemas.forEach(openApi.getComponents()::addSchemas);
        NAMES.forEach((code, name) -> {
            ApiResponse response = new ApiResponse();
            problemContent(code, response);
            openApi.getComponents().addResponses(name, response);
        });
    }

    private static void customise(String path, PathItem.HttpMethod method, Operation operation) {
        boolean open = path.startsWith(PUBLIC_PREFIX);
        if (open) {
            operation.setSecurity(List.of());
        }
        List<Parameter> parameters = operation.getParameters() == null ? List.of() : operation.getParameters();
        boolean write = Set.of(PathItem.HttpMethod.POST, PathItem.HttpMethod.PUT, PathItem.HttpMethod.PATCH,
                PathItem.HttpMethod.DELETE).contains(method);
        boolean versioned = parameters.stream().anyMatch(p -> "header".equals(p.getIn()) && "If-Match".equalsIgnoreCase(p.getName()));

        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        operation.setResponses(responses);
        if (!parameters.isEmpty() || operation.getRequestBody() != null) {
            add(responses, "400");
        }
        if (!open) {
            add(responses, "401");
            add(responses, "403");
        }
        if (path.contains("{")) {
            add(responses, "404");
        }
        if (write) {
            add(responses, "409");
            add(responses, "422");
        }
        if (versioned) {
            add(responses, "412");
            add(responses, "428");
        }
        responses.forEach((code, response) -> {
            if ((code.startsWith("4") || code.startsWith("5")) && response.get$ref() == null) {
                problemContent(code, response);
            }
        });
        // a controller that declares its 201/204 answers that, not springdoc's default 200
        ApiResponse ok = responses.get("200");
        if (ok != null && "OK".equals(ok.getDescription())
                && responses.keySet().stream().anyMatch(code -> code.startsWith("2") && !"200".equals(code))) {
            responses.remove("200");
        }
        parameters.forEach(parameter -> {
            if ("header".equals(parameter.getIn()) && parameter.getDescription() == null) {
                HEADERS.entrySet().stream().filter(header -> header.getKey().equalsIgnoreCase(parameter.getName()))
                        .findFirst().ifPresent(header -> parameter.setDescription(header.getValue()));
            }
        });
        // keep statuses in order (springdoc's writer sorts keys, a copy here keeps the model sorted too)
        ApiResponses sorted = new ApiResponses();
        new TreeMap<>(responses).forEach(sorted::addApiResponse);
        if (responses.getExtensions() != null) {
            sorted.setExtensions(responses.getExtensions());
        }
        operation.setResponses(sorted);
    }

    private static void add(ApiResponses responses, String code) {
        if (!responses.containsKey(code)) {
            responses.addApiResponse(code, new ApiResponse().$ref("#/components/responses/" + NAMES.get(code)));
        }
    }

    private static void problemContent(String code, ApiResponse response) {
        if (response.getDescription() == null || response.getDescription().isBlank()
                || response.getDescription().equals(defaultReason(code))) {
            response.setDescription(DESCRIPTIONS.getOrDefault(code, "Problem"));
        }
        // springdoc gives a declared error answer without content the method's return type: an error is a problem
        Content content = response.getContent();
        if (content == null || !content.containsKey(PROBLEM_JSON)) {
            response.setContent(new Content().addMediaType(PROBLEM_JSON,
                    new MediaType().schema(new Schema<>().$ref("#/components/schemas/Problem"))));
        }
        if (("412".equals(code) || "503".equals(code) || "429".equals(code))) {
            String header = "412".equals(code) ? "ETag" : "Retry-After";
            if (response.getHeaders() == null || !response.getHeaders().containsKey(header)) {
                response.addHeaderObject(header, new Header().schema(new Schema<>().type("string").types(Set.of("string")))
                        .description("412".equals(code) ? "the current version, e.g. `\"8\"`" : "seconds to wait before retrying"));
            }
        }
    }

    private static String defaultReason(String code) {
        try {
            return org.springframework.http.HttpStatus.valueOf(Integer.parseInt(code)).getReasonPhrase();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
