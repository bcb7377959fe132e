package cn.chanjiao.reporting.list;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class XlsxListsTest {

    private static final RowValues DANGEROUS = new RowValues("=cmd|' /C calc'!A0", "+86 技术服务", null, null, null,
            "@王工", "-0351-1234567", null, null, null);

    @Test
    void anExportWritesTextThatWouldStartAFormulaWithALeadingQuote() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        XlsxLists.write(ListKind.TECH_SUPPLY, "=标题", sink -> sink.accept(row(DANGEROUS)), out);

        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            Row title = workbook.getSheetAt(0).getRow(0);
            Row data = workbook.getSheetAt(0).getRow(2);
            assertThat(title.getCell(0).getStringCellValue()).isEqualTo("'=标题");
            assertThat(data.getCell(1).getStringCellValue()).isEqualTo("'=cmd|' /C calc'!A0");
            assertThat(data.getCell(2).getStringCellValue()).isEqualTo("'+86 技术服务");
            assertThat(data.getCell(3).getStringCellValue()).isEqualTo("'@王工");
            assertThat(data.getCell(4).getStringCellValue()).isEqualTo("'-0351-1234567");
            assertThat(data.getCell(0).getNumericCellValue()).isEqualTo(1.0);
        }
    }

    @Test
    void anExportImportedAgainReadsTheTextAsItWasWithoutTheQuote(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("list.xlsx");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        XlsxLists.write(ListKind.TECH_SUPPLY, "行业技术供给清单", sink -> sink.accept(row(DANGEROUS)), out);
        Files.write(file, out.toByteArray());
        List<Map<Field, Object>> read = new ArrayList<>();

        XlsxLists.read(file, ListKind.TECH_SUPPLY, (number, values, letters) -> read.add(values));

        assertThat(read).singleElement().satisfies(values -> {
            assertThat(values.get(Field.UNIT_NAME)).isEqualTo("=cmd|' /C calc'!A0");
            assertThat(values.get(Field.DESCRIPTION)).isEqualTo("+86 技术服务");
            assertThat(values.get(Field.CONTACT)).isEqualTo("@王工");
            assertThat(values.get(Field.PHONE)).isEqualTo("-0351-1234567");
        });
    }

    private static ListRow row(RowValues values) {
        return new ListRow(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), ListKind.TECH_SUPPLY, 2025, "330100",
                null, 1, values, false, (Instant) null);
    }
}
