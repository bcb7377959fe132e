package cn.chanjiao.application.review;

import cn.chanjiao.kit.files.XlsxText;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The recommending authority's 推荐名单汇总表 (seed 003 附件3; seed 004 附件1.3, 2.6, 3.4): 推荐单位 and 填报人及联系方式 above,
 * then per platform type a table 序号 | 〈type〉名称 in rank order (the seed's columns), followed by the lead units,
 * the recommending region and the application id for the authority's own checks.
 */
final class RecommendationSummary {

    /** One platform type's recommended applications, by rank. */
    record Section(String typeName, boolean locked, List<Line> lines) {
    }

    record Line(int rank, String name, List<String> leadUnits, String regionCode, UUID applicationId) {
    }

    record Summary(String programmeName, String authorityCode, String department, String filledBy, LocalDate on,
            List<Section> sections) {
    }

    private RecommendationSummary() {
    }

    static byte[] write(Summary summary) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("推荐名单汇总表");
            int r = 0;
            List<String> bases = summary.sections().stream().map(section -> base(section.typeName())).distinct().toList();
            String title = (bases.size() == 1 ? bases.get(0) : "") + "推荐名单汇总表";
            text(sheet.createRow(r++), 0, title);
            sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, 4));
            text(sheet.createRow(r++), 0, summary.programmeName());
            Row who = sheet.createRow(r++);
            text(who, 0, "推荐单位：" + summary.authorityCode()
                    + (summary.department() == null ? "" : "（" + summary.department() + "）") + "（公章）");
            text(who, 2, "填报人及联系方式：" + (summary.filledBy() == null ? "" : summary.filledBy()));
            text(who, 4, "填表日期：" + summary.on());
            for (Section section : summary.sections()) {
                r++;
                Row head = sheet.createRow(r++);
                int c = 0;
                for (String column : List.of("序号", own(section.typeName()) + "名称", "牵头单位", "推荐地区", "申报编号")) {
                    text(head, c++, column);
                }
                for (Line line : section.lines()) {
                    Row row = sheet.createRow(r++);
                    row.createCell(0).setCellValue(Integer.valueOf(line.rank()).doubleValue());
                    text(row, 1, line.name());
                    text(row, 2, String.join("、", line.leadUnits()));
                    text(row, 3, line.regionCode());
                    text(row, 4, line.applicationId().toString());
                }
                if (!section.locked()) {
                    text(sheet.createRow(r++), 0, "（名单尚未锁定，排序可能变化）");
                }
            }
            sheet.setColumnWidth(0, 8 * 256);
            sheet.setColumnWidth(1, 40 * 256);
            sheet.setColumnWidth(2, 50 * 256);
            sheet.setColumnWidth(3, 12 * 256);
            sheet.setColumnWidth(4, 40 * 256);
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** "开放型区域产教融合实践中心（学校实践中心）" → "开放型区域产教融合实践中心": the seed's table title. */
    static String base(String typeName) {
        int open = typeName.indexOf('（');
        return open > 0 ? typeName.substring(0, open) : typeName;
    }

    /** "开放型区域产教融合实践中心（学校实践中心）" → "学校实践中心": the seed's column (seed 004 附件3.4). */
    static String own(String typeName) {
        int open = typeName.indexOf('（');
        return open > 0 && typeName.endsWith("）") ? typeName.substring(open + 1, typeName.length() - 1) : typeName;
    }

    private static void text(Row row, int column, String value) {
        row.createCell(column).setCellValue(XlsxText.safe(value == null ? "" : value));
    }

    /** A cell's text as the kit's {@link XlsxText#safe} writes it (null as an empty cell). */
    static String safe(String value) {
        return XlsxText.safe(value == null ? "" : value);
    }
}
