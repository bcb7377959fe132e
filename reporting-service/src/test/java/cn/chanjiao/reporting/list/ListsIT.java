package cn.chanjiao.reporting.list;

import cn.chanjiao.contracts.Topics;
import cn.chanjiao.reporting.support.IntegrationTestBase;
import cn.chanjiao.reporting.support.ListDriver;
import cn.chanjiao.reporting.support.Sheets;
import cn.chanjiao.testkit.files.BrokenWorkbooks;
import cn.chanjiao.testkit.engine.TestEngines;
import cn.chanjiao.testkit.http.ApiClient.ApiResponse;
import cn.chanjiao.testkit.kafka.TopicProbe;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The lists: rows by hand with validation, XLSX round trip of every table, all-or-nothing import, publication. */
class ListsIT extends IntegrationTestBase {

    static final List<Object> TALENT_DEMAND_HEADER = List.of("序号", "单位名称", "人才需求情况", "", "", "", "联系人", "联系方式");
    static final List<Object> TALENT_DEMAND_SUBHEADER = List.of("", "", "需求说明", "需求专业", "学历层次", "需求人数", "", "");

    @ParameterizedTest
    @EnumSource(ListKind.class)
    void everyTableRoundTripsThroughXlsxInTheSeedLayout(ListKind kind) {
        TestPlatform platform = ListKind.PRACTICE_CENTRE.contains(kind)
                ? approve("HZ-PLATFORMS-2024", "PRACTICE_CENTER_SCHOOL", "330106", "330100", List.of(2024, 2025, 2026),
                        Instant.parse("2024-07-01T02:00:00Z"))
                : hangzhouCommunity();
        String token = applicant(platform.lead());
        ListDriver source = ListDriver.create(api, token, platform.id(), kind.name(), 2025, "装备制造");
        source.addOk(sample(kind, 1));
        source.addOk(sample(kind, 2));

        byte[] exported = source.export(port);
        ListDriver target = ListDriver.create(api, token, platform.id(), kind.name(), 2026, "装备制造");
        ApiResponse imported = target.importFile("导出.xlsx", exported);

        assertThat(imported.status()).as(imported.toString()).isEqualTo(200);
        assertThat(imported.json().path("rows").asInt()).isEqualTo(2);
        assertThat(values(target.rows())).isEqualTo(values(source.rows()));
        assertThat(values(source.rows()).get(0)).containsValue("焊接机器人运维 1");
    }

    @Test
    void rowsEnteredByHandAreValidatedAndABadOneAddsNothing() {
        TestPlatform platform = hangzhouCommunity();
        ListDriver list = ListDriver.create(api, applicant(platform.lead()), platform.id(), "TALENT_DEMAND", 2025, null);
        Map<String, Object> negative = sample(ListKind.TALENT_DEMAND, 1);
        negative.put("headcount", -3);
        Map<String, Object> fraction = sample(ListKind.TALENT_DEMAND, 1);
        fraction.put("headcount", 2.5);
        Map<String, Object> words = sample(ListKind.TALENT_DEMAND, 1);
        words.put("headcount", "若干");
        Map<String, Object> unknownLevel = sample(ListKind.TALENT_DEMAND, 1);
        unknownLevel.put("educationLevel", "幼儿园");
        Map<String, Object> incomplete = sample(ListKind.TALENT_DEMAND, 1);
        incomplete.remove("contact");

        ApiResponse negativeAnswer = list.add(negative);
        ApiResponse unknownAnswer = list.add(unknownLevel);

        assertThat(negativeAnswer.isProblem(400)).as(negativeAnswer.toString()).isTrue();
        assertThat(negativeAnswer.json().path("detail").asString()).isEqualTo("“需求人数”：人数“-3”不是正整数。");
        assertThat(list.add(fraction).json().path("errors").get(0).path("code").asString()).isEqualTo("list.cell.headcount");
        assertThat(list.add(words).json().path("errors").get(0).path("code").asString()).isEqualTo("list.cell.headcount");
        assertThat(unknownAnswer.json().path("errors").get(0).path("code").asString()).isEqualTo("list.cell.educationLevel");
        assertThat(unknownAnswer.json().path("errors").get(0).path("column").asString()).isEqualTo("educationLevel");
        assertThat(list.add(incomplete).json().path("errors").get(0).path("code").asString()).isEqualTo("list.cell.required");
        assertThat(list.rows().json().path("total").asInt()).isZero();
    }

    @Test
    void aStrangerCannotCreateOrFillAnotherPlatformsList() {
        TestPlatform platform = hangzhouCommunity();
        ListDriver list = ListDriver.create(api, applicant(platform.lead()), platform.id(), "TECH_DEMAND", 2025, null);
        String stranger = applicant(UUID.randomUUID());

        ApiResponse create = api.post("/api/v1/supply-demand/lists").bearer(stranger)
                .json(Map.of("platformId", platform.id().toString(), "kind", "TECH_SUPPLY", "year", 2025)).send();
        ApiResponse add = api.post("/api/v1/supply-demand/lists/" + list.id() + "/rows").bearer(stranger)
                .json(sample(ListKind.TECH_DEMAND, 1)).send();
        ApiResponse wrongKind = api.post("/api/v1/supply-demand/lists").bearer(applicant(platform.lead()))
                .json(Map.of("platformId", platform.id().toString(), "kind", "TRAINING_SUPPLY", "year", 2025)).send();

        assertThat(create.isProblem(403)).as(create.toString()).isTrue();
        assertThat(add.isProblem(403)).as(add.toString()).isTrue();
        assertThat(wrongKind.isProblem(400)).as(wrongKind.toString()).isTrue();
        assertThat(list.rows().json().path("total").asInt()).isZero();
    }

    @Test
    void anImportWithBadRowsReportsEachByRowColumnAndReasonAndChangesNothing() {
        TestPlatform platform = hangzhouCommunity();
        ListDriver list = ListDriver.create(api, applicant(platform.lead()), platform.id(), "TALENT_DEMAND", 2025, null);
        list.addOk(sample(ListKind.TALENT_DEMAND, 1));
        byte[] sheet = Sheets.workbook(List.of(
                List.of("一、行业人才需求清单"), TALENT_DEMAND_HEADER, TALENT_DEMAND_SUBHEADER,
                List.of(1, "太原重工", "数控设备操作", "数控技术", "专科", 10, "王工", "0351-1234567"),
                List.of(2, "太原重工", "焊接", "焊接技术与自动化", "大专", 0, "王工", "0351-1234567"),
                List.of(3, "晋能控股", "矿山机电", "机电一体化技术", "幼儿园", "5人", "李工", "13800138000"),
                List.of(4, "晋能控股", "安全管理", "安全技术与管理", "本科及以上", "3人", "", "13800138000")));

        ApiResponse refused = list.importFile("清单.xlsx", sheet);

        assertThat(refused.isProblem(422)).as(refused.toString()).isTrue();
        assertThat(refused.json().path("errorCount").asInt()).isEqualTo(3);
        List<String> errors = new ArrayList<>();
        refused.json().path("errors").forEach(e -> errors.add(e.path("row").asInt() + e.path("column").asString() + " "
                + e.path("header").asString() + " " + e.path("code").asString()));
        assertThat(errors).containsExactly("5F 需求人数 list.cell.headcount", "6E 学历层次 list.cell.educationLevel",
                "7G 联系人 list.cell.required");
        assertThat(refused.json().path("errors").get(0).path("reason").asString()).isEqualTo("人数“0”不是正整数。");
        assertThat(list.rows().json().path("total").asInt()).isEqualTo(1);
        assertThat(list.rows().json().path("items").get(0).path("unitName").asString()).isEqualTo("示范单位1");
    }

    @Test
    void aCleanImportReplacesTheDraftAndReadsSynonymsOfEducationLevelsAndHeadcountsWithRen() {
        TestPlatform platform = hangzhouCommunity();
        ListDriver list = ListDriver.create(api, applicant(platform.lead()), platform.id(), "TALENT_DEMAND", 2025, null);
        list.addOk(sample(ListKind.TALENT_DEMAND, 1));
        byte[] sheet = Sheets.workbook(List.of(List.of("一、行业人才需求清单"), TALENT_DEMAND_HEADER, TALENT_DEMAND_SUBHEADER,
                List.of(1, "太原重工", "数控设备操作", "数控技术", "大专", 10, "王工", "0351-1234567"),
                List.of(),
                List.of(2, "晋能控股", "安全管理", "安全技术与管理", "本科及以上", "3人", "李工", "13800138000")));

        ApiResponse imported = list.importFile("清单.xlsx", sheet);

        assertThat(imported.status()).as(imported.toString()).isEqualTo(200);
        JsonNode rows = list.rows().json().path("items");
        assertThat(rows.size()).isEqualTo(2);
        assertThat(rows.get(0).path("educationLevel").asString()).isEqualTo("ASSOCIATE");
        assertThat(rows.get(1).path("educationLevel").asString()).isEqualTo("BACHELOR");
        assertThat(rows.get(1).path("headcount").asInt()).isEqualTo(3);
    }

    @Test
    void anImportRetriedWithTheSameIdempotencyKeyIsAnsweredFromTheFirstAndNotAppliedAgain() {
        TestPlatform platform = hangzhouCommunity();
        String token = applicant(platform.lead());
        ListDriver list = ListDriver.create(api, token, platform.id(), "TECH_SUPPLY", 2025, null);
        list.addOk(sample(ListKind.TECH_SUPPLY, 1));
        byte[] sheet = list.export(port);
        String etag = list.etag();

        ApiResponse first = cn.chanjiao.reporting.support.Multipart.file(api.post("/api/v1/supply-demand/lists/"
                + list.id() + "/import").bearer(token).header("If-Match", etag).header("Idempotency-Key", "imp-" + list.id()),
                "a.xlsx", ListDriver.XLSX, sheet).send();
        ApiResponse retried = cn.chanjiao.reporting.support.Multipart.file(api.post("/api/v1/supply-demand/lists/"
                + list.id() + "/import").bearer(token).header("If-Match", etag).header("Idempotency-Key", "imp-" + list.id()),
                "a.xlsx", ListDriver.XLSX, sheet).send();

        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(retried.status()).as(retried.toString()).isEqualTo(200);
        assertThat(retried.json().path("replayed").asBoolean()).isTrue();
        assertThat(retried.json().path("version").asLong()).isEqualTo(first.json().path("version").asLong());
        assertThat(list.get().json().path("version").asLong()).isEqualTo(first.json().path("version").asLong());
    }

    @Test
    void anOpenServicePlanReadsRealExcelDateCellsWhateverTheirDisplayFormat() throws Exception {
        TestPlatform centre = approve("HZ-PLATFORMS-2024", "PRACTICE_CENTER_PUBLIC", "330106", "330100",
                List.of(2024, 2025, 2026), Instant.parse("2024-07-01T02:00:00Z"));
        ListDriver list = ListDriver.create(api, applicant(centre.lead()), centre.id(), "OPEN_SERVICE_PLAN", 2025, null);
        byte[] sheet;
        try (var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook();
                var out = new java.io.ByteArrayOutputStream()) {
            var dates = workbook.createCellStyle();
            dates.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("yyyy\"年\"m\"月\"d\"日\""));
            var sheet0 = workbook.createSheet("对外开放服务计划");
            String[] header = { "序号", "起始时间 (年月日)", "结束时间 (年月日)", "服务单位名称", "服务项目类型 (实习实训、培训、技术服务)",
                    "服务项目内容", "服务人数" };
            var head = sheet0.createRow(0);
            for (int c = 0; c < header.length; c++) {
                head.createCell(c).setCellValue(header[c]);
            }
            var row = sheet0.createRow(1);
            row.createCell(0).setCellValue(1);
            row.createCell(1).setCellValue(java.time.LocalDate.of(2025, 3, 3));
            row.getCell(1).setCellStyle(dates);
            row.createCell(2).setCellValue(java.time.LocalDate.of(2025, 6, 30));
            row.getCell(2).setCellStyle(dates);
            row.createCell(3).setCellValue("杭州某中职学校");
            row.createCell(4).setCellValue("实习实训");
            row.createCell(5).setCellValue("数控加工实训");
            row.createCell(6).setCellValue(45);
            workbook.write(out);
            sheet = out.toByteArray();
        }

        ApiResponse imported = list.importFile("计划.xlsx", sheet);

        assertThat(imported.status()).as(imported.toString()).isEqualTo(200);
        JsonNode row = list.rows().json().path("items").get(0);
        assertThat(row.path("startOn").asString()).isEqualTo("2025-03-03");
        assertThat(row.path("endOn").asString()).isEqualTo("2025-06-30");
        assertThat(row.path("serviceType").asString()).isEqualTo("INTERNSHIP");
        assertThat(row.path("headcount").asInt()).isEqualTo(45);
    }

    @Test
    void aSheetWithoutTheTemplatesColumnsIsRefusedNamingThem() {
        TestPlatform platform = hangzhouCommunity();
        ListDriver list = ListDriver.create(api, applicant(platform.lead()), platform.id(), "TALENT_DEMAND", 2025, null);
        byte[] sheet = Sheets.workbook(List.of(List.of("序号", "单位名称", "需求说明", "需求专业", "需求人数", "联系人"),
                List.of(1, "太原重工", "数控设备操作", "数控技术", 10, "王工")));
        byte[] noHeader = Sheets.workbook(List.of(List.of("名称", "数量"), List.of("a", 1)));

        ApiResponse missing = list.importFile("清单.xlsx", sheet);
        ApiResponse other = list.importFile("别的表.xlsx", noHeader);

        assertThat(missing.isProblem(400)).as(missing.toString()).isTrue();
        assertThat(missing.json().path("detail").asString()).isEqualTo("第 1 行的表头缺少列：学历层次、联系方式（“行业人才需求清单”模板）。");
        assertThat(other.isProblem(400)).as(other.toString()).isTrue();
        assertThat(other.json().path("type").asString()).endsWith("xlsx.notTemplate");
    }

    @Test
    void aCorruptWorkbookOrADisguisedFileIsRefusedAndNothingChanges() {
        TestPlatform platform = hangzhouCommunity();
        ListDriver list = ListDriver.create(api, applicant(platform.lead()), platform.id(), "TECH_SUPPLY", 2025, null);
        list.addOk(sample(ListKind.TECH_SUPPLY, 1));
        byte[] valid = list.export(port);
        byte[] truncated = Arrays.copyOf(valid, valid.length / 2);

        ApiResponse corrupt = list.importFile("清单.xlsx", truncated);
        ApiResponse disguised = list.importFile("清单.xlsx", "%PDF-1.4 not a workbook".getBytes(StandardCharsets.US_ASCII));

        assertThat(corrupt.isProblem(400)).as(corrupt.toString()).isTrue();
        assertThat(corrupt.json().path("type").asString()).endsWith("xlsx.corrupt");
        assertThat(disguised.isProblem(400)).as(disguised.toString()).isTrue();
        assertThat(disguised.json().path("type").asString()).endsWith("xlsx.notXlsx");
        assertThat(list.rows().json().path("total").asInt()).isEqualTo(1);
    }

    @Test
    void aCsvADamagedZipAndAMalformedSheetAreRefusedInWordsNamingNoException() {
        TestPlatform platform = hangzhouCommunity();
        ListDriver list = ListDriver.create(api, applicant(platform.lead()), platform.id(), "TECH_SUPPLY", 2025, null);
        list.addOk(sample(ListKind.TECH_SUPPLY, 1));
        byte[] valid = list.export(port);

        ApiResponse csv = list.importFile("清单.xlsx", BrokenWorkbooks.notXlsx());
        ApiResponse damaged = list.importFile("清单.xlsx", BrokenWorkbooks.truncated(valid));
        ApiResponse malformed = list.importFile("清单.xlsx", BrokenWorkbooks.malformedSheet(valid));

        assertThat(csv.isProblem(400)).as(csv.toString()).isTrue();
        assertThat(csv.json().path("detail").asString()).contains("不是 Excel 工作簿");
        assertThat(damaged.isProblem(400)).as(damaged.toString()).isTrue();
        assertThat(damaged.json().path("detail").asString()).contains("已损坏");
        assertThat(malformed.isProblem(400)).as(malformed.toString()).isTrue();
        assertThat(malformed.json().path("type").asString()).endsWith("xlsx.upload.malformedSheet");
        assertThat(malformed.json().path("detail").asString()).contains("工作表内容格式有误");
        for (ApiResponse refused : List.of(csv, damaged, malformed)) {
            assertThat(refused.toString()).doesNotContain(BrokenWorkbooks.EXCEPTION_NAMES);
        }
        assertThat(list.rows().json().path("total").asInt()).isEqualTo(1);
    }

    @Test
    void publishingNeedsRowsFreezesTheListAndPublishesListPublished() {
        TestPlatform platform = hangzhouCommunity();
        String token = applicant(platform.lead());
        ListDriver list = ListDriver.create(api, token, platform.id(), "TECH_DEMAND", 2025, "装备制造");
        ApiResponse empty = list.publish();
        list.addOk(sample(ListKind.TECH_DEMAND, 1));

        ApiResponse published = list.publish();
        ApiResponse afterwards = list.add(sample(ListKind.TECH_DEMAND, 2));

        assertThat(empty.isProblem(409)).as(empty.toString()).isTrue();
        assertThat(published.status()).as(published.toString()).isEqualTo(200);
        assertThat(published.json().path("status").asString()).isEqualTo("PUBLISHED");
        assertThat(afterwards.isProblem(409)).as(afterwards.toString()).isTrue();
        assertThat(TopicProbe.records(TestEngines.kafka().bootstrapServers(), Topics.REPORTING,
                r -> r.key().equals(list.id()) && r.value().contains("\"ListPublished\"") && r.value().contains("\"rows\":1"),
                Duration.ofSeconds(15), 1)).hasSize(1);
    }

    /** A row of the kind whose texts carry {@code n}. */
    static Map<String, Object> sample(ListKind kind, int n) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (ListKind.Column column : kind.columns()) {
            Object value = switch (column.field()) {
                case UNIT_NAME -> "示范单位" + n;
                case DESCRIPTION -> "焊接机器人运维 " + n;
                case MAJOR -> "智能焊接技术";
                case EDUCATION_LEVEL -> "专科";
                case HEADCOUNT -> 10 + n;
                case CONTACT -> "联系人" + n;
                case PHONE -> "0571-8888000" + n;
                case START_ON -> "2025-03-0" + n;
                case END_ON -> "2025-06-" + (20 + n);
                case SERVICE_TYPE -> n == 1 ? "实习实训" : "技术服务";
            };
            row.put(column.field().property(), value);
        }
        return row;
    }

    /** The rows' values without ids, list and year. */
    static List<Map<String, String>> values(ApiResponse rows) {
        List<Map<String, String>> values = new ArrayList<>();
        rows.json().path("items").forEach(item -> {
            Map<String, String> row = new LinkedHashMap<>();
            item.propertyNames().forEach(name -> {
                if (!List.of("id", "listId", "year", "publishedAt").contains(name)) {
                    row.put(name, item.path(name).asString(""));
                }
            });
            values.add(row);
        });
        return values;
    }
}
