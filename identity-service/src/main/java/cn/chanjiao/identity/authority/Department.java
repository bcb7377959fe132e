package cn.chanjiao.identity.authority;

import java.util.Arrays;
import java.util.Optional;

/**
 * The departments every authority has (DESIGN §2); {@link #code()} is what the token claim
 * {@code department} carries and what the realm's user profile accepts.
 */
public enum Department {
    EDUCATION("education", "教育部门", "Education"),
    DEVELOPMENT_REFORM("development-reform", "发展改革部门", "Development and reform"),
    INDUSTRY_IT("industry-it", "工业和信息化部门", "Industry and information technology"),
    SASAC("sasac", "国有资产监督管理部门", "State-owned assets supervision (SASAC)"),
    HR_SOCIAL_SECURITY("hr-social-security", "人力资源和社会保障部门", "Human resources and social security"),
    FINANCE("finance", "财政部门", "Finance"),
    SME("sme", "中小企业主管部门", "Small and medium-sized enterprises"),
    FEDERATION_INDUSTRY_COMMERCE("federation-industry-commerce", "工商业联合会", "Federation of industry and commerce");

    private final String code;
    private final String nameZh;
    private final String nameEn;

    Department(String code, String nameZh, String nameEn) {
        this.code = code;
        this.nameZh = nameZh;
        this.nameEn = nameEn;
    }

    public String code() {
        return code;
    }

    public String nameZh() {
        return nameZh;
    }

    public String nameEn() {
        return nameEn;
    }

    public static Optional<Department> ofCode(String code) {
        return Arrays.stream(values()).filter(d -> d.code.equals(code)).findFirst();
    }
}
