package cn.chanjiao.reporting.bench;

import cn.chanjiao.reporting.support.IntegrationTestBase;
import cn.chanjiao.reporting.support.ListDriver;
import cn.chanjiao.testkit.http.ApiClient.ApiResponse;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Measurements for the closing note, not part of the build (the name matches neither Surefire's nor
 * Failsafe's patterns). Run alone:
 * <pre>
 * ./mvnw -B -ntp -o -pl reporting-service verify -Dit.test=SupplyDemandBenchmark -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 * It writes a 100,000-row talent-demand XLSX in the seed layout, imports it through the API (time,
 * peak heap of the service JVM while importing), publishes it and times public searches over the
 * 100,000 published rows (two-character and longer Chinese keywords, filters, paging). Figures go to
 * stdout and {@code target/bench-results.txt}. Set {@code -Dbench.rows=…} for another size.
 */
class SupplyDemandBenchmark extends IntegrationTestBase {

    static final String[] WORK = { "焊接机器人运维", "数控设备操作与编程", "矿山机电设备维修", "光伏组件检测", "工业网络运维",
            "新能源汽车电池检测", "化工过程控制", "建筑信息模型应用", "轨道交通车辆检修", "电商直播运营", "冷链物流调度",
            "数据标注与分析", "精密模具装调", "风电机组运维", "煤矿智能开采操作", "焊接工艺评定", "智能仓储管理", "护理服务",
            "康复治疗", "酒店数字化运营" };
    static final String[] MAJORS = { "数控技术", "智能焊接技术", "机电一体化技术", "工业机器人技术", "光伏工程技术",
            "新能源汽车技术", "应用化工技术", "建筑工程技术", "城市轨道交通运营管理", "电子商务", "现代物流管理",
            "大数据技术", "模具设计与制造", "风力发电工程技术", "煤矿智能开采技术", "护理", "康复治疗技术", "酒店管理与数字化运营" };
    static final String[] LEVELS = { "中职", "专科", "本科", "硕士研究生", "不限", "大专", "本科及以上" };
    static final String[] CITIES = { "太原", "大同", "长治", "晋城", "运城", "临汾", "吕梁", "晋中" };

    @Test
    void importAndSearchOfAHundredThousandRows() throws Exception {
        int rows = Integer.getInteger("bench.rows", 100_000);
        List<String> report = new ArrayList<>();
        TestPlatform platform = approve("SX-INDUSTRY-COMMUNITY-2023", "INDUSTRY_COMMUNITY", "140105", "140000",
                List.of(2025), Instant.parse("2025-01-10T02:00:00Z"));
        ListDriver list = ListDriver.create(api, applicant(platform.lead()), platform.id(), "TALENT_DEMAND", 2025, "装备制造");

        Path file = Files.createTempFile("bench-", ".xlsx");
        long writeStart = System.nanoTime();
        writeSheet(file, rows);
        report.add(String.format("XLSX of %,d rows: %,d bytes, written in %d ms", rows, Files.size(file),
                (System.nanoTime() - writeStart) / 1_000_000));

        System.gc();
        long heapBefore = usedHeap();
        resetPeaks();
        long importStart = System.nanoTime();
        var imported = upload(list, applicant(platform.lead()), Files.readAllBytes(file));
        long importMs = (System.nanoTime() - importStart) / 1_000_000;
        long peak = peakHeap();
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
        assertThat(imported.body()).contains("\"rows\":" + rows);
        System.out.println("BENCH import done " + importMs + " ms");
        report.add(String.format("import of %,d rows through the API: %,d ms (%,.0f rows/s); heap used before %,d MB, "
                + "peak during import %,d MB (whole test JVM: service, PostgreSQL client, Kafka; max heap %,d MB)", rows,
                importMs, rows * 1000.0 / importMs, heapBefore >> 20, peak >> 20,
                Runtime.getRuntime().maxMemory() >> 20));

        long exportStart = System.nanoTime();
        byte[] exported = ListDriver.bytes(port, "/api/v1/supply-demand/lists/" + list.id() + "/export.xlsx",
                applicant(platform.lead()));
        report.add(String.format("export of %,d rows: %,d ms, %,d bytes", rows, (System.nanoTime() - exportStart) / 1_000_000,
                exported.length));

        report.forEach(line -> System.out.println("BENCH " + line));
        long publishStart = System.nanoTime();
        assertThat(list.publish().status()).isEqualTo(200);
        report.add(String.format("publish of %,d rows: %d ms", rows, (System.nanoTime() - publishStart) / 1_000_000));
        jdbc.execute("analyze sd_row");

        String base = "/api/v1/public/supply-demand/rows?platformId=" + platform.id();
        for (String query : List.of("?q=焊接", "?q=机器人运维", "?q=焊接&educationLevel=专科", "?q=数控&region=140000&page=3",
                "?major=数控技术&educationLevel=本科", "?q=太原%20数控", "?q=不存在的词", "?page=100", "")) {
            String path = query.isEmpty() ? "/api/v1/public/supply-demand/rows" : "/api/v1/public/supply-demand/rows" + query;
            report.add(latency(path, 15));
            System.out.println("BENCH " + report.get(report.size() - 1));
        }
        report.add(latency(base.replace("?", "?q=焊接&"), 15));

        report.forEach(line -> System.out.println("BENCH " + line));
        Files.write(Path.of("target", "bench-results.txt"), report, StandardCharsets.UTF_8);
        Files.deleteIfExists(file);
    }

    /** The import with a patient client (the test kit's gives up after 30 s). */
    private java.net.http.HttpResponse<String> upload(ListDriver list, String token, byte[] content) throws Exception {
        String boundary = "----bench" + System.nanoTime();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"bench.xlsx\"\r\n"
                + "Content-Type: " + ListDriver.XLSX + "\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[head.length + content.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(content, 0, body, head.length, content.length);
        System.arraycopy(tail, 0, body, head.length + content.length, tail.length);
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port
                        + "/api/v1/supply-demand/lists/" + list.id() + "/import"))
                .timeout(java.time.Duration.ofMinutes(15)).header("Authorization", "Bearer " + token)
                .header("If-Match", list.etag()).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body)).build();
        return java.net.http.HttpClient.newHttpClient().send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
    }

    private String latency(String path, int runs) {
        api.get(path).send();
        long[] times = new long[runs];
        long total = 0;
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            ApiResponse response = api.get(path).send();
            times[i] = (System.nanoTime() - start) / 1000;
            assertThat(response.status()).as(response.toString()).isEqualTo(200);
            total = response.json().path("total").asLong();
        }
        Arrays.sort(times);
        return String.format("search %s: p50 %.1f ms, p95 %.1f ms, max %.1f ms (%,d matches, %d runs)", path,
                times[runs / 2] / 1000.0, times[(int) (runs * 0.95)] / 1000.0, times[runs - 1] / 1000.0, total, runs);
    }

    static void writeSheet(Path file, int rows) throws IOException {
        Random random = new Random(42);
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(200); OutputStream out = Files.newOutputStream(file)) {
            Sheet sheet = workbook.createSheet("行业人才需求清单");
            sheet.createRow(0).createCell(0).setCellValue("一、行业人才需求清单");
            Row head = sheet.createRow(1);
            String[] first = { "序号", "单位名称", "人才需求情况", "", "", "", "联系人", "联系方式" };
            String[] second = { "", "", "需求说明", "需求专业", "学历层次", "需求人数", "", "" };
            Row sub = sheet.createRow(2);
            for (int c = 0; c < first.length; c++) {
                head.createCell(c).setCellValue(first[c]);
                sub.createCell(c).setCellValue(second[c]);
            }
            for (int i = 0; i < rows; i++) {
                Row row = sheet.createRow(i + 3);
                row.createCell(0).setCellValue(i + 1);
                row.createCell(1).setCellValue(CITIES[random.nextInt(CITIES.length)] + "示范企业" + random.nextInt(5000) + "有限公司");
                row.createCell(2).setCellValue(WORK[random.nextInt(WORK.length)] + "岗位，要求" + WORK[random.nextInt(WORK.length)]
                        + "经验，第" + i + "号需求");
                row.createCell(3).setCellValue(MAJORS[random.nextInt(MAJORS.length)]);
                row.createCell(4).setCellValue(LEVELS[random.nextInt(LEVELS.length)]);
                row.createCell(5).setCellValue(1 + random.nextInt(50));
                row.createCell(6).setCellValue("联系人" + random.nextInt(1000));
                row.createCell(7).setCellValue("0351-" + (1000000 + random.nextInt(8999999)));
            }
            workbook.write(out);
        }
    }

    private static long usedHeap() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static void resetPeaks() {
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    /** The sum of the heap pools' peaks since the reset (an upper bound of the peak heap in use). */
    private static long peakHeap() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    }
}
