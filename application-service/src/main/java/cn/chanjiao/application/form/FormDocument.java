package cn.chanjiao.application.form;

import cn.chanjiao.application.programme.ProgrammeDefinition;
import cn.chanjiao.application.programme.TypeRules;
import cn.chanjiao.application.programme.TypeRules.PlanIndicator;
import cn.chanjiao.application.programme.TypeRules.TextSection;
import cn.chanjiao.kit.files.XlsxText;
import cn.chanjiao.kit.web.Messages;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xwpf.usermodel.Borders;
import org.apache.poi.xwpf.usermodel.BreakType;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The application form as a Word document in the seed's layout, ready to print and stamp: a cover
 * page (form title, platform name, recommending region, each lead unit with 公章, date), 基本信息
 * with the lead units and participants, the construction-plan table (indicator rows × years), the
 * text sections with their limits, the commitment with signature and stamp lines and the first
 * reviewer's opinion box, and the list of attachments. The plan table also exports to XLSX.
 */
final class FormDocument {

    private static final String FONT = "宋体";
    private static final String[] NUMERALS = { "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二",
            "十三", "十四", "十五", "十六", "十七", "十八", "十九", "二十" };

    private FormDocument() {
    }

    static byte[] docx(FormService.Loaded loaded, Messages messages, LocalDate today) {
        ApplicationForm application = loaded.application();
        Form form = application.form();
        TypeRules type = loaded.type();
        ProgrammeDefinition programme = loaded.programme().definition();
        try (XWPFDocument document = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            cover(document, type, form, today);
            int chapter = 0;
            heading(document, NUMERALS[chapter++] + "、基本信息");
            basicInfo(document, type, form, messages);
            leadUnits(document, type, form);
            participants(document, type, form, loaded);
            heading(document, NUMERALS[chapter++] + "、建设计划");
            planTable(document, programme, type, form);
            for (TextSection section : type.sections()) {
                heading(document, NUMERALS[Math.min(chapter++, NUMERALS.length - 1)] + "、" + section.title());
                note(document, "（不超过 " + section.maxChars() + " 字" + (section.hint() == null ? "" : "，" + section.hint())
                        + "）");
                String text = form.sections().get(section.code());
                for (String line : (text == null ? "" : text).split("\\R")) {
                    paragraph(document, line, false, 12).setFirstLineIndent(480);
                }
            }
            heading(document, NUMERALS[Math.min(chapter++, NUMERALS.length - 1)] + "、承诺、意见");
            commitment(document, type, form, application);
            attachments(document, loaded);
            document.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The construction-plan table as a spreadsheet: one row per indicator, one column per year. */
    static byte[] planXlsx(FormService.Loaded loaded) {
        TypeRules type = loaded.type();
        ProgrammeDefinition programme = loaded.programme().definition();
        List<Integer> years = years(programme, type);
        Map<String, BigDecimal> values = values(loaded.application().form());
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(100); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("建设计划");
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            Row header = sheet.createRow(0);
            String[] titles = { "指标代码", "项目指标", "子项", "指标", "单位", "类型" };
            for (int i = 0; i < titles.length; i++) {
                header.createCell(i).setCellValue(XlsxText.safe(titles[i]));
                header.getCell(i).setCellStyle(bold);
            }
            for (int y = 0; y < years.size(); y++) {
                header.createCell(titles.length + y).setCellValue(XlsxText.safe(years.get(y) + "年"));
                header.getCell(titles.length + y).setCellStyle(bold);
            }
            int r = 1;
            for (PlanIndicator indicator : type.indicators()) {
                Row row = sheet.createRow(r++);
                row.createCell(0).setCellValue(XlsxText.safe(indicator.code()));
                row.createCell(1).setCellValue(XlsxText.safe(indicator.group()));
                row.createCell(2).setCellValue(XlsxText.safe(indicator.subgroup() == null ? "" : indicator.subgroup()));
                row.createCell(3).setCellValue(XlsxText.safe(indicator.name()));
                row.createCell(4).setCellValue(XlsxText.safe(indicator.unit()));
                row.createCell(5).setCellValue(XlsxText.safe(indicator.valueType().name()));
                List<Integer> own = type.yearsOf(indicator, programme.planYears());
                for (int y = 0; y < years.size(); y++) {
                    BigDecimal value = values.get(indicator.code() + "@" + years.get(y));
                    if (!own.contains(years.get(y))) {
                        row.createCell(titles.length + y).setCellValue(XlsxText.safe("—"));
                    } else if (value != null) {
                        row.createCell(titles.length + y).setCellValue(value.doubleValue());
                    }
                }
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void cover(XWPFDocument document, TypeRules type, Form form, LocalDate today) {
        for (int i = 0; i < 4; i++) {
            paragraph(document, "", false, 12);
        }
        XWPFParagraph title = paragraph(document, type.formTitle(), true, 26);
        title.setAlignment(ParagraphAlignment.CENTER);
        title.setSpacingAfter(1200);
        String platform = type.name().replaceAll("（.*）", "");
        coverLine(document, platform.endsWith("中心") ? "实践中心名称" : shortName(platform) + "名称", form.basicInfo().name());
        coverLine(document, "推荐地区", form.basicInfo().recommendingRegionCode());
        for (TypeRules.LeadRole role : type.lead().roles()) {
            form.leadUnits().stream().filter(lead -> lead.role().equals(role.code()))
                    .forEach(lead -> coverLine(document, role.name(), lead.name() + "（公章）"));
        }
        coverLine(document, "填表日期", today.getYear() + "年" + today.getMonthValue() + "月" + today.getDayOfMonth() + "日");
        document.createParagraph().createRun().addBreak(BreakType.PAGE);
    }

    private static String shortName(String platform) {
        if (platform.contains("共同体")) {
            return "共同体";
        }
        if (platform.contains("联合体")) {
            return "联合体";
        }
        return platform;
    }

    private static void coverLine(XWPFDocument document, String label, String value) {
        XWPFParagraph line = document.createParagraph();
        line.setIndentationLeft(1400);
        line.setSpacingAfter(240);
        run(line, label + "：", true, 16);
        XWPFRun field = run(line, value == null || value.isBlank() ? "　　　　　　　　　　" : value, false, 16);
        field.setUnderline(org.apache.poi.xwpf.usermodel.UnderlinePatterns.SINGLE);
    }

    private static void basicInfo(XWPFDocument document, TypeRules type, Form form, Messages messages) {
        Map<String, String> rows = new LinkedHashMap<>();
        Form.BasicInfo info = form.basicInfo();
        rows.put("name", info.name());
        rows.put("foundedOn", info.foundedOn() == null ? null : info.foundedOn().toString());
        rows.put("headName", info.headName());
        rows.put("headTitle", info.headTitle());
        rows.put("headPhone", info.headPhone());
        rows.put("headEmail", info.headEmail());
        rows.put("contactName", info.contactName());
        rows.put("contactOrganisation", info.contactOrganisation());
        rows.put("contactTitle", info.contactTitle());
        rows.put("contactPhone", info.contactPhone());
        rows.put("contactEmail", info.contactEmail());
        rows.put("recommendingRegionCode", info.recommendingRegionCode());
        rows.put("address", info.address());
        rows.put("industryField", info.industryField());
        rows.put("parkName", info.parkName());
        List<String[]> lines = new ArrayList<>();
        rows.forEach((field, value) -> {
            if (type.requiredBasicFields().contains(field) || (value != null && !value.isBlank())) {
                lines.add(new String[] { messages.text("field." + field), value == null ? "" : value });
            }
        });
        Form.Secretariat secretariat = info.secretariat();
        if (type.requiredBasicFields().contains("secretariat") || secretariat != null) {
            Form.Secretariat s = secretariat == null ? new Form.Secretariat(null, null, null, null, null, null, null, null)
                    : secretariat;
            lines.add(new String[] { "秘书处所在单位", text(s.organisation()) });
            lines.add(new String[] { "秘书处负责人", text(s.headName()) });
            lines.add(new String[] { "固定办公面积（㎡）", text(s.officeArea()) });
            lines.add(new String[] { "秘书处联系电话", text(s.phone()) });
            lines.add(new String[] { "人员总数 / 专职 / 兼职", text(s.staffTotal()) + " / " + text(s.fullTimeStaff()) + " / "
                    + text(s.partTimeStaff()) });
            lines.add(new String[] { "人员姓名", text(s.staffNames()) });
        }
        table(document, new String[] { "项目", "内容" }, lines);
    }

    private static void leadUnits(XWPFDocument document, TypeRules type, Form form) {
        note(document, "牵头单位");
        List<String[]> lines = new ArrayList<>();
        for (TypeRules.LeadRole role : type.lead().roles()) {
            form.leadUnits().stream().filter(lead -> lead.role().equals(role.code())).forEach(lead -> lines.add(new String[] {
                    role.name(), lead.name(), text(lead.address()), lead.uscc() != null ? lead.uscc() : text(lead.schoolCode()),
                    text(lead.districtCode() != null ? lead.districtCode() : lead.cityCode() != null ? lead.cityCode()
                            : lead.provinceCode()) }));
        }
        table(document, new String[] { "角色", "单位名称", "地址", "统一社会信用代码 / 学校机构代码", "所在地区" }, lines);
    }

    private static void participants(XWPFDocument document, TypeRules type, Form form, FormService.Loaded loaded) {
        note(document, "参与单位情况");
        List<String[]> lines = new ArrayList<>();
        for (TypeRules.ParticipantType participantType : type.participants().types()) {
            List<Form.Participant> ofType = form.participants().stream()
                    .filter(p -> participantType.code().equals(p.type())).toList();
            if (ofType.isEmpty()) {
                lines.add(new String[] { participantType.name(), "", "", "", "", "" });
            }
            for (Form.Participant participant : ofType) {
                String proof = participant.proofAttachmentId() == null ? "" : loaded.attachments().stream()
                        .filter(a -> a.id().equals(participant.proofAttachmentId())).map(a -> a.fileName()).findFirst()
                        .orElse("");
                lines.add(new String[] { participantType.name(), text(participant.name()), text(participant.regionCode()),
                        text(participant.code()), text(participant.enrolledStudents()), proof });
            }
        }
        table(document, new String[] { "单位类型", "单位名称", "所在地区", "学校机构代码 / 统一社会信用代码", "在校生数", "参与证明材料" },
                lines);
    }

    private static void planTable(XWPFDocument document, ProgrammeDefinition programme, TypeRules type, Form form) {
        List<Integer> years = years(programme, type);
        Map<String, BigDecimal> values = values(form);
        String[] header = new String[3 + years.size()];
        header[0] = "项目指标";
        header[1] = "指标";
        header[2] = "单位";
        for (int y = 0; y < years.size(); y++) {
            header[3 + y] = years.get(y) + "年" + (type.baselineYear() != null && years.get(y).equals(type.baselineYear())
                    ? "（基础）" : "");
        }
        List<String[]> lines = new ArrayList<>();
        for (PlanIndicator indicator : type.indicators()) {
            String[] line = new String[header.length];
            line[0] = indicator.group() + (indicator.subgroup() == null ? "" : " · " + indicator.subgroup());
            line[1] = indicator.name();
            line[2] = indicator.unit();
            List<Integer> own = type.yearsOf(indicator, programme.planYears());
            for (int y = 0; y < years.size(); y++) {
                BigDecimal value = values.get(indicator.code() + "@" + years.get(y));
                line[3 + y] = !own.contains(years.get(y)) ? "—" : value == null ? "" : value.toPlainString();
            }
            lines.add(line);
        }
        table(document, header, lines);
    }

    private static void commitment(XWPFDocument document, TypeRules type, Form form, ApplicationForm application) {
        List<String[]> lines = new ArrayList<>();
        Form.Commitment commitment = form.commitment();
        lines.add(new String[] { "承诺", type.commitmentText() + "\n负责人签字：" + (commitment.accepted()
                ? commitment.signatory() : "") + "　　　单位盖章：\n　　　　年　　月　　日" });
        String opinion = type.reviewRoute().isEmpty() ? "推荐意见" : type.reviewRoute().get(0).name() + "意见";
        lines.add(new String[] { opinion, "\n\n单位盖章：\n　　　　年　　月　　日" });
        table(document, new String[] { "", "" }, lines);
    }

    private static void attachments(XWPFDocument document, FormService.Loaded loaded) {
        if (loaded.attachments().isEmpty()) {
            return;
        }
        note(document, "附件清单");
        int n = 1;
        for (var attachment : loaded.attachments()) {
            String kind = loaded.type().attachment(attachment.kind()).map(TypeRules.AttachmentRequirement::name)
                    .orElse(attachment.kind());
            paragraph(document, (n++) + ". " + kind + "：" + attachment.fileName(), false, 12);
        }
    }

    private static List<Integer> years(ProgrammeDefinition programme, TypeRules type) {
        TreeSet<Integer> years = new TreeSet<>();
        type.indicators().forEach(indicator -> years.addAll(type.yearsOf(indicator, programme.planYears())));
        return new ArrayList<>(years);
    }

    private static Map<String, BigDecimal> values(Form form) {
        Map<String, BigDecimal> values = new LinkedHashMap<>();
        form.plan().forEach(v -> values.put(v.indicator() + "@" + v.year(), v.value()));
        return values;
    }

    private static void heading(XWPFDocument document, String text) {
        XWPFParagraph heading = paragraph(document, text, true, 15);
        heading.setSpacingBefore(240);
        heading.setSpacingAfter(120);
    }

    private static void note(XWPFDocument document, String text) {
        paragraph(document, text, false, 12).setSpacingBefore(120);
    }

    private static XWPFParagraph paragraph(XWPFDocument document, String text, boolean bold, int size) {
        XWPFParagraph paragraph = document.createParagraph();
        run(paragraph, text, bold, size);
        return paragraph;
    }

    private static XWPFRun run(XWPFParagraph paragraph, String text, boolean bold, int size) {
        XWPFRun run = paragraph.createRun();
        run.setFontFamily(FONT);
        run.setFontSize(size);
        run.setBold(bold);
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (i > 0) {
                run.addBreak();
            }
            run.setText(lines[i], i);
        }
        return run;
    }

    private static void table(XWPFDocument document, String[] header, List<String[]> rows) {
        XWPFTable table = document.createTable(rows.size() + 1, header.length);
        table.setWidth("100%");
        table.setTopBorder(org.apache.poi.xwpf.usermodel.XWPFTable.XWPFBorderType.SINGLE, 4, 0, "000000");
        fill(table.getRow(0), header, true);
        for (int r = 0; r < rows.size(); r++) {
            fill(table.getRow(r + 1), rows.get(r), false);
        }
        document.createParagraph().setBorderBottom(Borders.NONE);
    }

    private static void fill(XWPFTableRow row, String[] cells, boolean bold) {
        for (int c = 0; c < cells.length; c++) {
            XWPFParagraph paragraph = row.getCell(c).getParagraphs().get(0);
            run(paragraph, cells[c] == null ? "" : cells[c], bold, 10);
        }
    }

    private static String text(Object value) {
        return value == null ? "" : value instanceof BigDecimal decimal ? decimal.toPlainString() : value.toString();
    }
}
