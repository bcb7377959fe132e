package cn.chanjiao.reporting.support;

import cn.chanjiao.testkit.http.ApiClient;
import cn.chanjiao.testkit.http.ApiClient.ApiResponse;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Drives one list through the API as its platform's lead organisation. */
public final class ListDriver {

    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final ApiClient api;
    private final String token;
    private final String id;

    private ListDriver(ApiClient api, String token, String id) {
        this.api = api;
        this.token = token;
        this.id = id;
    }

    public static ListDriver create(ApiClient api, String token, UUID platformId, String kind, int year, String industry) {
        Map<String, Object> request = new java.util.LinkedHashMap<>();
        request.put("platformId", platformId.toString());
        request.put("kind", kind);
        request.put("year", year);
        request.put("industry", industry);
        ApiResponse created = api.post("/api/v1/supply-demand/lists").bearer(token).json(request).send();
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return new ListDriver(api, token, created.json().path("id").asString());
    }

    public String id() {
        return id;
    }

    public ApiResponse add(Map<String, Object> row) {
        return api.post("/api/v1/supply-demand/lists/" + id + "/rows").bearer(token).json(row).send();
    }

    public void addOk(Map<String, Object> row) {
        ApiResponse added = add(row);
        assertThat(added.status()).as(added.toString()).isEqualTo(201);
    }

    public ApiResponse get() {
        return api.get("/api/v1/supply-demand/lists/" + id).bearer(token).send();
    }

    public String etag() {
        return get().header("ETag").orElseThrow();
    }

    public ApiResponse rows() {
        return api.get("/api/v1/supply-demand/lists/" + id + "/rows?size=500").bearer(token).send();
    }

    /** The list as XLSX bytes (the API client reads text only). */
    public byte[] export(int port) {
        return bytes(port, "/api/v1/supply-demand/lists/" + id + "/export.xlsx", token);
    }

    public static byte[] bytes(int port, String path, String token) {
        try {
            var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + path));
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            var response = java.net.http.HttpClient.newHttpClient().send(request.build(),
                    java.net.http.HttpResponse.BodyHandlers.ofByteArray());
            assertThat(response.statusCode()).as(new String(response.body(), java.nio.charset.StandardCharsets.UTF_8))
                    .isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith(XLSX);
            return response.body();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public ApiResponse importFile(String fileName, byte[] content) {
        return Multipart.file(api.post("/api/v1/supply-demand/lists/" + id + "/import").bearer(token)
                .header("If-Match", etag()), fileName, XLSX, content).send();
    }

    public ApiResponse publish() {
        return api.post("/api/v1/supply-demand/lists/" + id + "/publish").bearer(token).header("If-Match", etag()).send();
    }
}
