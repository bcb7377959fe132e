package cn.chanjiao.reporting.list;

import cn.chanjiao.kit.files.XlsxText;
import cn.chanjiao.kit.files.XlsxUploads;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The lists as XLSX in the seed layout: a title row, the header (序号, the seed's columns, with the
 * seed's grouping header such as 人才需求情况 over its sub-columns), then one row per entry. Reading
 * streams the sheet (POI's SAX event API: one row in memory at a time); writing streams too (SXSSF,
 * 200 rows in memory).
 */
public final class XlsxLists {

    static final String NUMBER = "序号";
    private static final int HEADER_SEARCH_ROWS = 20;

    private XlsxLists() {
    }

    /** The sheet is not the template: {@code code} is a message code. */
    public static final class TemplateException extends RuntimeException {

        private final String code;
        private final transient List<Object> args;

        TemplateException(String code, Object... args) {
            super(code);
            this.code = code;
            this.args = List.of(args);
        }

        public String code() {
            return code;
        }

        public List<Object> args() {
            return args;
        }
    }

    /** Receives each data row: its Excel row number (1-based) and the text of each seed column, with its column letter. */
    public interface RowSink {
        void row(int rowNumber, Map<Field, Object> values, Map<Field, String> columnLetters);
    }

    /** The header a column shows, with the seed's notes (起始时间（年月日）…). */
    static String displayHeader(ListKind.Column column) {
        return switch (column.field()) {
            case START_ON, END_ON -> column.headerZh() + "（年月日）";
            case SERVICE_TYPE -> column.headerZh() + "（实习实训、培训、技术服务）";
            default -> column.headerZh();
        };
    }

    /** A header cell's text as compared: without white space, notes in brackets, or a trailing colon. */
    static String normalise(String header) {
        return header == null ? "" : header.replaceAll("[（(][^）)]*[）)]", "").replaceAll("[\\s:：*＊]", "");
    }

    /** Streams the first sheet of {@code file} into {@code sink}. */
    public static void read(Path file, ListKind kind, RowSink sink) {
        try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
            XSSFReader reader = new XSSFReader(pkg);
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg);
            StylesTable styles = reader.getStylesTable();
            Iterator<InputStream> sheets = reader.getSheetsData();
            if (!sheets.hasNext()) {
                throw new TemplateException("xlsx.notTemplate", kind.titleZh());
            }
            SheetHandler handler = new SheetHandler(kind, sink);
            try (InputStream sheet = sheets.next()) {
                XMLReader parser = XMLHelper.newXMLReader();
                parser.setContentHandler(new XSSFSheetXMLHandler(styles, null, strings, handler, new IsoDates(), false));
                parser.parse(new InputSource(sheet));
            }
            handler.finish();
        } catch (TemplateException e) {
            throw e;
        } catch (IOException | RuntimeException | org.xml.sax.SAXException
                | javax.xml.parsers.ParserConfigurationException | org.apache.poi.openxml4j.exceptions.OpenXML4JException e) {
            if (e instanceof RuntimeException runtime && runtime.getCause() instanceof TemplateException template) {
                throw template;
            }
            if (e instanceof org.xml.sax.SAXException sax && sax.getException() instanceof TemplateException template) {
                throw template;
            }
            String code = XlsxUploads.unreadable(e).getDetailMessageCode();
            throw new TemplateException(XlsxUploads.MALFORMED_SHEET.equals(code) ? code : "xlsx.corrupt");
        }
    }

    /** Dates in cells formatted as dates read as 2025-03-01 whatever the cell's display format. */
    static final class IsoDates extends DataFormatter {

        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString) {
            if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
                return DateUtil.getLocalDateTime(value).toLocalDate().toString();
            }
            return super.formatRawCellContents(value, formatIndex, formatString);
        }
    }

    private static final class SheetHandler implements XSSFSheetXMLHandler.SheetContentsHandler {

        private final ListKind kind;
        private final RowSink sink;
        private final TreeMap<Integer, String> cells = new TreeMap<>();
        private Map<Integer, String> header;
        private boolean subHeaderPossible;
        private Map<Field, Integer> columns;
        private int nextColumn;

        SheetHandler(ListKind kind, RowSink sink) {
            this.kind = kind;
            this.sink = sink;
        }

        @Override
        public void startRow(int rowNum) {
            cells.clear();
            nextColumn = 0;
        }

        @Override
        public void cell(String reference, String value, XSSFComment comment) {
            int column = reference == null ? nextColumn : new CellReference(reference).getCol();
            nextColumn = column + 1;
            if (value != null && !value.isBlank()) {
                cells.put(column, XlsxText.restore(value.strip()));
            }
        }

        @Override
        public void endRow(int rowNum) {
            if (columns == null && header == null) {
                if (cells.values().stream().anyMatch(v -> normalise(v).equals(NUMBER))) {
                    header = new TreeMap<>(cells);
                    subHeaderPossible = kind.group() != null;
                    if (!subHeaderPossible) {
                        resolveColumns(rowNum);
                    }
                } else if (rowNum >= HEADER_SEARCH_ROWS) {
                    throw new TemplateException("xlsx.notTemplate", kind.titleZh());
                }
                return;
            }
            if (columns == null) {
                boolean subHeader = cells.values().stream().anyMatch(v -> kind.columns().stream()
                        .anyMatch(c -> c.group() != null && normalise(c.headerZh()).equals(normalise(v))));
                if (subHeader) {
                    cells.forEach(header::put);
                    resolveColumns(rowNum);
                    return;
                }
                resolveColumns(rowNum - 1);
            }
            Map<Field, Object> values = new EnumMap<>(Field.class);
            Map<Field, String> letters = new EnumMap<>(Field.class);
            boolean any = false;
            for (Map.Entry<Field, Integer> entry : columns.entrySet()) {
                String value = cells.get(entry.getValue());
                letters.put(entry.getKey(), CellReference.convertNumToColString(entry.getValue()));
                if (value != null) {
                    values.put(entry.getKey(), value);
                    any = true;
                }
            }
            if (any) {
                sink.row(rowNum + 1, values, letters);
            }
        }

        private void resolveColumns(int headerRow) {
            Map<Field, Integer> found = new LinkedHashMap<>();
            List<String> missing = new ArrayList<>();
            for (ListKind.Column column : kind.columns()) {
                String wanted = normalise(column.headerZh());
                header.entrySet().stream()
                        .filter(e -> normalise(e.getValue()).equals(wanted)
                                || normalise(e.getValue()).equalsIgnoreCase(normalise(column.headerEn())))
                        .map(Map.Entry::getKey).findFirst()
                        .ifPresentOrElse(index -> found.put(column.field(), index), () -> missing.add(column.headerZh()));
            }
            if (!missing.isEmpty()) {
                throw new TemplateException("xlsx.missingColumns", headerRow + 1, String.join("、", missing),
                        kind.titleZh());
            }
            columns = found;
        }

        void finish() {
            if (header == null) {
                throw new TemplateException("xlsx.notTemplate", kind.titleZh());
            }
            if (columns == null) {
                resolveColumns(0);
            }
        }
    }

    /** Writes a list in the seed layout; {@code rows} hands every row to the consumer it is given, in order. */
    public static void write(ListKind kind, String title, Consumer<Consumer<ListRow>> rows, OutputStream out)
            throws IOException {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(200)) {
            Sheet sheet = workbook.createSheet(kind.titleZh());
            CellStyle head = headerStyle(workbook);
            int width = kind.columns().size() + 1;
            Row titleRow = sheet.createRow(0);
            titleRow.createCell(0).setCellValue(XlsxText.safe(title));
            titleRow.getCell(0).setCellStyle(head);
            sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, width - 1));
            boolean grouped = kind.group() != null;
            Row first = sheet.createRow(1);
            Row second = grouped ? sheet.createRow(2) : null;
            cell(first, 0, NUMBER, head);
            if (grouped) {
                cell(second, 0, "", head);
                sheet.addMergedRegion(new CellRangeAddress(1, 2, 0, 0));
            }
            int groupStart = -1;
            for (int i = 0; i < kind.columns().size(); i++) {
                ListKind.Column column = kind.columns().get(i);
                int index = i + 1;
                if (!grouped || column.group() == null) {
                    cell(first, index, displayHeader(column), head);
                    if (grouped) {
                        cell(second, index, "", head);
                        sheet.addMergedRegion(new CellRangeAddress(1, 2, index, index));
                    }
                } else {
                    if (groupStart < 0) {
                        groupStart = index;
                        cell(first, index, column.group(), head);
                    } else {
                        cell(first, index, "", head);
                    }
                    cell(second, index, displayHeader(column), head);
                    boolean lastOfGroup = i + 1 == kind.columns().size() || kind.columns().get(i + 1).group() == null;
                    if (lastOfGroup && index > groupStart) {
                        sheet.addMergedRegion(new CellRangeAddress(1, 1, groupStart, index));
                    }
                }
                sheet.setColumnWidth(index, column.maxLength() > 500 ? 40 * 256 : 16 * 256);
            }
            int[] next = { grouped ? 3 : 2 };
            rows.accept(row -> {
                Row line = sheet.createRow(next[0]++);
                line.createCell(0).setCellValue(row.position());
                for (int i = 0; i < kind.columns().size(); i++) {
                    Object value = RowRules.value(row.values(), kind.columns().get(i).field());
                    if (value instanceof Integer number) {
                        line.createCell(i + 1).setCellValue(number);
                    } else if (value instanceof EducationLevel level) {
                        line.createCell(i + 1).setCellValue(XlsxText.safe(level.nameZh()));
                    } else if (value instanceof ServiceType type) {
                        line.createCell(i + 1).setCellValue(XlsxText.safe(type.nameZh()));
                    } else if (value != null) {
                        // text that would start a formula is written with a leading ' (formula injection)
                        line.createCell(i + 1).setCellValue(XlsxText.safe(value.toString()));
                    }
                }
            });
            workbook.write(out);
        }
    }

    private static void cell(Row row, int index, String text, CellStyle style) {
        row.createCell(index).setCellValue(XlsxText.safe(text));
        row.getCell(index).setCellStyle(style);
    }

    private static CellStyle headerStyle(SXSSFWorkbook workbook) {
        CellStyle style = workbook.createCellStyle();
        Font bold = workbook.createFont();
        bold.setBold(true);
        style.setFont(bold);
        style.setAlignment(HorizontalAlignment.CENTER);
        style.setVerticalAlignment(VerticalAlignment.CENTER);
        style.setBorderBottom(BorderStyle.THIN);
        style.setBorderTop(BorderStyle.THIN);
        style.setBorderLeft(BorderStyle.THIN);
        style.setBorderRight(BorderStyle.THIN);
        return style;
    }
}
