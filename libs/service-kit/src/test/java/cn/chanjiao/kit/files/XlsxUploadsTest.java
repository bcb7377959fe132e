package cn.chanjiao.kit.files;

import cn.chanjiao.kit.web.ApiException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xml.sax.SAXParseException;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class XlsxUploadsTest {

    /** Named as POI's exception for a file that is no Office Open XML package. */
    static final class NotOfficeXmlFileException extends RuntimeException {
        NotOfficeXmlFileException() {
            super("No valid entries or contents found, this is not a valid OOXML (Office Open XML) file");
        }
    }

    @Test
    void aReaderFailureBecomesAProblemThatSaysWhatIsWrongNotWhichExceptionWasThrown() {
        assertThat(code(XlsxUploads.unreadable(new SAXParseException("XML document structures must start and end", null))))
                .isEqualTo("xlsx.upload.malformedSheet");
        assertThat(code(XlsxUploads.unreadable(new RuntimeException(new IOException(new SAXParseException("x", null))))))
                .isEqualTo("xlsx.upload.malformedSheet");
        assertThat(code(XlsxUploads.unreadable(new NotOfficeXmlFileException()))).isEqualTo("xlsx.upload.notXlsx");
        assertThat(code(XlsxUploads.unreadable(new IOException(new ZipException("invalid CEN header")))))
                .isEqualTo("xlsx.upload.corrupt");
        assertThat(code(XlsxUploads.unreadable(new IllegalStateException("anything else")))).isEqualTo("xlsx.upload.corrupt");
        ApiException problem = XlsxUploads.unreadable(new SAXParseException("x", null));
        assertThat(problem.getStatusCode().value()).isEqualTo(400);
        assertThat(problem.getDetailMessageArguments()).isNullOrEmpty();
    }

    @Test
    void onlyAZipHoldingAWorkbookPassesTheCheckBeforeReading(@TempDir Path dir) throws Exception {
        Path workbook = write(dir, "ok.xlsx", zip("[Content_Types].xml", "xl/workbook.xml", "xl/worksheets/sheet1.xml"));
        Path csv = write(dir, "csv.xlsx", "序号,名称\n1,a\n".getBytes(StandardCharsets.UTF_8));
        Path docx = write(dir, "doc.xlsx", zip("[Content_Types].xml", "word/document.xml"));
        byte[] whole = zip("[Content_Types].xml", "xl/workbook.xml", "xl/worksheets/sheet1.xml");
        Path truncated = write(dir, "cut.xlsx", Arrays.copyOf(whole, whole.length / 2));

        assertThatCode(() -> XlsxUploads.requireXlsx(workbook)).doesNotThrowAnyException();
        assertThatThrownBy(() -> XlsxUploads.requireXlsx(csv)).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(code(e)).isEqualTo("xlsx.upload.notXlsx"));
        assertThatThrownBy(() -> XlsxUploads.requireXlsx(docx)).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(code(e)).isEqualTo("xlsx.upload.notXlsx"));
        assertThatThrownBy(() -> XlsxUploads.requireXlsx(truncated)).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(code(e)).isEqualTo("xlsx.upload.corrupt"));
    }

    private static String code(ApiException e) {
        return e.getDetailMessageCode();
    }

    private static Path write(Path dir, String name, byte[] content) throws IOException {
        return Files.write(dir.resolve(name), content);
    }

    private static byte[] zip(String... entries) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (String entry : entries) {
                out.putNextEntry(new ZipEntry(entry));
                out.write(("<x>" + "内容".repeat(200) + "</x>").getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
