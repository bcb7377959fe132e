package cn.chanjiao.indicator.collection;

import cn.chanjiao.indicator.web.Xlsx;
import cn.chanjiao.kit.web.ApiException;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An authority's whole year as an import: the sheet 指标数据 of the overview export (or the first
 * sheet of any workbook), one row per platform and indicator. Required columns 平台编号 (the
 * platform id), 指标编码 and 实际值 (or 填报值); optional 说明 and 佐证材料 (attachment ids or URIs,
 * comma-separated). 平台名称 and the other columns of the export are only read by people. A row
 * without a value is left out; a column left out keeps what is stored.
 */
public final class YearWorkbook {

    public static final String SHEET = "指标数据";
    public static final String PLATFORM_ID = "平台编号";
    public static final String PLATFORM_NAME = "平台名称";
    public static final String CODE = "指标编码";
    public static final String VALUE = "实际值";
    public static final String ENTERED_VALUE = "填报值";
    public static final String NOTE = "说明";
    public static final String EVIDENCE = "佐证材料";
    /** The platform-year's version when the sheet was exported: a changed platform whose version moved on since is refused. */
    public static final String VERSION = "版本";

    private YearWorkbook() {
    }

    /**
     * One row of the sheet.
     *
     * @param evidence the references of the row, or null when the sheet has no 佐证材料 column
     * @param note     the row's note, or null (the sheet may have no 说明 column: see {@link Imported#hasNote()})
     */
    record Row(int number, String platformId, String code, String value, String note, List<String> evidence,
            String version) {
    }

    /**
     * The rows read, and where each field's column is ({@code platformId}, {@code code}, {@code value},
     * {@code note}, {@code evidence} → 0-based column), so that an error can name its cell.
     */
    record Imported(List<Row> rows, Map<String, Integer> columns) {

        boolean hasNote() {
            return columns.containsKey("note");
        }

        boolean hasEvidence() {
            return columns.containsKey("evidence");
        }

        /** The Excel column letter of a field ({@code rows[7].value} → H), or null. */
        String column(String field) {
            int dot = field.lastIndexOf('.');
            Integer index = dot < 0 ? null : columns.get(field.substring(dot + 1));
            return index == null ? null : letter(index);
        }
    }

    static Imported read(InputStream upload, long maxBytes) {
        List<Row> rows = new ArrayList<>();
        Map<String, Integer> columns = new LinkedHashMap<>();
        boolean[] header = { false };
        Xlsx.read(upload, maxBytes, SHEET, row -> {
            if (!header[0]) {
                Map<Integer, String> cells = row.cells();
                put(columns, "platformId", Xlsx.column(cells, PLATFORM_ID, "platformId"));
                put(columns, "code", Xlsx.column(cells, CODE, "code"));
                put(columns, "value", Xlsx.column(cells, VALUE, ENTERED_VALUE, "value"));
                put(columns, "note", Xlsx.column(cells, NOTE, "note"));
                put(columns, "evidence", Xlsx.column(cells, EVIDENCE, "evidence"));
                put(columns, "version", Xlsx.column(cells, VERSION, "version"));
                if (!columns.containsKey("platformId") || !columns.containsKey("code") || !columns.containsKey("value")) {
                    throw ApiException.badRequest("xlsx.noYearHeader");
                }
                header[0] = true;
                return;
            }
            String value = row.cell(columns.get("value"));
            if (value == null) {
                return;
            }
            String evidence = row.cell(columns.get("evidence"));
            rows.add(new Row(row.number(), row.cell(columns.get("platformId")), row.cell(columns.get("code")),
                    ValuesWorkbook.number(value), row.cell(columns.get("note")), !columns.containsKey("evidence") ? null
                            : evidence == null ? List.of() : Arrays.stream(evidence.split("[,，]")).map(String::strip)
                                    .filter(reference -> !reference.isEmpty()).toList(),
                    row.cell(columns.get("version"))));
        });
        if (!header[0]) {
            throw ApiException.badRequest("xlsx.noYearHeader");
        }
        if (rows.isEmpty()) {
            throw ApiException.badRequest("xlsx.empty");
        }
        return new Imported(rows, columns);
    }

    private static void put(Map<String, Integer> columns, String field, Integer column) {
        if (column != null) {
            columns.put(field, column);
        }
    }

    static String letter(int column) {
        StringBuilder letters = new StringBuilder();
        for (int n = column + 1; n > 0; n = (n - 1) / 26) {
            letters.insert(0, (char) ('A' + (n - 1) % 26));
        }
        return letters.toString();
    }
}
