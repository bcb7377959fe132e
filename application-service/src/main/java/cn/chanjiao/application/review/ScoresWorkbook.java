package cn.chanjiao.application.review;

import cn.chanjiao.application.programme.TypeRules.ObservationPoint;
import cn.chanjiao.application.review.ExpertReviewRepository.Assignment;
import cn.chanjiao.kit.files.XlsxText;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A review round's scores in Excel, as the authority's staff file them. */
final class ScoresWorkbook {

    private ScoresWorkbook() {
    }

    static byte[] write(ExpertReviewService.RoundDetail detail, Map<UUID, String> names) {
        List<ObservationPoint> points = detail.sheet().points();
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet scores = workbook.createSheet("专家评分");
            Row head = scores.createRow(0);
            int c = 0;
            for (String title : List.of("申报名称", "专家", "分配方式")) {
                head.createCell(c++).setCellValue(XlsxText.safe(title));
            }
            for (ObservationPoint point : points) {
                head.createCell(c++).setCellValue(XlsxText.safe(point.code() + "（"
                        + point.maxScore().stripTrailingZeros().toPlainString() + "分）"));
            }
            for (String title : List.of("扣分", "总分", "偏离较大", "评审意见")) {
                head.createCell(c++).setCellValue(XlsxText.safe(title));
            }
            int r = 1;
            for (Assignment a : detail.assignments()) {
                Row row = scores.createRow(r++);
                c = 0;
                row.createCell(c++).setCellValue(XlsxText.safe(names.getOrDefault(a.applicationId(), a.applicationId().toString())));
                row.createCell(c++).setCellValue(XlsxText.safe(a.expertName()));
                row.createCell(c++).setCellValue(XlsxText.safe("RANDOM".equals(a.how()) ? "随机" : "指定"));
                for (ObservationPoint point : points) {
                    BigDecimal value = a.scores().get(point.code());
                    if (value != null) {
                        row.createCell(c).setCellValue(value.doubleValue());
                    }
                    c++;
                }
                if (a.deduction() != null) {
                    row.createCell(c).setCellValue(a.deduction().doubleValue());
                }
                c++;
                if (a.total() != null) {
                    row.createCell(c).setCellValue(a.total().doubleValue());
                }
                c++;
                row.createCell(c++).setCellValue(XlsxText.safe(a.outlier() ? "是" : ""));
                row.createCell(c).setCellValue(XlsxText.safe(a.comment() == null ? "" : a.comment()));
            }
            Sheet averages = workbook.createSheet("平均分");
            Row top = averages.createRow(0);
            top.createCell(0).setCellValue(XlsxText.safe("申报名称"));
            top.createCell(1).setCellValue(XlsxText.safe("平均分"));
            top.createCell(2).setCellValue(XlsxText.safe("去除偏离值后平均分"));
            r = 1;
            for (ExpertReviewRepository.RoundApplication entry : detail.applications()) {
                Row row = averages.createRow(r++);
                row.createCell(0).setCellValue(XlsxText.safe(names.getOrDefault(entry.applicationId(), entry.applicationId().toString())));
                if (entry.average() != null) {
                    row.createCell(1).setCellValue(entry.average().doubleValue());
                    row.createCell(2).setCellValue(entry.averageWithoutOutliers().doubleValue());
                }
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
