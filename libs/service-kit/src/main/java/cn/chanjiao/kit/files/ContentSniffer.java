package cn.chanjiao.kit.files;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Recognises a file by its content, never by its name: PDF ({@code %PDF-}), JPEG ({@code FF D8 FF}),
 * PNG (its 8-byte signature), and the Office Open XML packages DOCX and XLSX (a ZIP holding
 * {@code [Content_Types].xml} and {@code word/document.xml} or {@code xl/workbook.xml}; only the
 * ZIP directory is read). Anything else — an executable renamed {@code .pdf}, an old binary
 * {@code .doc}, a plain ZIP — is not recognised.
 */
public final class ContentSniffer {

    private static final byte[] PDF = { '%', 'P', 'D', 'F', '-' };
    private static final byte[] JPEG = { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF };
    private static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A };
    private static final byte[] ZIP = { 'P', 'K', 0x03, 0x04 };

    private ContentSniffer() {
    }

    public static Optional<FileType> sniff(Path file) throws IOException {
        byte[] head = new byte[8];
        int read;
        try (InputStream in = Files.newInputStream(file)) {
            read = in.readNBytes(head, 0, head.length);
        }
        byte[] start = Arrays.copyOf(head, read);
        if (startsWith(start, PDF)) {
            return Optional.of(FileType.PDF);
        }
        if (startsWith(start, JPEG)) {
            return Optional.of(FileType.JPEG);
        }
        if (startsWith(start, PNG)) {
            return Optional.of(FileType.PNG);
        }
        if (startsWith(start, ZIP)) {
            return officePackage(file);
        }
        return Optional.empty();
    }

    private static Optional<FileType> officePackage(Path file) {
        boolean contentTypes = false;
        boolean word = false;
        boolean excel = false;
        try (ZipFile zip = new ZipFile(file.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            int seen = 0;
            while (entries.hasMoreElements() && seen++ < 10_000) {
                String name = entries.nextElement().getName();
                contentTypes |= name.equals("[Content_Types].xml");
                word |= name.equals("word/document.xml");
                excel |= name.equals("xl/workbook.xml");
            }
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        if (contentTypes && word && !excel) {
            return Optional.of(FileType.DOCX);
        }
        if (contentTypes && excel && !word) {
            return Optional.of(FileType.XLSX);
        }
        return Optional.empty();
    }

    /** Whether the file starts like a ZIP archive (an Office Open XML package among them). */
    public static boolean looksLikeZip(Path file) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(ZIP.length);
        }
        return startsWith(head, ZIP);
    }

    /** Whether the file is a ZIP archive whose directory and every entry can be read through. */
    public static boolean readableZip(Path file) {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            byte[] buffer = new byte[8192];
            while (entries.hasMoreElements()) {
                try (InputStream in = zip.getInputStream(entries.nextElement())) {
                    while (in.read(buffer) != -1) {
                        // read through: a damaged entry throws
                    }
                }
            }
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static boolean startsWith(byte[] data, byte[] prefix) {
        if (data.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (data[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
