package cn.chanjiao.application.form;

import cn.chanjiao.application.programme.PlatformType;
import cn.chanjiao.application.support.IntegrationTestBase;
import cn.chanjiao.testkit.http.ApiClient.ApiResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Attachments are recognised by content, size-limited and kept in the object storage. */
class AttachmentsIT extends IntegrationTestBase {

    private FormDriver form;
    private String token;

    @BeforeEach
    void aDraftOfAHangzhouCommunity() {
        UUID enterprise = identity.organisation("ENTERPRISE").region("330106").register();
        token = applicant(enterprise);
        form = new FormDriver(api, token);
        form.create(programmeId("HZ-PLATFORMS-2024"), PlatformType.INDUSTRY_COMMUNITY);
    }

    @Test
    void aPdfIsKeptAndDownloadedAsItWasUploaded() throws Exception {
        ApiResponse uploaded = form.upload("STAMPED_FORM", "推荐书.pdf", FormDriver.pdf());

        assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
        var attachment = uploaded.json().path("attachments").get(0);
        assertThat(attachment.path("fileType").asString()).isEqualTo("PDF");
        assertThat(attachment.path("fileName").asString()).isEqualTo("推荐书.pdf");
        HttpResponse<byte[]> download = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                "http://127.0.0.1:" + port + "/api/v1/applications/" + form.id() + "/attachments/"
                        + attachment.path("id").asString())).header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.headers().firstValue("Content-Type")).contains("application/pdf");
        assertThat(download.body()).isEqualTo(FormDriver.pdf());
    }

    @Test
    void anExecutableRenamedToPdfIsRefusedAndNothingIsKept() {
        ApiResponse refused = form.upload("STAMPED_FORM", "推荐书.pdf", FormDriver.exe());

        assertThat(refused.isProblem(415)).as(refused.toString()).isTrue();
        assertThat(refused.json().path("recognisedAs").asString()).isEqualTo("UNKNOWN");
        assertThat(jdbc.queryForObject("select count(*) from attachment where application_id = ?::uuid", Integer.class,
                form.id())).isZero();
        assertThat(form.get().json().path("version").asLong()).isEqualTo(1);
    }

    @Test
    void aDocxIsRecognisedByContentWhateverItsNameButAStampedFormMustBeAScan() {
        ApiResponse supporting = form.upload("SUPPORTING_MATERIALS", "材料.pdf", FormDriver.docx());
        ApiResponse stamped = form.upload("STAMPED_FORM", "盖章版.docx", FormDriver.docx());

        assertThat(supporting.status()).as(supporting.toString()).isEqualTo(201);
        assertThat(supporting.json().path("attachments").get(0).path("fileType").asString()).isEqualTo("DOCX");
        assertThat(supporting.json().path("attachments").get(0).path("fileName").asString()).isEqualTo("材料.docx");
        assertThat(stamped.isProblem(415)).as(stamped.toString()).isTrue();
    }

    @Test
    void aPlainZipIsNotAnOfficeDocument() {
        assertThat(form.upload("SUPPORTING_MATERIALS", "a.xlsx", FormDriver.zip("a.txt")).isProblem(415)).isTrue();
    }

    @Test
    void aFileLargerThanItsKindAllowsIsRefused() {
        byte[] big = Arrays.copyOf(FormDriver.png(), 10 * 1024 * 1024 + 1);

        ApiResponse refused = form.upload("PARTICIPATION_PROOF", "证明.png", big);

        assertThat(refused.isProblem(413)).as(refused.toString()).isTrue();
        assertThat(refused.json().path("maxBytes").asLong()).isEqualTo(10 * 1024 * 1024);
    }

    @Test
    void anUnknownAttachmentKindIsRefused() {
        assertThat(form.upload("PHOTOS", "a.png", FormDriver.png()).isProblem(400)).isTrue();
    }

    @Test
    void aParticipantReferencesItsProofAndLosesItWhenTheProofIsRemoved() {
        ApiResponse uploaded = form.upload("PARTICIPATION_PROOF", "证明.png", FormDriver.png());
        String proof = uploaded.json().path("attachments").get(0).path("id").asString();
        ApiResponse saved = form.put("participants", "{\"participants\":[{\"type\":\"SCHOOL\",\"name\":\"某职业学院\","
                + "\"regionCode\":\"330106\",\"code\":\"" + Usccs.random("330106") + "\",\"proofAttachmentId\":\"" + proof + "\"}]}");
        ApiResponse foreign = form.put("participants", "{\"participants\":[{\"type\":\"SCHOOL\",\"name\":\"某职业学院\","
                + "\"proofAttachmentId\":\"" + UUID.randomUUID() + "\"}]}");

        ApiResponse removed = api.method("DELETE", "/api/v1/applications/" + form.id() + "/attachments/" + proof)
                .bearer(token).header("If-Match", form.etag()).send();

        assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
        assertThat(foreign.json().path("type").asString()).endsWith("rule.participant.proofUnknown");
        assertThat(removed.status()).as(removed.toString()).isEqualTo(200);
        assertThat(removed.json().path("attachments").size()).isZero();
        assertThat(removed.json().path("participants").get(0).path("proofAttachmentId").isNull()).isTrue();
    }

    @Test
    void anUploadNeedsTheVersionItStartedFrom() {
        form.put("sections/SUPPORT", "{\"text\":\"先保存一次\"}");

        ApiResponse stale = api.post("/api/v1/applications/" + form.id() + "/attachments").bearer(token)
                .header("If-Match", "\"1\"").body("multipart/form-data; boundary=x",
                        ("--x\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\nSTAMPED_FORM\r\n--x\r\n"
                                + "Content-Disposition: form-data; name=\"file\"; filename=\"a.pdf\"\r\n\r\n%PDF-1.4 x\r\n--x--\r\n")
                                .getBytes()).send();

        assertThat(stale.isProblem(412)).as(stale.toString()).isTrue();
    }
}
