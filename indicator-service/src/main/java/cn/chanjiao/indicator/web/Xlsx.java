package cn.chanjiao.indicator.web;

import cn.chanjiao.kit.files.XlsxText;
import cn.chanjiao.kit.files.XlsxUploads;
import cn.chanjiao.kit.web.ApiException;
import org.apache.poi.ooxml.POIXMLException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * XLSX without holding a whole workbook in memory: writing through SXSSF (rows flushed to disk in
 * windows of 100), reading the first sheet through POI's SAX event API from a temporary file. Text
 * cells are written through {@link XlsxText#safe} (no formula injection) and read through
 * {@link XlsxText#restore}.
 */
public final class Xlsx {

    public static final String MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private Xlsx() {
    }

    /** A streaming workbook: add sheets, then {@link #bytes()}. */
    public static final class Writer implements AutoCloseable {

        private final SXSSFWorkbook workbook = new SXSSFWorkbook(100);
        private final CellStyle header;

        public Writer() {
            header = workbook.createCellStyle();
            Font bold = workbook.createFont();
            bold.setBold(true);
            header.setFont(bold);
        }

        /** A sheet with a bold header row; then {@link SheetWriter#row(Object...)} per row. */
        public SheetWriter sheet(String name, String... headers) {
            Sheet sheet = workbook.createSheet(name);
            SheetWriter writer = new SheetWriter(sheet);
            Row row = writer.next();
            for (int i = 0; i < headers.length; i++) {
                Cell cell = row.createCell(i);
                cell.setCellValue(XlsxText.safe(headers[i]));
                cell.setCellStyle(header);
                sheet.setColumnWidth(i, Math.min(60, Math.max(10, headers[i].length() * 3)) * 256);
            }
            return writer;
        }

        public byte[] bytes() {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            write(out);
            return out.toByteArray();
        }

        public void write(OutputStream out) {
            try {
                workbook.write(out);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() {
            try {
                workbook.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    public static final class SheetWriter {

        private final Sheet sheet;
        private int next;

        private SheetWriter(Sheet sheet) {
            this.sheet = sheet;
        }

        private Row next() {
            return sheet.createRow(next++);
        }

        public void row(Object... values) {
            Row row = next();
            for (int i = 0; i < values.length; i++) {
                Object value = values[i];
                if (value == null) {
                    continue;
                }
                Cell cell = row.createCell(i);
                if (value instanceof BigDecimal number) {
                    cell.setCellValue(number.doubleValue());
                } else if (value instanceof Number number) {
                    cell.setCellValue(number.doubleValue());
                } else if (value instanceof Boolean flag) {
                    cell.setCellValue(flag);
                } else {
                    cell.setCellValue(XlsxText.safe(value.toString()));
                }
            }
        }
    }

    /**
     * Reads the first sheet of an uploaded workbook row by row: each row as its Excel row number
     * (1-based) and its cells by column index, as Excel shows them. The upload is spooled to a
     * temporary file first (at most {@code maxBytes}), so that neither the file nor the sheet is
     * held in memory. A file that is not a workbook, or a damaged one, is a 400 saying which in words
     * ({@link XlsxUploads}), never naming the reader's exception.
     */
    public static void read(InputStream upload, long maxBytes, Consumer<SheetRow> rows) {
        read(upload, maxBytes, null, rows);
    }

    /**
     * The same, reading the sheet named {@code sheetName} when the workbook has one (e.g. the sheet
     * of an export holding the values), otherwise the first sheet.
     */
    public static void read(InputStream upload, long maxBytes, String sheetName, Consumer<SheetRow> rows) {
        Path file = null;
        try {
            file = Files.createTempFile("indicator-import-", ".xlsx");
            try (OutputStream out = Files.newOutputStream(file)) {
                byte[] buffer = new byte[64 * 1024];
                long total = 0;
                int read;
                while ((read = upload.read(buffer)) != -1) {
                    total += read;
                    if (total > maxBytes) {
                        throw ApiException.badRequest("xlsx.tooLarge", maxBytes);
                    }
                    out.write(buffer, 0, read);
                }
            }
            XlsxUploads.requireXlsx(file);
            try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
                XSSFReader reader = new XSSFReader(pkg);
                ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg, false);
                int wanted = sheetName == null ? 0 : sheetIndex(reader, sheetName);
                XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
                if (!sheets.hasNext()) {
                    throw ApiException.badRequest(XlsxUploads.CORRUPT);
                }
                for (int skipped = 0; skipped < wanted; skipped++) {
                    sheets.next().close();
                }
                try (InputStream sheet = sheets.next()) {
                    XMLReader parser = XMLHelper.newXMLReader();
                    parser.setContentHandler(new XSSFSheetXMLHandler(reader.getStylesTable(), null, strings,
                            new RowCollector(rows), new DataFormatter(), false));
                    parser.parse(new InputSource(sheet));
                }
            }
        } catch (ApiException e) {
            throw e;
        } catch (IOException | OpenXML4JException | SAXException | POIXMLException | IllegalArgumentException
                | IllegalStateException | javax.xml.parsers.ParserConfigurationException e) {
            throw XlsxUploads.unreadable(e);
        } catch (RuntimeException e) {
            if (e.getClass().getName().startsWith("org.apache.poi")) {
                throw XlsxUploads.unreadable(e);
            }
            throw e;
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    // a temporary file left behind is removed with the temp directory
                }
            }
        }
    }

    /** The position of the sheet named {@code name} (0 when there is none: the first sheet). */
    private static int sheetIndex(XSSFReader reader, String name) throws IOException, OpenXML4JException {
        XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
        int index = 0;
        while (sheets.hasNext()) {
            try (InputStream ignored = sheets.next()) {
                if (name.equals(sheets.getSheetName())) {
                    return index;
                }
            }
            index++;
        }
        return 0;
    }

    /** One row of a sheet: its Excel number (1-based) and its non-empty cells by column (0-based). */
    public record SheetRow(int number, Map<Integer, String> cells) {

        public String cell(Integer column) {
            return column == null ? null : cells.get(column);
        }
    }

    private static final class RowCollector implements XSSFSheetXMLHandler.SheetContentsHandler {

        private final Consumer<SheetRow> rows;
        private Map<Integer, String> cells = new TreeMap<>();

        RowCollector(Consumer<SheetRow> rows) {
            this.rows = rows;
        }

        @Override
        public void startRow(int rowNum) {
            cells = new TreeMap<>();
        }

        @Override
        public void endRow(int rowNum) {
            if (!cells.isEmpty()) {
                rows.accept(new SheetRow(rowNum + 1, cells));
            }
        }

        @Override
        public void cell(String reference, String formattedValue, XSSFComment comment) {
            if (reference == null || formattedValue == null || formattedValue.isBlank()) {
                return;
            }
            // the export marks text that would start a formula (XlsxText); an import of it reads the text
            cells.put(column(reference), XlsxText.restore(formattedValue.strip()));
        }

        static int column(String reference) {
            int column = 0;
            for (char c : reference.toCharArray()) {
                if (!Character.isLetter(c)) {
                    break;
                }
                column = column * 26 + (Character.toUpperCase(c) - 'A' + 1);
            }
            return column - 1;
        }
    }

    /** Finds the column whose header is one of the names. */
    public static Integer column(Map<Integer, String> header, String... names) {
        for (Map.Entry<Integer, String> entry : header.entrySet()) {
            for (String name : names) {
                if (entry.getValue().equalsIgnoreCase(name)) {
                    return entry.getKey();
                }
            }
        }
        return null;
    }

    /** Collects rows into a list (tests, small sheets). */
    public static List<SheetRow> readAll(InputStream upload, long maxBytes) {
        List<SheetRow> rows = new ArrayList<>();
        read(upload, maxBytes, rows::add);
        return rows;
    }
}
