package cn.chanjiao.reporting.list;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The documented body of adding or replacing a row (the controller reads it as a map, so that each
 * cell's raw text is checked and reported the way an imported sheet's is). Only the columns of the
 * list's kind apply ({@code GET /api/v1/supply-demand/kinds}); every one of them is required.
 */
@Schema(name = "RowRequest", description = "A row's cells; only the columns of the list's kind apply, each required")
record RowRequest(
        @Schema(example = "杭州某智能装备有限公司") String unitName,
        @Schema(example = "数控机床装调与维修技术员") String description,
        @Schema(example = "数控技术") String major,
        @Schema(description = "中职/专科/本科/硕士研究生/博士研究生/不限 or a synonym (大专, 高职, 本科及以上 …)",
                example = "专科") String educationLevel,
        @Schema(description = "a positive whole number, as a number or as text (`12`, `\"12人\"`)", example = "12")
        String headcount,
        @Schema(example = "王老师") String contact,
        @Schema(description = "a phone number or an e-mail address", example = "0571-88886666") String phone,
        @Schema(description = "`2025-03-01`, `2025/3/1` or `2025年3月1日`", example = "2025-03-01") String startOn,
        @Schema(description = "as `startOn`, not before it", example = "2025-12-31") String endOn,
        @Schema(description = "实习实训/培训/技术服务", example = "实习实训") String serviceType) {
}
