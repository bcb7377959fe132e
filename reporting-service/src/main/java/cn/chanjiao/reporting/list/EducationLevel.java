package cn.chanjiao.reporting.list;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * 学历层次 as the lists write it, ranked for matching. A demand's “本科及以上” is read as its minimum,
 * BACHELOR; {@link #ANY} (不限) is compatible with every level.
 */
public enum EducationLevel {
    ANY(0, "不限", "Any", List.of("不限", "无要求", "不限学历")),
    SECONDARY(1, "中职", "Secondary vocational", List.of("中职", "中专", "技校", "中等职业", "中职中专", "中等职业教育")),
    ASSOCIATE(2, "专科", "Associate (higher vocational)", List.of("专科", "大专", "高职", "高职专科", "高职高专", "职业专科")),
    BACHELOR(3, "本科", "Bachelor", List.of("本科", "大学本科", "普通本科", "职业本科", "职教本科", "学士")),
    MASTER(4, "硕士研究生", "Master", List.of("硕士研究生", "硕士", "研究生", "专业硕士")),
    DOCTORATE(5, "博士研究生", "Doctorate", List.of("博士研究生", "博士"));

    private final int rank;
    private final String nameZh;
    private final String nameEn;
    private final List<String> names;

    EducationLevel(int rank, String nameZh, String nameEn, List<String> names) {
        this.rank = rank;
        this.nameZh = nameZh;
        this.nameEn = nameEn;
        this.names = names;
    }

    public int rank() {
        return rank;
    }

    public String nameZh() {
        return nameZh;
    }

    public String nameEn() {
        return nameEn;
    }

    /** Reads a code ({@code BACHELOR}) or a Chinese name (本科, 大专, 本科及以上, 本科以上学历 …). */
    public static Optional<EducationLevel> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String value = text.strip().replaceAll("\\s+", "");
        for (EducationLevel level : values()) {
            if (level.name().equalsIgnoreCase(value)) {
                return Optional.of(level);
            }
        }
        String stem = value.replaceAll("(及以上|以上)?(学历|层次)?$", "").replaceAll("(及以上|以上)$", "");
        return Arrays.stream(values()).filter(level -> level.names.contains(stem)).findFirst();
    }

    public static String allowedZh() {
        return String.join("、", Arrays.stream(values()).map(EducationLevel::nameZh).toList());
    }
}
