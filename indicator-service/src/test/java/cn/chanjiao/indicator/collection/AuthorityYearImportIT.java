package cn.chanjiao.indicator.collection;

import cn.chanjiao.contracts.application.PlatformApproved;
import cn.chanjiao.indicator.support.IntegrationTestBase;
import cn.chanjiao.indicator.support.Platforms;
import cn.chanjiao.indicator.web.Xlsx;
import cn.chanjiao.testkit.http.ApiClient.ApiResponse;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hangzhou's city authority imports its whole 2024 year: the overview export edited and imported
 * back, all or nothing, only platforms within its jurisdiction whose collection is open.
 */
class AuthorityYearImportIT extends IntegrationTestBase {

    private static final String IMPORT = BASE + "/programmes/HZ-PLATFORMS-2024/years/2024/values.xlsx";
    private static final String EXPORT = BASE + "/programmes/HZ-PLATFORMS-2024/years/2024/overview.xlsx";
    private static final String CITY = "330100";

    private PlatformApproved first;
    private PlatformApproved second;
    private PlatformApproved ningbo;
    private Platforms firstPlatforms;
    private Platforms secondPlatforms;
    private final String run = UUID.randomUUID().toString();
    /** One token per test: Idempotency-Keys are the caller's (its subject). */
    private String authority;

    @BeforeEach
    void twoHangzhouCentresWithValuesAndOneOfNingbo() {
        authority = reviewer(CITY);
        firstPlatforms = Platforms.aHangzhouPracticeCentre("PRACTICE_CENTER_SCHOOL").named("甲实践中心-" + UUID.randomUUID())
                .target("TRAINING_COURSES", 2024, "10");
        secondPlatforms = Platforms.aHangzhouPracticeCentre("PRACTICE_CENTER_SCHOOL").named("乙实践中心-" + UUID.randomUUID())
                .region("330108");
        first = firstPlatforms.build();
        second = secondPlatforms.build();
        ningbo = Platforms.aHangzhouPracticeCentre("PRACTICE_CENTER_SCHOOL").named("宁波实践中心-" + UUID.randomUUID())
                .region("330203").authority("330200").build();
        publish(first);
        publish(second);
        publish(ningbo);
        await(() -> count("select count(*) from platform where id in (?, ?, ?)", first.platformId(), second.platformId(),
                ningbo.platformId()) == 3, "the platforms");
        save(first, firstPlatforms, Map.of("values", List.of(value("TRAINING_COURSES", 5),
                Map.of("code", "TRAINING_TEXTBOOKS", "value", 2, "note", "两本教材",
                        "evidence", List.of(Map.of("attachmentId", "att-1", "name", "教材封面.pdf"))))));
        save(second, secondPlatforms, Map.of("values", List.of(value("TRAINING_COURSES", 3))));
    }

    @Test
    void theOverviewExportEditedForTwoPlatformsComesBackAsOneImportThatWritesBoth() throws Exception {
        HttpResponse<byte[]> exported = download(EXPORT, authority);
        assertThat(exported.statusCode()).isEqualTo(200);
        byte[] edited;
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(exported.body()))) {
            Sheet sheet = workbook.getSheet("指标数据");
            Map<String, Integer> columns = header(sheet.getRow(0));
            assertThat(columns).containsKeys("平台编号", "平台名称", "指标编码", "实际值", "说明", "佐证材料");
            int edits = 0;
            for (Row row : sheet) {
                String platform = text(row, columns.get("平台编号"));
                String code = text(row, columns.get("指标编码"));
                if (first.platformId().toString().equals(platform) && "TRAINING_COURSES".equals(code)) {
                    assertThat(row.getCell(columns.get("实际值")).getNumericCellValue()).isEqualTo(5.0);
                    row.getCell(columns.get("实际值")).setCellValue(40);
                    edits++;
                } else if (first.platformId().toString().equals(platform) && "TRAINING_TEXTBOOKS".equals(code)) {
                    assertThat(text(row, columns.get("说明"))).isEqualTo("两本教材");
                    assertThat(text(row, columns.get("佐证材料"))).isEqualTo("att-1");
                } else if (second.platformId().toString().equals(platform) && "TRAINING_COURSES".equals(code)) {
                    row.getCell(columns.get("实际值")).setCellValue(6);
                    edits++;
                } else if (second.platformId().toString().equals(platform) && "TRAINING_TEXTBOOKS".equals(code)) {
                    row.createCell(columns.get("实际值")).setCellValue(1);
                    row.createCell(columns.get("说明")).setCellValue("市级汇总补录");
                    edits++;
                }
            }
            assertThat(edits).isEqualTo(3);
            edited = bytes(workbook);
        }

        ApiResponse imported = api.put(IMPORT).bearer(authority).header("Idempotency-Key", key("year-1"))
                .body(Xlsx.MEDIA_TYPE, edited).send();
        assertThat(imported.status()).as(imported.toString()).isEqualTo(200);
        JsonNode firstOutcome = written(imported.json(), first.platformId());
        JsonNode secondOutcome = written(imported.json(), second.platformId());
        assertThat(firstOutcome.path("saved").asInt()).isEqualTo(1);
        assertThat(firstOutcome.path("unchanged").asInt()).isEqualTo(1);
        assertThat(firstOutcome.path("version").asLong()).isEqualTo(2);
        assertThat(firstOutcome.path("warnings").valueStream().map(w -> w.path("code").asString()).toList())
                .contains("warning.farAboveTarget");
        assertThat(secondOutcome.path("saved").asInt()).isEqualTo(2);
        assertThat(secondOutcome.path("version").asLong()).isEqualTo(2);
        assertThat(imported.json().path("written").size()).isEqualTo(2);
        assertThat(imported.json().path("unchangedPlatforms").valueStream().map(p -> p.path("platformId").asString()).toList())
                .doesNotContain(first.platformId().toString(), second.platformId().toString());

        JsonNode firstYear = year(first, firstPlatforms);
        assertThat(firstYear.path("version").asLong()).isEqualTo(2);
        assertThat(indicator(firstYear, "TRAINING_COURSES").path("value").decimalValue()).isEqualByComparingTo("40");
        JsonNode textbooks = indicator(firstYear, "TRAINING_TEXTBOOKS");
        assertThat(textbooks.path("value").decimalValue()).isEqualByComparingTo("2");
        assertThat(textbooks.path("evidence").get(0).path("name").asString()).isEqualTo("教材封面.pdf");
        JsonNode secondYear = year(second, secondPlatforms);
        assertThat(indicator(secondYear, "TRAINING_COURSES").path("value").decimalValue()).isEqualByComparingTo("6");
        assertThat(indicator(secondYear, "TRAINING_TEXTBOOKS").path("value").decimalValue()).isEqualByComparingTo("1");
        assertThat(indicator(secondYear, "TRAINING_TEXTBOOKS").path("note").asString()).isEqualTo("市级汇总补录");
        assertThat(indicator(secondYear, "TRAINING_TEXTBOOKS").path("updatedBy").asString()).isEqualTo("reviewer-" + CITY);

        String boundary = "----year-import";
        ByteArrayOutputStream multipart = new ByteArrayOutputStream();
        multipart.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"year.xlsx\"\r\n"
                + "Content-Type: " + Xlsx.MEDIA_TYPE + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        multipart.write(edited);
        multipart.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        ApiResponse replayed = api.put(IMPORT).bearer(authority).header("Idempotency-Key", key("year-1"))
                .body("multipart/form-data; boundary=" + boundary, multipart.toByteArray()).send();
        assertThat(replayed.status()).as(replayed.toString()).isEqualTo(200);
        assertThat(replayed.header("Idempotent-Replayed")).contains("true");
        assertThat(written(replayed.json(), first.platformId()).path("version").asLong()).isEqualTo(2);
        assertThat(year(first, firstPlatforms).path("version").asLong()).isEqualTo(2);

        ApiResponse again = api.put(IMPORT).bearer(authority).header("Idempotency-Key", key("year-2"))
                .body(Xlsx.MEDIA_TYPE, edited).send();
        assertThat(again.status()).as(again.toString()).isEqualTo(200);
        assertThat(again.json().path("saved").asInt()).as("the same sheet again changes nothing").isZero();
        assertThat(year(second, secondPlatforms).path("version").asLong()).isEqualTo(2);

        byte[] other = sheet(new Object[][] { { "平台编号", "指标编码", "实际值" },
                { first.platformId().toString(), "TRAINING_COURSES", 41 } });
        assertThat(api.put(IMPORT).bearer(authority).header("Idempotency-Key", key("year-1")).body(Xlsx.MEDIA_TYPE, other)
                .send().isProblem(409)).as("the key of another sheet").isTrue();
    }

    @Test
    void aPlatformThatSavedAfterTheExportIsNotOverwrittenByTheImportOfTheOlderSheet() throws Exception {
        HttpResponse<byte[]> exported = download(EXPORT, authority);
        // the platform's own user saves after the authority exported (version 1 → 2)
        ApiResponse later = api.put(BASE + "/platforms/" + first.platformId() + "/years/2024/values")
                .bearer(platformUser(firstPlatforms.lead())).header("If-Match", "\"1\"")
                .header("Idempotency-Key", "later-" + UUID.randomUUID())
                .json(Map.of("values", List.of(value("TRAINING_COURSES", 7)))).send();
        assertThat(later.status()).as(later.toString()).isEqualTo(200);
        byte[] edited;
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(exported.body()))) {
            Sheet sheet = workbook.getSheet("指标数据");
            Map<String, Integer> columns = header(sheet.getRow(0));
            assertThat(columns).containsKey("版本");
            for (Row row : sheet) {
                if (first.platformId().toString().equals(text(row, columns.get("平台编号")))
                        && "TRAINING_COURSES".equals(text(row, columns.get("指标编码")))) {
                    assertThat(text(row, columns.get("版本"))).isEqualTo("1");
                    row.getCell(columns.get("实际值")).setCellValue(40);
                }
            }
            edited = bytes(workbook);
        }

        ApiResponse refused = api.put(IMPORT).bearer(authority).header("Idempotency-Key", key("stale-1"))
                .body(Xlsx.MEDIA_TYPE, edited).send();

        assertThat(refused.isProblem(400)).as(refused.toString()).isTrue();
        JsonNode error = refused.json().path("errors").get(0);
        assertThat(error.path("code").asString()).isEqualTo("import.stale");
        assertThat(error.path("field").asString()).endsWith(".version");
        assertThat(error.path("message").asString()).contains("1").contains("2");
        assertThat(indicator(year(first, firstPlatforms), "TRAINING_COURSES").path("value").decimalValue())
                .as("the platform's later save stands").isEqualByComparingTo("7");
        assertThat(year(first, firstPlatforms).path("version").asLong()).isEqualTo(2);
    }

    @Test
    void aBadRowLeavesEveryPlatformAsItWasAndTheErrorsNameTheirRowsAndColumns() {
        byte[] bad = sheet(new Object[][] { { "平台编号", "平台名称", "指标编码", "实际值" },
                { first.platformId().toString(), "甲", "TRAINING_COURSES", 7 },
                { second.platformId().toString(), "乙", "TRAINING_COURSES", -1 },
                { second.platformId().toString(), "乙", "NOT_A_CODE", 1 },
                { second.platformId().toString(), "乙", "TRAINING_TEXTBOOKS", 2.5 },
                { "not-a-platform", "?", "TRAINING_COURSES", 1 } });
        ApiResponse refused = api.put(IMPORT).bearer(programmeAdmin(CITY)).header("Idempotency-Key", key("bad-1"))
                .body(Xlsx.MEDIA_TYPE, bad).send();
        assertThat(refused.isProblem(400)).as(refused.toString()).isTrue();
        List<JsonNode> errors = refused.json().path("errors").valueStream().toList();
        assertThat(errors.stream().map(e -> e.path("field").asString()).toList())
                .containsExactly("rows[3].value", "rows[4].code", "rows[5].value", "rows[6].platformId");
        assertThat(errors.stream().map(e -> e.path("row").asInt() + e.path("column").asString()).toList())
                .containsExactly("3D", "4C", "5D", "6A");
        assertThat(errors.get(0).path("message").asString()).isNotBlank();
        assertThat(errors.get(2).path("code").asString()).isEqualTo("value.notInteger");

        assertThat(year(first, firstPlatforms).path("version").asLong()).as("the good row was not written").isEqualTo(1);
        assertThat(indicator(year(first, firstPlatforms), "TRAINING_COURSES").path("value").decimalValue())
                .isEqualByComparingTo("5");
        assertThat(year(second, secondPlatforms).path("version").asLong()).isEqualTo(1);
        assertThat(count("select count(*) from idempotent_request where idempotency_key = ?", key("bad-1"))).isZero();
    }

    @Test
    void aPlatformOutsideTheJurisdictionIsARowErrorAndAPlatformUserMayNotImport() {
        byte[] rows = sheet(new Object[][] { { "平台编号", "指标编码", "实际值" },
                { first.platformId().toString(), "TRAINING_COURSES", 7 },
                { ningbo.platformId().toString(), "TRAINING_COURSES", 7 } });
        ApiResponse refused = api.put(IMPORT).bearer(authority).header("Idempotency-Key", key("out-1")).english()
                .body(Xlsx.MEDIA_TYPE, rows).send();
        assertThat(refused.isProblem(400)).as(refused.toString()).isTrue();
        JsonNode error = refused.json().path("errors").get(0);
        assertThat(error.path("field").asString()).isEqualTo("rows[3].platformId");
        assertThat(error.path("code").asString()).isEqualTo("platform.notYourJurisdiction");
        assertThat(error.path("message").asString()).contains("not within your authority");
        assertThat(refused.json().path("errors").size()).isEqualTo(1);
        assertThat(year(first, firstPlatforms).path("version").asLong()).isEqualTo(1);
        assertThat(count("select count(*) from platform_year where platform_id = ?", ningbo.platformId())).isZero();

        assertThat(api.put(IMPORT).bearer(platformUser(firstPlatforms.lead())).header("Idempotency-Key", key("out-2"))
                .body(Xlsx.MEDIA_TYPE, rows).send().isProblem(403)).isTrue();
        assertThat(api.put(BASE + "/programmes/NO-SUCH-PROGRAMME/years/2024/values.xlsx").bearer(authority)
                .header("Idempotency-Key", key("out-3")).body(Xlsx.MEDIA_TYPE, rows).send().isProblem(404)).isTrue();
        assertThat(api.put(IMPORT).bearer(authority).body(Xlsx.MEDIA_TYPE, rows).send().isProblem(400))
                .as("without Idempotency-Key").isTrue();
    }

    @Test
    void aSubmittedPlatformWithChangedRowsIsARowErrorWhileItsUnchangedRowsAreNot() {
        ApiResponse submitted = api.post(BASE + "/platforms/" + second.platformId() + "/years/2024/submission")
                .bearer(platformUser(secondPlatforms.lead())).header("If-Match", "\"1\"").header("Idempotency-Key", "s-1").send();
        assertThat(submitted.status()).as(submitted.toString()).isEqualTo(200);
        byte[] unchangedSecond = sheet(new Object[][] { { "平台编号", "指标编码", "实际值" },
                { first.platformId().toString(), "TRAINING_COURSES", 8 },
                { second.platformId().toString(), "TRAINING_COURSES", 3 } });
        ApiResponse fine = api.put(IMPORT).bearer(authority).header("Idempotency-Key", key("sub-1"))
                .body(Xlsx.MEDIA_TYPE, unchangedSecond).send();
        assertThat(fine.status()).as(fine.toString()).isEqualTo(200);
        assertThat(fine.json().path("written").size()).isEqualTo(1);
        assertThat(fine.json().path("unchangedPlatforms").get(0).path("platformId").asString())
                .isEqualTo(second.platformId().toString());

        byte[] changedSecond = sheet(new Object[][] { { "平台编号", "指标编码", "实际值" },
                { first.platformId().toString(), "TRAINING_COURSES", 9 },
                { second.platformId().toString(), "TRAINING_COURSES", 4 } });
        ApiResponse refused = api.put(IMPORT).bearer(authority).header("Idempotency-Key", key("sub-2"))
                .body(Xlsx.MEDIA_TYPE, changedSecond).send();
        assertThat(refused.isProblem(400)).as(refused.toString()).isTrue();
        JsonNode error = refused.json().path("errors").get(0);
        assertThat(error.path("field").asString()).isEqualTo("rows[3].platformId");
        assertThat(error.path("code").asString()).isEqualTo("import.notWritable");
        assertThat(error.path("message").asString()).contains("已提交");
        assertThat(indicator(year(first, firstPlatforms), "TRAINING_COURSES").path("value").decimalValue())
                .isEqualByComparingTo("8");
    }

    @Test
    void aCorruptWorkbookOrOneWithoutTheColumnsIsAClear400AndChangesNothing() {
        ApiResponse corrupt = api.put(IMPORT).bearer(authority).header("Idempotency-Key", key("c-1")).english()
                .body(Xlsx.MEDIA_TYPE, "PK\u0003\u0004 this is not a workbook".getBytes(StandardCharsets.UTF_8)).send();
        assertThat(corrupt.isProblem(400)).as(corrupt.toString()).isTrue();
        assertThat(corrupt.json().path("detail").asString()).contains("damaged");
        ApiResponse platformSheet = api.put(IMPORT).bearer(authority).header("Idempotency-Key", key("c-2"))
                .body(Xlsx.MEDIA_TYPE, sheet(new Object[][] { { "指标编码", "填报值" }, { "TRAINING_COURSES", 3 } })).send();
        assertThat(platformSheet.isProblem(400)).as(platformSheet.toString()).isTrue();
        assertThat(platformSheet.json().path("detail").asString()).contains("平台编号");
        assertThat(year(first, firstPlatforms).path("version").asLong()).isEqualTo(1);
        assertThat(year(second, secondPlatforms).path("version").asLong()).isEqualTo(1);
    }

    // --- helpers

    /** An Idempotency-Key of this test only (the authority's users are the same in every test). */
    private String key(String name) {
        return run + "-" + name;
    }

    private void save(PlatformApproved platform, Platforms platforms, Map<String, Object> body) {
        ApiResponse saved = api.put(BASE + "/platforms/" + platform.platformId() + "/years/2024/values")
                .bearer(platformUser(platforms.lead())).header("If-Match", "\"0\"")
                .header("Idempotency-Key", "seed-" + UUID.randomUUID()).json(body).send();
        assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
    }

    private JsonNode year(PlatformApproved platform, Platforms platforms) {
        ApiResponse view = api.get(BASE + "/platforms/" + platform.platformId() + "/years/2024")
                .bearer(platformUser(platforms.lead())).send();
        assertThat(view.status()).as(view.toString()).isEqualTo(200);
        return view.json();
    }

    private static JsonNode indicator(JsonNode year, String code) {
        return year.path("indicators").valueStream().filter(i -> i.path("code").asString().equals(code)).findFirst()
                .orElseThrow();
    }

    private static JsonNode written(JsonNode answer, UUID platformId) {
        return answer.path("written").valueStream().filter(p -> p.path("platformId").asString().equals(platformId.toString()))
                .findFirst().orElseThrow(() -> new AssertionError("no outcome for " + platformId + " in " + answer));
    }

    private HttpResponse<byte[]> download(String path, String token) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static Map<String, Integer> header(Row row) {
        Map<String, Integer> columns = new HashMap<>();
        row.forEach(cell -> columns.put(cell.getStringCellValue(), cell.getColumnIndex()));
        return columns;
    }

    private static String text(Row row, int column) {
        Cell cell = row.getCell(column);
        return cell == null ? null : cell.toString();
    }

    private static byte[] bytes(XSSFWorkbook workbook) throws java.io.IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        workbook.write(out);
        return out.toByteArray();
    }

    private static byte[] sheet(Object[][] rows) {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Sheet sheet = workbook.createSheet("data");
            for (int r = 0; r < rows.length; r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < rows[r].length; c++) {
                    Object value = rows[r][c];
                    if (value instanceof Number number) {
                        row.createCell(c).setCellValue(new BigDecimal(number.toString()).doubleValue());
                    } else {
                        row.createCell(c).setCellValue(String.valueOf(value));
                    }
                }
            }
            return bytes(workbook);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
