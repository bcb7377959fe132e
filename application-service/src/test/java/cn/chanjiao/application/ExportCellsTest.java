package cn.chanjiao.application;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every XLSX export of application-service (the plan table, the expert scores, any added later) writes
 * its text cells through {@code XlsxText.safe}, so no exported cell starts a formula: each
 * {@code setCellValue(…)} in the main sources writes a number or goes through the helper.
 */
class ExportCellsTest {

    private static final Pattern SET_CELL_VALUE = Pattern.compile("\\.setCellValue\\(");

    @Test
    void everyTextCellOfEveryExportGoesThroughTheFormulaSafeHelper() throws Exception {
        List<String> unsafe = new ArrayList<>();
        int calls = 0;
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String source = Files.readString(file);
                Matcher call = SET_CELL_VALUE.matcher(source);
                while (call.find()) {
                    calls++;
                    String argument = source.substring(call.end(), Math.min(source.length(), call.end() + 200));
                    boolean number = argument.matches("(?s)[\\w.()]*\\.doubleValue\\(\\)\\).*");
                    if (!number && !argument.startsWith("XlsxText.safe(")) {
                        unsafe.add(file.getFileName() + ": setCellValue(" + argument.lines().findFirst().orElse(""));
                    }
                }
            }
        }
        assertThat(calls).as("setCellValue calls found").isGreaterThan(10);
        assertThat(unsafe).isEmpty();
    }
}
