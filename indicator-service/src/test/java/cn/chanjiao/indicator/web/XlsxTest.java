package cn.chanjiao.indicator.web;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The writer every indicator-service export goes through (the values workbook of a platform-year,
 * the authority's year overview): text that would start a formula is written with a leading quote,
 * numbers stay numbers, and an export read back gives the text as it was.
 */
class XlsxTest {

    private static final List<String> DANGEROUS = List.of("=1+2", "+86 0351", "-5% 下降", "@SUM(A1)", "\tTAB", "\rCR");

    @Test
    void textCellsThatWouldStartAFormulaAreWrittenWithALeadingQuoteAndNumbersStayNumbers() throws Exception {
        byte[] bytes;
        try (Xlsx.Writer writer = new Xlsx.Writer()) {
            Xlsx.SheetWriter sheet = writer.sheet("指标数据", "=HEADER", "备注");
            for (String text : DANGEROUS) {
                sheet.row(text, new BigDecimal("-3.5"));
            }
            sheet.row("普通文本", 7);
            bytes = writer.bytes();
        }

        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            var sheet = workbook.getSheet("指标数据");
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("'=HEADER");
            for (int i = 0; i < DANGEROUS.size(); i++) {
                Row row = sheet.getRow(i + 1);
                assertThat(row.getCell(0).getStringCellValue()).isEqualTo("'" + DANGEROUS.get(i));
                assertThat(row.getCell(1).getNumericCellValue()).isEqualTo(-3.5);
            }
            assertThat(sheet.getRow(DANGEROUS.size() + 1).getCell(0).getStringCellValue()).isEqualTo("普通文本");
        }
    }

    @Test
    void anExportReadBackGivesTheTextAsItWas() {
        byte[] bytes;
        try (Xlsx.Writer writer = new Xlsx.Writer()) {
            Xlsx.SheetWriter sheet = writer.sheet("指标数据", "备注");
            sheet.row("=1+2");
            sheet.row("@SUM(A1)");
            sheet.row("-5% 下降");
            bytes = writer.bytes();
        }

        List<Xlsx.SheetRow> rows = Xlsx.readAll(new ByteArrayInputStream(bytes), 1_000_000);

        assertThat(rows).extracting(row -> row.cell(0)).containsExactly("备注", "=1+2", "@SUM(A1)", "-5% 下降");
    }
}
