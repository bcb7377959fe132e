package cn.chanjiao.application.form;

import cn.chanjiao.application.programme.PlatformType;
import cn.chanjiao.application.support.IntegrationTestBase;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The form as a document to print and stamp, and its plan table as a spreadsheet. */
class FormDocumentIT extends IntegrationTestBase {

    private HttpResponse<byte[]> download(String path, String token) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void theCommunityFormIsAWordDocumentWithCoverPlanTableSectionsAndCommitment() throws Exception {
        UUID enterprise = identity.organisation("ENTERPRISE").name("杭州智联科技有限公司").region("330106").register();
        String token = applicant(enterprise);
        FormDriver form = new FormDriver(api, token);
        form.create(programmeId("HZ-PLATFORMS-2024"), PlatformType.INDUSTRY_COMMUNITY);
        form.fillValid("HZ-PLATFORMS-2024", PlatformType.INDUSTRY_COMMUNITY, "330106");
        form.put("sections/KEY_TASKS", "{\"text\":\"联合开发教学资源。\\n建设技术创新中心。\"}");

        HttpResponse<byte[]> response = download("/api/v1/applications/" + form.id() + "/document.docx", token);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).contains(
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(response.body()))) {
            String text = new XWPFWordExtractor(document).getText();
            assertThat(text).contains("行业产教融合共同体推荐书", "共同体名称：", "杭州智联科技有限公司（公章）", "填表日期：2024年3月1日",
                    "一、基本信息", "二、建设计划", "三、总体建设思路", "（不超过 500 字", "联合开发教学资源。", "建设技术创新中心。",
                    "本行业产教融合共同体牵头企业和负责人承诺", "属地经信部门初审盖章意见");
            XWPFTable plan = document.getTables().stream()
                    .filter(t -> t.getRow(0).getCell(0).getText().equals("项目指标")).findFirst().orElseThrow();
            assertThat(plan.getRows()).hasSize(26);
            assertThat(plan.getRow(0).getCell(3).getText()).isEqualTo("2024年");
            assertThat(plan.getRow(1).getCell(1).getText()).isEqualTo("开发专业核心课程数量");
            assertThat(plan.getRow(1).getCell(3).getText()).isEqualTo("1");
        }
    }

    @Test
    void thePlanTableExportsToASpreadsheetWithARowPerIndicatorAndAColumnPerYear() throws Exception {
        UUID park = identity.organisation("INDUSTRIAL_PARK").region("330106").register();
        String token = applicant(park);
        FormDriver form = new FormDriver(api, token);
        form.create(programmeId("HZ-PLATFORMS-2024"), PlatformType.CITY_CONSORTIUM);
        form.put("plan", "{\"values\":[{\"indicator\":\"EMPLOYMENT_RATE\",\"year\":2025,\"value\":96.5}]}");

        HttpResponse<byte[]> response = download("/api/v1/applications/" + form.id() + "/plan.xlsx", token);

        assertThat(response.statusCode()).isEqualTo(200);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(response.body()))) {
            var sheet = workbook.getSheet("建设计划");
            assertThat(sheet.getLastRowNum()).isEqualTo(41);
            assertThat(sheet.getRow(0).getCell(6).getStringCellValue()).isEqualTo("2023年");
            var employment = java.util.stream.IntStream.rangeClosed(1, 41).mapToObj(sheet::getRow)
                    .filter(row -> row.getCell(0).getStringCellValue().equals("EMPLOYMENT_RATE")).findFirst().orElseThrow();
            assertThat(employment.getCell(8).getNumericCellValue()).isEqualTo(96.5);
        }
    }

    @Test
    void anotherOrganisationCannotDownloadTheDocument() throws Exception {
        UUID enterprise = identity.organisation("ENTERPRISE").region("330106").register();
        FormDriver form = new FormDriver(api, applicant(enterprise));
        form.create(programmeId("HZ-PLATFORMS-2024"), PlatformType.PRACTICE_CENTER_ENTERPRISE);

        assertThat(download("/api/v1/applications/" + form.id() + "/document.docx", applicant(UUID.randomUUID()))
                .statusCode()).isEqualTo(404);
    }
}
