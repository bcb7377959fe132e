package cn.chanjiao.application.review;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class RecommendationSummaryTest {

    @Test
    void theSummaryTableHasTheSeedsColumnsPerTypeInRankOrder() throws Exception {
        UUID first = UUID.randomUUID();
        byte[] xlsx = RecommendationSummary.write(new RecommendationSummary.Summary("杭州市产教融合平台", "330106",
                "education", "张三 13800000000", LocalDate.of(2024, 5, 10), List.of(
                        new RecommendationSummary.Section("学校实践中心", true, List.of(
                                new RecommendationSummary.Line(1, "西湖智能制造实践中心", List.of("杭州某职业学校"), "330106", first),
                                new RecommendationSummary.Line(2, "西湖数字商贸实践中心", List.of("杭州某中职"), "330106",
                                        UUID.randomUUID()))),
                        new RecommendationSummary.Section("公共实践中心", false, List.of()))));

        List<List<String>> rows = rows(xlsx);
        assertThat(rows.get(0)).first().isEqualTo("推荐名单汇总表");
        assertThat(rows).anySatisfy(r -> assertThat(r).first().asString().startsWith("推荐单位：330106"));
        assertThat(rows).anySatisfy(r -> assertThat(r).anySatisfy(c -> assertThat(c).startsWith("填报人及联系方式：张三")));
        assertThat(rows).anySatisfy(r -> assertThat(r).startsWith("序号", "学校实践中心名称"));
        assertThat(rows).anySatisfy(r -> assertThat(r).startsWith("序号", "公共实践中心名称"));
        assertThat(rows).anySatisfy(r -> assertThat(r).containsExactly("1", "西湖智能制造实践中心", "杭州某职业学校", "330106",
                first.toString()));
        assertThat(rows).anySatisfy(r -> assertThat(r).first().asString().contains("尚未锁定"));
    }

    @Test
    void aPracticeCentreTypeIsTitledAndHeadedAsTheSeedsTable() {
        assertThat(RecommendationSummary.base("开放型区域产教融合实践中心（学校实践中心）")).isEqualTo("开放型区域产教融合实践中心");
        assertThat(RecommendationSummary.own("开放型区域产教融合实践中心（学校实践中心）")).isEqualTo("学校实践中心");
        assertThat(RecommendationSummary.own("市域产教联合体")).isEqualTo("市域产教联合体");
    }

    @Test
    void textThatASpreadsheetWouldRunAsAFormulaIsWrittenAsText() throws Exception {
        byte[] xlsx = RecommendationSummary.write(new RecommendationSummary.Summary("p", "330106", null, "=cmd|' /C calc'!A0",
                LocalDate.of(2024, 5, 10), List.of(new RecommendationSummary.Section("市域产教联合体", true, List.of(
                        new RecommendationSummary.Line(1, "=HYPERLINK(\"http://evil\")", List.of("+1", "@SUM(A1)"), "330106",
                                UUID.randomUUID()))))));

        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = workbook.getSheetAt(0);
            for (Row row : sheet) {
                row.forEach(cell -> assertThat(cell.getCellType()).isNotEqualTo(org.apache.poi.ss.usermodel.CellType.FORMULA));
            }
        }
        assertThat(rows(xlsx)).anySatisfy(r -> assertThat(r).contains("'=HYPERLINK(\"http://evil\")"));
        assertThat(RecommendationSummary.safe("-1")).isEqualTo("'-1");
        assertThat(RecommendationSummary.safe("\tx")).isEqualTo("'\tx");
        assertThat(RecommendationSummary.safe("\rx")).isEqualTo("'\rx");
        assertThat(RecommendationSummary.safe("西湖")).isEqualTo("西湖");
    }

    private static List<List<String>> rows(byte[] xlsx) throws Exception {
        DataFormatter format = new DataFormatter();
        List<List<String>> rows = new ArrayList<>();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            for (Row row : workbook.getSheetAt(0)) {
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < row.getLastCellNum(); c++) {
                    cells.add(row.getCell(c) == null ? "" : format.formatCellValue(row.getCell(c)));
                }
                while (!cells.isEmpty() && cells.get(cells.size() - 1).isEmpty()) {
                    cells.remove(cells.size() - 1);
                }
                rows.add(cells);
            }
        }
        return rows;
    }
}
