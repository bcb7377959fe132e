package cn.chanjiao.indicator.collection;

import cn.chanjiao.indicator.web.Violation;
import cn.chanjiao.indicator.web.Xlsx;
import cn.chanjiao.kit.web.ApiException;
import tools.jackson.databind.node.JsonNodeFactory;

import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A platform-year as a workbook: one row per indicator to enter (code, dimension, group, name,
 * unit, type, target, value, note, evidence). The same layout comes back as an import: the columns
 * 指标编码 and 填报值 are required, 说明 and 佐证材料 (attachment ids, comma-separated) optional;
 * a row without a value is left out.
 */
final class ValuesWorkbook {

    static final String[] HEADERS = { "指标编码", "维度", "分组", "指标名称", "单位", "类型", "目标值", "填报值", "说明", "佐证材料" };
    private static final Pattern VALUES_FIELD = Pattern.compile("^values\\[(\\d+)](.*)$");

    private ValuesWorkbook() {
    }

    static byte[] export(PlatformYearResponse year) {
        try (Xlsx.Writer workbook = new Xlsx.Writer()) {
            Xlsx.SheetWriter sheet = workbook.sheet(year.year() + "年度监测指标", HEADERS);
            for (PlatformYearResponse.Item item : year.indicators()) {
                sheet.row(item.code(), item.dimension(), item.group() == null ? null
                        : item.subgroup() == null ? item.group() : item.group() + " / " + item.subgroup(),
                        item.name(), item.unit(), item.kind().name(), item.target(), item.value(), item.note(),
                        item.evidence().isEmpty() ? null : String.join(",", item.evidence().stream()
                                .map(evidence -> evidence.attachmentId() != null ? evidence.attachmentId() : evidence.uri()).toList()));
            }
            return workbook.bytes();
        }
    }

    /** A batch read from a workbook, with the Excel row number of each entry. */
    record Imported(SaveValuesRequest request, List<Integer> rows) {

        /** The violation with {@code values[i]} turned into the Excel row it came from. */
        Violation relabel(Violation violation) {
            Matcher matcher = VALUES_FIELD.matcher(violation.field());
            if (!matcher.matches()) {
                return violation;
            }
            int index = Integer.parseInt(matcher.group(1));
            return new Violation("rows[" + rows.get(index) + "]" + matcher.group(2), violation.indicatorCode(),
                    violation.code(), violation.args());
        }
    }

    static Imported read(InputStream upload, long maxBytes) {
        List<SaveValuesRequest.Entry> entries = new ArrayList<>();
        List<Integer> rows = new ArrayList<>();
        Integer[] columns = new Integer[4];
        boolean[] header = { false };
        Xlsx.read(upload, maxBytes, row -> {
            if (!header[0]) {
                Map<Integer, String> cells = row.cells();
                columns[0] = Xlsx.column(cells, "指标编码", "code");
                columns[1] = Xlsx.column(cells, "填报值", "value");
                columns[2] = Xlsx.column(cells, "说明", "note");
                columns[3] = Xlsx.column(cells, "佐证材料", "evidence");
                if (columns[0] == null || columns[1] == null) {
                    throw ApiException.badRequest("xlsx.noHeader");
                }
                header[0] = true;
                return;
            }
            String code = row.cell(columns[0]);
            String value = row.cell(columns[1]);
            if (code == null || value == null) {
                return;
            }
            String evidence = row.cell(columns[3]);
            entries.add(new SaveValuesRequest.Entry(code, JsonNodeFactory.instance.stringNode(number(value)),
                    evidence == null ? null : Arrays.stream(evidence.split("[,，]")).map(String::strip)
                            .filter(reference -> !reference.isEmpty())
                            .map(reference -> reference.contains("://") ? new StoredValue.Evidence(null, null, reference)
                                    : new StoredValue.Evidence(reference, null, null)).toList(),
                    row.cell(columns[2])));
            rows.add(row.number());
        });
        if (!header[0]) {
            throw ApiException.badRequest("xlsx.noHeader");
        }
        if (entries.isEmpty()) {
            throw ApiException.badRequest("xlsx.empty");
        }
        return new Imported(new SaveValuesRequest(entries), rows);
    }

    /** Excel shows 1,234 or 98.5%: the number behind it. */
    static String number(String shown) {
        String text = shown.replace(",", "").strip();
        if (text.endsWith("%")) {
            text = text.substring(0, text.length() - 1).strip();
        }
        try {
            return new BigDecimal(text).toPlainString();
        } catch (NumberFormatException e) {
            return shown;
        }
    }
}
