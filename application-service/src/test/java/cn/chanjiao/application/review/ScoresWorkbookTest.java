package cn.chanjiao.application.review;

import cn.chanjiao.application.programme.TypeRules.ObservationPoint;
import cn.chanjiao.application.programme.TypeRules.ScoringItem;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class ScoresWorkbookTest {

    @Test
    void textThatWouldStartAFormulaIsWrittenWithALeadingQuote() throws Exception {
        UUID application = UUID.randomUUID();
        ScoringSheet sheet = new ScoringSheet(List.of(new ScoringItem("A", "建设基础",
                List.of(new ObservationPoint("A1", "基础", new BigDecimal("10"))), false, null)));
        ExpertReviewRepository.Assignment scored = new ExpertReviewRepository.Assignment(UUID.randomUUID(), UUID.randomUUID(),
                application, UUID.randomUUID(), "@SUM(1+1)", null, "RANDOM", "admin", Instant.EPOCH,
                Map.of("A1", new BigDecimal("8")), BigDecimal.ZERO, new BigDecimal("8"), "=HYPERLINK(\"http://evil.example\",\"点此\")",
                Instant.EPOCH, false);
        ExpertReviewService.RoundDetail detail = new ExpertReviewService.RoundDetail(null,
                List.of(new ExpertReviewRepository.RoundApplication(application, new BigDecimal("8"), new BigDecimal("8"))),
                List.of(scored), sheet);

        byte[] bytes = ScoresWorkbook.write(detail, Map.of(application, "-2+3 共同体"));

        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            Sheet scores = workbook.getSheet("专家评分");
            assertThat(scores.getRow(1).getCell(0).getStringCellValue()).isEqualTo("'-2+3 共同体");
            assertThat(scores.getRow(1).getCell(1).getStringCellValue()).isEqualTo("'@SUM(1+1)");
            assertThat(scores.getRow(1).getCell(7).getStringCellValue()).isEqualTo("'=HYPERLINK(\"http://evil.example\",\"点此\")");
            assertThat(scores.getRow(1).getCell(3).getNumericCellValue()).isEqualTo(8.0);
            assertThat(workbook.getSheet("平均分").getRow(1).getCell(0).getStringCellValue()).isEqualTo("'-2+3 共同体");
            assertThat(scores.getRow(0).getCell(0).getStringCellValue()).isEqualTo("申报名称");
        }
    }
}
