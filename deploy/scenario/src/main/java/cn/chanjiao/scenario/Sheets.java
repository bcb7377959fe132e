package cn.chanjiao.scenario;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What an authority or school does in Excel: takes the service's empty template of a supply–demand
 * list ({@code GET /api/v1/supply-demand/templates/{kind}.xlsx}), fills rows under its header and
 * uploads it. Columns are found by their header text, as a person reads them.
 */
final class Sheets {

    private static final String[] UNITS = {"山西新能源汽车产业集团有限公司", "太原重型机械集团有限公司", "晋能控股装备制造集团",
            "山西汾西重工有限责任公司", "大同智能矿山装备股份有限公司", "太原钢铁集团有限公司", "山西建龙实业有限公司",
            "晋中经纬纺织机械股份有限公司"};
    private static final String[] MAJORS = {"新能源汽车技术", "焊接技术与自动化", "数控技术", "工业机器人技术", "机电一体化技术",
            "智能控制技术", "汽车检测与维修技术", "电气自动化技术"};
    private static final String[] LEVELS = {"专科", "本科", "中职", "硕士研究生", "不限"};
    private static final String[] TECH = {"动力电池热管理系统的焊接工艺优化", "数控机床远程运维与故障诊断", "焊接机器人离线编程与视觉纠偏",
            "矿用装备智能巡检机器人研发", "电机控制器可靠性测试平台建设", "新能源汽车轻量化车身连接技术", "工业互联网数据采集与能耗分析",
            "高强钢激光焊接质量在线检测"};

    private Sheets() {
    }

    /** The template with {@code rows} filled rows. */
    static byte[] fill(byte[] template, String kind, int rows, int seed) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(template))) {
            Sheet sheet = workbook.getSheetAt(0);
            DataFormatter format = new DataFormatter();
            int headerRow = -1;
            for (Row row : sheet) {
                for (Cell cell : row) {
                    if (format.formatCellValue(cell).trim().equals("序号")) {
                        headerRow = row.getRowNum();
                    }
                }
                if (headerRow >= 0) {
                    break;
                }
            }
            if (headerRow < 0) {
                throw new ScenarioFailure("no 序号 header in the template of " + kind);
            }
            Row first = sheet.getRow(headerRow);
            Row second = sheet.getRow(headerRow + 1);
            int width = first.getLastCellNum();
            List<String> headers = new ArrayList<>();
            boolean twoRows = false;
            for (int c = 0; c < width; c++) {
                String top = text(format, first, c);
                String below = second == null ? "" : text(format, second, c);
                if (!below.isBlank() && generator(below) != null) {
                    headers.add(below);
                    twoRows = true;
                } else {
                    headers.add(top);
                }
            }
            int start = headerRow + (twoRows ? 2 : 1);
            for (int i = 0; i < rows; i++) {
                Row row = sheet.createRow(start + i);
                for (int c = 0; c < headers.size(); c++) {
                    String header = headers.get(c);
                    if (header.startsWith("序号")) {
                        row.createCell(c).setCellValue(i + 1);
                        continue;
                    }
                    Generator generator = generator(header);
                    if (generator == null) {
                        continue;
                    }
                    Object value = generator.value(kind, seed + i);
                    if (value instanceof Integer n) {
                        row.createCell(c).setCellValue(n);
                    } else {
                        row.createCell(c).setCellValue(String.valueOf(value));
                    }
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Row count of the first sheet under its header, for an export read back. */
    static int dataRows(byte[] xlsx) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = workbook.getSheetAt(0);
            DataFormatter format = new DataFormatter();
            int count = 0;
            for (Row row : sheet) {
                String first = text(format, row, 0);
                if (first.matches("\\d+")) {
                    count++;
                }
            }
            return count;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every non-empty cell of every sheet, row by row, tab-separated: what a person reading an export sees. */
    static String allText(byte[] xlsx) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            DataFormatter format = new DataFormatter();
            StringBuilder text = new StringBuilder();
            for (Sheet sheet : workbook) {
                for (Row row : sheet) {
                    for (Cell cell : row) {
                        String value = format.formatCellValue(cell).trim();
                        if (!value.isEmpty()) {
                            text.append(value).append('\t');
                        }
                    }
                    text.append('\n');
                }
            }
            return text.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String text(DataFormatter format, Row row, int c) {
        if (row == null || row.getCell(c) == null) {
            return "";
        }
        return format.formatCellValue(row.getCell(c)).trim();
    }

    interface Generator {
        Object value(String kind, int i);
    }

    private static final Map<String, Generator> GENERATORS = Map.of(
            "单位", (kind, i) -> UNITS[i % UNITS.length],
            "企业名称", (kind, i) -> UNITS[i % UNITS.length],
            "专业", (kind, i) -> MAJORS[i % MAJORS.length],
            "学历", (kind, i) -> LEVELS[i % LEVELS.length],
            "人数", (kind, i) -> 5 + i % 40,
            "联系人", (kind, i) -> "张工" + (i % 50),
            "联系方式", (kind, i) -> String.format("1380351%04d", i % 10000));

    private static Generator generator(String header) {
        if (header.startsWith("序号")) {
            return (kind, i) -> i + 1;
        }
        if (header.contains("需求说明") || header.contains("简介") || header.contains("技术服务需求") || header.contains("需求")
                && header.contains("培训")) {
            return (kind, i) -> switch (kind) {
                case "TALENT_DEMAND" -> "招聘" + MAJORS[i % MAJORS.length] + "方向技术技能人才，从事焊接、装配与调试岗位（第" + (i + 1) + "批）";
                case "TALENT_SUPPLY" -> MAJORS[i % MAJORS.length] + "专业应届毕业生，具备数控加工与焊接实训经历（第" + (i + 1) + "批）";
                case "TECH_DEMAND" -> TECH[i % TECH.length] + "（需求" + (i + 1) + "）";
                default -> "可提供" + TECH[i % TECH.length] + "方面的技术服务与联合攻关（项目" + (i + 1) + "）";
            };
        }
        for (Map.Entry<String, Generator> entry : GENERATORS.entrySet()) {
            if (header.contains(entry.getKey())) {
                return entry.getValue();
            }
        }
        return null;
    }
}
