package cn.chanjiao.indicator.results;

import cn.chanjiao.indicator.collection.StoredValue;
import cn.chanjiao.indicator.collection.YearWorkbook;
import cn.chanjiao.indicator.web.Xlsx;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An authority's year as a workbook: platforms, statistics by type, province and city, and every
 * value (sheet 指标数据, with platform ids, notes and evidence: the authority's import reads it back).
 */
final class OverviewWorkbook {

    private static final Map<String, String> STATUS = Map.of("PROPOSED", "按规则计算（待发布）", "ADJUSTED", "主管部门已调整（待发布）",
            "PUBLISHED", "已发布");

    private OverviewWorkbook() {
    }

    static byte[] export(Overview overview, Map<UUID, List<PlatformResults.IndicatorResult>> details,
            Map<UUID, Map<String, StoredValue>> stored) {
        try (Xlsx.Writer workbook = new Xlsx.Writer()) {
            Xlsx.SheetWriter platforms = workbook.sheet("平台完成情况", "排名", "类型内排名", "平台名称", "平台类型", "所在地区",
                    "状态", "是否提交", "提交时间", "已填报指标数", "完成率（%）", "重点指标完成率（%）",
                    "考核得分", "考核等级", "等级状态", "考核意见");
            for (Overview.Row row : overview.rows()) {
                platforms.row(row.rank(), row.rankInType(), row.name(), row.platformType(), row.regionCode(), row.status(),
                        row.submitted() ? "是" : "否", row.submittedAt() == null ? null : row.submittedAt().toString(),
                        row.entered(), Completion.percent(row.completion()), Completion.percent(row.keyCompletion()),
                        row.grading() == null ? null : row.grading().score(), row.grading() == null ? null : row.grading().gradeName(),
                        row.grading() == null ? null : STATUS.get(row.grading().status()),
                        row.grading() == null ? null : row.grading().comment());
            }
            Xlsx.SheetWriter missing = workbook.sheet("未提交", "平台名称", "平台类型", "所在地区", "状态", "已填报指标数");
            overview.missing().forEach(row -> missing.row(row.name(), row.platformType(), row.regionCode(), row.status(), row.entered()));
            group(workbook.sheet("按类型统计", "平台类型", "平台数", "已提交", "平均完成率（%）"), overview.byType());
            group(workbook.sheet("按省份统计", "省份", "平台数", "已提交", "平均完成率（%）"), overview.byProvince());
            group(workbook.sheet("按地市统计", "地市", "平台数", "已提交", "平均完成率（%）"), overview.byCity());
            // the sheet an authority fills in and imports back (PUT …/years/{year}/values.xlsx): see YearWorkbook
            Xlsx.SheetWriter values = workbook.sheet(YearWorkbook.SHEET, YearWorkbook.PLATFORM_ID, YearWorkbook.PLATFORM_NAME,
                    YearWorkbook.CODE, "维度", "指标名称", "单位", "目标值", YearWorkbook.VALUE, "完成率（%）", "重点指标",
                    YearWorkbook.NOTE, YearWorkbook.EVIDENCE, YearWorkbook.VERSION);
            for (Overview.Row row : overview.rows()) {
                Map<String, StoredValue> of = stored.getOrDefault(row.platformId(), Map.of());
                for (PlatformResults.IndicatorResult indicator : details.getOrDefault(row.platformId(), List.of())) {
                    StoredValue value = of.get(indicator.code());
                    values.row(row.platformId().toString(), row.name(), indicator.code(), indicator.dimension(),
                            indicator.name(), indicator.unit(), indicator.target(), indicator.actual(),
                            Completion.percent(indicator.completion()), indicator.key() ? "是" : null,
                            value == null ? null : value.note(), value == null || value.evidence().isEmpty() ? null
                                    : String.join(",", value.evidence().stream().map(evidence -> evidence.attachmentId() != null
                                            ? evidence.attachmentId() : evidence.uri()).toList()),
                            String.valueOf(row.version()));
                }
            }
            return workbook.bytes();
        }
    }

    private static void group(Xlsx.SheetWriter sheet, List<Overview.Group> groups) {
        groups.forEach(group -> sheet.row(group.key(), group.platforms(), group.submitted(),
                Completion.percent(group.averageCompletion())));
    }
}
