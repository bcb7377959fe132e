package cn.chanjiao.testkit.files;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Uploads an import must refuse in words: a file that is no workbook, a damaged ZIP, and a workbook
 * whose sheet XML is not well-formed — and the exception names a reader would throw for them, which
 * a problem must never show.
 */
public final class BrokenWorkbooks {

    /** Names of reader exceptions (POI, SAX, java.io) that must not reach a problem detail. */
    public static final List<String> EXCEPTION_NAMES = List.of("Exception", "SAXParse", "NotOfficeXml", "OLE2",
            "IOException", "ZipException", "POIXML", "OpenXML4J", "InvalidFormat", "org.apache", "java.", "javax.");

    private BrokenWorkbooks() {
    }

    /** A CSV renamed to .xlsx. */
    public static byte[] notXlsx() {
        return "序号,名称\n1,=HYPERLINK(\"http://example.cn\")\n".getBytes(StandardCharsets.UTF_8);
    }

    /** The first half of a valid workbook: a ZIP without its central directory. */
    public static byte[] truncated(byte[] workbook) {
        return Arrays.copyOf(workbook, workbook.length / 2);
    }

    /** {@code workbook} with every worksheet's XML replaced by text that is not well-formed. */
    public static byte[] malformedSheet(byte[] workbook) {
        try {
            // read through the central directory: streamed exports (SXSSF) write entries with data descriptors
            Path file = Files.createTempFile("workbook-", ".xlsx");
            try {
                Files.write(file, workbook);
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                try (ZipFile zip = new ZipFile(file.toFile()); ZipOutputStream out = new ZipOutputStream(bytes)) {
                    Enumeration<? extends ZipEntry> entries = zip.entries();
                    while (entries.hasMoreElements()) {
                        ZipEntry entry = entries.nextElement();
                        byte[] content;
                        try (InputStream in = zip.getInputStream(entry)) {
                            content = in.readAllBytes();
                        }
                        if (entry.getName().startsWith("xl/worksheets/sheet")) {
                            content = MALFORMED_SHEET.getBytes(StandardCharsets.UTF_8);
                        }
                        out.putNextEntry(new ZipEntry(entry.getName()));
                        out.write(content);
                        out.closeEntry();
                    }
                }
                return bytes.toByteArray();
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A sheet whose row is never closed. */
    private static final String MALFORMED_SHEET = "<?xml version=\"1.0\"?><worksheet><sheetData><row r=\"1\">"
            + "<c r=\"A1\" t=\"inlineStr\"><is><t>序号</t></is></c></row";
}
