package cn.chanjiao.application.form;

import cn.chanjiao.application.programme.PlatformType;
import cn.chanjiao.application.programme.Presets;
import cn.chanjiao.testkit.http.ApiClient;
import cn.chanjiao.testkit.http.ApiClient.ApiResponse;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Fills application forms through the API the way a front end would, for flow tests. */
public final class FormDriver {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private final ApiClient api;
    private final String token;
    private String id;
    private long version;

    public FormDriver(ApiClient api, String token) {
        this.api = api;
        this.token = token;
    }

    public String id() {
        return id;
    }

    public long version() {
        return version;
    }

    public String etag() {
        return "\"" + version + "\"";
    }

    public ApiResponse create(String programmeId, PlatformType type) {
        ApiResponse created = api.post("/api/v1/applications").bearer(token)
                .json("{\"programmeId\":\"" + programmeId + "\",\"platformType\":\"" + type + "\"}").send();
        if (created.status() == 201) {
            id = created.json().path("id").asString();
            version = created.json().path("version").asLong();
        }
        return created;
    }

    /** Sends an edit with the current version and remembers the new one. */
    public ApiResponse put(String part, String body) {
        ApiResponse response = api.put("/api/v1/applications/" + id + "/" + part).bearer(token).header("If-Match", etag())
                .json(body).send();
        track(response);
        return response;
    }

    public ApiResponse upload(String kind, String fileName, byte[] content) {
        String boundary = "----chanjiao" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\n" + kind + "\r\n--"
                + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n";
        body.writeBytes(head.getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        ApiResponse response = api.post("/api/v1/applications/" + id + "/attachments").bearer(token)
                .header("If-Match", etag()).body("multipart/form-data; boundary=" + boundary, body.toByteArray()).send();
        track(response);
        return response;
    }

    public ApiResponse submit(String idempotencyKey) {
        ApiResponse response = api.post("/api/v1/applications/" + id + "/submission").bearer(token)
                .header("Idempotency-Key", idempotencyKey).send();
        track(response);
        return response;
    }

    public ApiResponse get() {
        ApiResponse response = api.get("/api/v1/applications/" + id).bearer(token).send();
        track(response);
        return response;
    }

    private void track(ApiResponse response) {
        if (response.status() / 100 == 2 && response.json().has("version")) {
            version = response.json().path("version").asLong();
        }
    }

    /** Everything but attachments and lead units, valid for the programme and type: basic info, participants, plan, sections, commitment. */
    public void fillValid(String presetCode, PlatformType type, String leadDistrict) {
        FormFixture fixture = FormFixture.valid(Presets.byCode(presetCode), type);
        Form.BasicInfo info = fixture.form.basicInfo();
        ObjectNode basic = JSON.valueToTree(info);
        basic.put("recommendingRegionCode", cn.chanjiao.application.form.Codes.atLevel(leadDistrict,
                fixture.type.recommendation().level()));
        ok(put("basic-info", basic.toString()));
        ArrayNode participants = JSON.createArrayNode();
        for (Form.Participant p : fixture.form.participants()) {
            ObjectNode node = JSON.valueToTree(p);
            node.remove("proofAttachmentId");
            participants.add(node);
        }
        ok(put("participants", "{\"participants\":" + participants + "}"));
        ArrayNode values = JSON.createArrayNode();
        fixture.form.plan().forEach(v -> values.add(JSON.createObjectNode().put("indicator", v.indicator())
                .put("year", v.year()).put("value", v.value())));
        ok(put("plan", "{\"values\":" + values + "}"));
        fixture.form.sections().forEach((code, text) -> ok(put("sections/" + code,
                JSON.createObjectNode().put("text", text).toString())));
        ok(put("commitment", "{\"accepted\":true,\"signatory\":\"张三\"}"));
    }

    private static void ok(ApiResponse response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
    }

    public static byte[] pdf() {
        return "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
                .getBytes(StandardCharsets.US_ASCII);
    }

    public static byte[] png() {
        return new byte[] { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D', 'R' };
    }

    static byte[] exe() {
        byte[] exe = new byte[512];
        exe[0] = 'M';
        exe[1] = 'Z';
        return exe;
    }

    public static byte[] docx() {
        return zip("[Content_Types].xml", "word/document.xml");
    }

    static byte[] zip(String... entries) {
        try (ByteArrayOutputStream bytes = new ByteArrayOutputStream(); ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (String entry : entries) {
                zip.putNextEntry(new ZipEntry(entry));
                zip.write("<x/>".getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
            zip.finish();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
