package cn.chanjiao.kit.files;

import cn.chanjiao.kit.web.ApiException;

import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.zip.ZipException;

/**
 * What is wrong with an uploaded workbook, in words: a 400 problem that says whether the file is no
 * XLSX workbook at all ({@code xlsx.upload.notXlsx}: a CSV, an old binary {@code .xls}, a renamed
 * file), a damaged one ({@code xlsx.upload.corrupt}: a broken ZIP) or one whose sheet is no valid
 * sheet XML ({@code xlsx.upload.malformedSheet}) — never the name of the exception the reader threw.
 * Services whose own bundle defines these codes may word them for their imports.
 */
public final class XlsxUploads {

    public static final String NOT_XLSX = "xlsx.upload.notXlsx";
    public static final String CORRUPT = "xlsx.upload.corrupt";
    public static final String MALFORMED_SHEET = "xlsx.upload.malformedSheet";

    private XlsxUploads() {
    }

    /**
     * Checks the file before a reader opens it: a 400 unless it is a ZIP package holding a workbook.
     * A ZIP that cannot be read is {@link #CORRUPT}; anything else that is no workbook {@link #NOT_XLSX}.
     */
    public static void requireXlsx(Path file) throws IOException {
        Optional<FileType> type = ContentSniffer.sniff(file);
        if (type.isPresent() && type.get() == FileType.XLSX) {
            return;
        }
        if (type.isEmpty() && ContentSniffer.looksLikeZip(file) && !ContentSniffer.readableZip(file)) {
            throw ApiException.badRequest(CORRUPT);
        }
        throw ApiException.badRequest(NOT_XLSX);
    }

    /**
     * The problem for what a workbook reader threw: a sheet that is no valid XML is
     * {@link #MALFORMED_SHEET}; a file POI does not take for an Office Open XML package (an OLE2
     * {@code .xls}, a plain file) {@link #NOT_XLSX}; any other failure (a broken ZIP, a package
     * missing a part) {@link #CORRUPT}.
     */
    public static ApiException unreadable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof org.xml.sax.SAXException) {
                return ApiException.badRequest(MALFORMED_SHEET);
            }
            String name = t.getClass().getSimpleName();
            if (name.equals("NotOfficeXmlFileException") || name.equals("OLE2NotOfficeXmlFileException")
                    || name.equals("OldExcelFormatException")) {
                return ApiException.badRequest(NOT_XLSX);
            }
            if (t instanceof ZipException || t instanceof EOFException) {
                return ApiException.badRequest(CORRUPT);
            }
        }
        return ApiException.badRequest(CORRUPT);
    }
}
