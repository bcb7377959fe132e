package cn.chanjiao.kit.openapi;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.parameters.PathParameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ContractCustomizerTest {

    @Test
    void aPublicReadNeedsNoTokenAndAnswersNoAuthProblems() {
        OpenAPI api = api();

        new ContractCustomizer(new OpenApiExamples(Map.of())).customise(api);

        Operation read = api.getPaths().get("/api/v1/public/things/{id}").getGet();
        assertThat(read.getSecurity()).isEmpty();
        assertThat(read.getResponses()).containsOnlyKeys("200", "400", "404");
        assertThat(read.getResponses().get("404").get$ref()).isEqualTo("#/components/responses/NotFound");
        assertThat(api.getComponents().getSchemas()).containsKeys("Problem", "FieldProblem");
        assertThat(api.getComponents().getResponses().get("NotFound").getContent()).containsOnlyKeys("application/problem+json");
    }

    @Test
    void aVersionedEditAnswersTheConcurrencyProblemsAndKeepsItsDeclaredUnavailability() {
        OpenAPI api = api();

        new ContractCustomizer(new OpenApiExamples(Map.of())).customise(api);

        Operation edit = api.getPaths().get("/api/v1/things/{id}").getPut();
        assertThat(edit.getSecurity()).isNull();
        assertThat(edit.getResponses().keySet()).containsExactly("200", "400", "401", "403", "404", "409", "412", "422",
                "428", "503");
        ApiResponse unavailable = edit.getResponses().get("503");
        assertThat(unavailable.getDescription()).isEqualTo("Keycloak is down");
        assertThat(unavailable.getContent()).containsOnlyKeys("application/problem+json");
        assertThat(unavailable.getHeaders()).containsKey("Retry-After");
        assertThat(edit.getParameters().get(1).getDescription()).contains("428");
    }

    @Test
    void theShortestOfTwoPathsOfOneOperationKeepsThePlainOperationId() {
        OpenAPI api = api();
        api.getPaths().addPathItem("/api/v1/aliases/things/{id}", new PathItem().get(new Operation().operationId("thingGet")));
        api.getPaths().get("/api/v1/public/things/{id}").getGet().operationId("thingGet_1"); // as springdoc may number them

        new ContractCustomizer(new OpenApiExamples(Map.of())).customise(api);

        assertThat(api.getPaths().get("/api/v1/public/things/{id}").getGet().getOperationId()).isEqualTo("thingGet");
        assertThat(api.getPaths().get("/api/v1/aliases/things/{id}").getGet().getOperationId()).isEqualTo("thingGet_1");
    }

    @Test
    void anExampleLandsOnTheRequestBodyAndAnExampleOfAMissingOperationFailsTheDocument() {
        OpenAPI api = api();
        Map<String, Object> example = new LinkedHashMap<>(Map.of("request", Map.of("name", "太原重工")));

        new ContractCustomizer(new OpenApiExamples(Map.of("PUT /api/v1/things/{id}", example))).customise(api);

        assertThat(api.getPaths().get("/api/v1/things/{id}").getPut().getRequestBody().getContent()
                .get("application/json").getExample()).isEqualTo(Map.of("name", "太原重工"));
        assertThatThrownBy(() -> new ContractCustomizer(new OpenApiExamples(Map.of("POST /api/v1/nothing", example)))
                .customise(api())).hasMessageContaining("no operation POST /api/v1/nothing");
    }

    private static OpenAPI api() {
        Operation read = new Operation().operationId("thingGet")
                .parameters(new java.util.ArrayList<>(List.of(new PathParameter().name("id"))))
                .responses(new ApiResponses().addApiResponse("200", new ApiResponse().description("OK")));
        Operation edit = new Operation().operationId("thingEdit")
                .parameters(new java.util.ArrayList<>(List.of(new PathParameter().name("id"), new HeaderParameter().name("If-Match"))))
                .requestBody(new RequestBody().content(new Content().addMediaType("application/json",
                        new MediaType().schema(new Schema<>().$ref("#/components/schemas/Thing")))))
                .responses(new ApiResponses().addApiResponse("200", new ApiResponse().description("OK"))
                        .addApiResponse("503", new ApiResponse().description("Keycloak is down").content(new Content()
                                .addMediaType("application/json", new MediaType().schema(new Schema<>().$ref("#/components/schemas/Thing"))))));
        return new OpenAPI().openapi("3.1.0").paths(new Paths()
                .addPathItem("/api/v1/public/things/{id}", new PathItem().get(read))
                .addPathItem("/api/v1/things/{id}", new PathItem().put(edit)));
    }
}
