package cn.chanjiao.indicator.collection;

import cn.chanjiao.contracts.application.PlatformApproved;
import cn.chanjiao.indicator.support.IntegrationTestBase;
import cn.chanjiao.indicator.support.Platforms;
import cn.chanjiao.indicator.web.Xlsx;
import cn.chanjiao.testkit.files.BrokenWorkbooks;
import cn.chanjiao.testkit.http.ApiClient.ApiResponse;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A city consortium's 2024 values through XLSX: export, import with per-row errors, corrupt files. */
class WorkbookIT extends IntegrationTestBase {

    private PlatformApproved approved;
    private String user;
    private String year;

    @BeforeEach
    void anApprovedConsortium() {
        Platforms platforms = Platforms.aShanxiCommunity();
        approved = new PlatformApproved(java.util.UUID.randomUUID(), java.time.Instant.now(), java.util.UUID.randomUUID(),
                java.util.UUID.randomUUID(), java.util.UUID.randomUUID(), "MOE-CITY-CONSORTIUM-2023", "CITY_CONSORTIUM",
                "苏州工业园区市域产教联合体", platforms.lead(), java.util.List.of(platforms.lead()), "320571", "100000",
                java.util.List.of(2023, 2024, 2025), 2022, java.util.List.of(new PlatformApproved.PlanTarget("SHARED_MAJORS", 2024,
                        new java.math.BigDecimal("6"))), java.util.List.of(), java.time.Instant.now());
        publish(approved);
        await(() -> count("select count(*) from platform where id = ?", approved.platformId()) == 1, "the platform");
        user = platformUser(platforms.lead());
        year = BASE + "/platforms/" + approved.platformId() + "/years/2024";
    }

    @Test
    void theExportListsEveryIndicatorToEnterWithItsTargetAndImportsBackFilledIn() throws Exception {
        HttpResponse<byte[]> exported = get(year + "/values.xlsx");
        assertThat(exported.statusCode()).isEqualTo(200);
        assertThat(exported.headers().firstValue("Content-Type").orElse("")).startsWith(Xlsx.MEDIA_TYPE);
        byte[] filled;
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(exported.body()))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("指标编码");
            assertThat(sheet.getPhysicalNumberOfRows()).isEqualTo(1 + 49);
            for (Row row : sheet) {
                String code = row.getCell(0).getStringCellValue();
                if (code.equals("SHARED_MAJORS")) {
                    assertThat(row.getCell(6).getNumericCellValue()).isEqualTo(6.0);
                    row.createCell(7).setCellValue(5);
                } else if (code.equals("EMPLOYMENT_RATE")) {
                    row.createCell(7).setCellValue("96.5%");
                    row.createCell(9).setCellValue("att-9");
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            filled = out.toByteArray();
        }
        ApiResponse imported = api.put(year + "/values.xlsx").bearer(user).header("If-Match", "\"0\"")
                .header("Idempotency-Key", "x-1").body(Xlsx.MEDIA_TYPE, filled).send();
        assertThat(imported.status()).as(imported.toString()).isEqualTo(200);
        assertThat(imported.json().path("saved").asInt()).isEqualTo(2);
        ApiResponse view = api.get(year).bearer(user).send();
        assertThat(view.json().path("entered").asInt()).isEqualTo(2);
        assertThat(view.json().path("indicators").valueStream().filter(i -> i.path("code").asString().equals("EMPLOYMENT_RATE"))
                .findFirst().orElseThrow().path("value").decimalValue()).isEqualByComparingTo("96.5");
    }

    @Test
    void badRowsAreA400NamingTheirRowsAndNothingIsSaved() throws Exception {
        byte[] workbook = workbook(new Object[][] { { "指标编码", "填报值" }, { "SHARED_MAJORS", 3 }, { "SHARED_COURSES", -2 },
                { "NOT_A_CODE", 1 }, { "EMPLOYMENT_RATE", 120 } });
        ApiResponse bad = api.put(year + "/values.xlsx").bearer(user).header("If-Match", "\"0\"")
                .header("Idempotency-Key", "x-2").body(Xlsx.MEDIA_TYPE, workbook).send();
        assertThat(bad.isProblem(400)).as(bad.toString()).isTrue();
        assertThat(bad.json().path("errors").valueStream().map(e -> e.path("field").asString()).toList())
                .containsExactly("rows[3].value", "rows[4].code", "rows[5].value");
        assertThat(count("select count(*) from platform_year where platform_id = ?", approved.platformId())).isZero();
    }

    @Test
    void aFileThatIsNoWorkbookADamagedOneOrOneWithAMalformedSheetIsRefusedInWordsWithoutExceptionNames() throws Exception {
        byte[] valid = workbook(new Object[][] { { "指标编码", "填报值" }, { "SHARED_MAJORS", 3 } });
        Map<String, byte[]> uploads = new java.util.LinkedHashMap<>();
        uploads.put("xlsx.upload.notXlsx", BrokenWorkbooks.notXlsx());
        uploads.put("xlsx.upload.corrupt", BrokenWorkbooks.truncated(valid));
        uploads.put("xlsx.upload.malformedSheet", BrokenWorkbooks.malformedSheet(valid));
        int key = 0;
        for (Map.Entry<String, byte[]> upload : uploads.entrySet()) {
            for (boolean english : new boolean[] { false, true }) {
                var request = api.put(year + "/values.xlsx").bearer(user).header("If-Match", "\"0\"")
                        .header("Idempotency-Key", "broken-" + key++);
                ApiResponse refused = (english ? request.english() : request).body(Xlsx.MEDIA_TYPE, upload.getValue()).send();

                assertThat(refused.isProblem(400)).as(upload.getKey() + " " + refused).isTrue();
                assertThat(refused.json().path("type").asString()).endsWith(upload.getKey());
                String detail = refused.json().path("detail").asString();
                assertThat(detail).as(upload.getKey()).contains(english ? "Excel" : "Excel 工作簿");
                assertThat(refused.toString()).as(upload.getKey()).doesNotContain(BrokenWorkbooks.EXCEPTION_NAMES);
            }
        }
        assertThat(count("select count(*) from platform_year where platform_id = ?", approved.platformId())).isZero();
    }

    @Test
    void aCorruptWorkbookIsAClear400AndChangesNothing() {
        ApiResponse corrupt = api.put(year + "/values.xlsx").bearer(user).header("If-Match", "\"0\"").header("Idempotency-Key", "x-3")
                .english().body(Xlsx.MEDIA_TYPE, "PK\u0003\u0004 this is not a workbook".getBytes(StandardCharsets.UTF_8)).send();
        assertThat(corrupt.isProblem(400)).as(corrupt.toString()).isTrue();
        assertThat(corrupt.json().path("detail").asString()).contains("damaged");
        ApiResponse noHeader = api.put(year + "/values.xlsx").bearer(user).header("If-Match", "\"0\"").header("Idempotency-Key", "x-4")
                .body(Xlsx.MEDIA_TYPE, workbook(new Object[][] { { "a", "b" }, { "SHARED_MAJORS", 3 } })).send();
        assertThat(noHeader.isProblem(400)).isTrue();
        assertThat(count("select count(*) from platform_year where platform_id = ?", approved.platformId())).isZero();
    }

    @Test
    void aStrangerCannotImport() {
        ApiResponse stranger = api.put(year + "/values.xlsx").bearer(platformUser(java.util.UUID.randomUUID()))
                .header("If-Match", "\"0\"").header("Idempotency-Key", "x-5")
                .body(Xlsx.MEDIA_TYPE, workbook(new Object[][] { { "指标编码", "填报值" }, { "SHARED_MAJORS", 3 } })).send();
        assertThat(stranger.isProblem(403)).isTrue();
    }

    private HttpResponse<byte[]> get(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + user).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static byte[] workbook(Object[][] rows) {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Sheet sheet = workbook.createSheet("data");
            for (int r = 0; r < rows.length; r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < rows[r].length; c++) {
                    Object value = rows[r][c];
                    if (value instanceof Number number) {
                        row.createCell(c).setCellValue(number.doubleValue());
                    } else {
                        row.createCell(c).setCellValue(String.valueOf(value));
                    }
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            return out.toByteArray();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
