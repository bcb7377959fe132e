package cn.chanjiao.application.notice;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Why an approved platform lost its status, as the seeds name the grounds: seed 003 (通过验收的联合体，如发生解散、撤销或其他重大变动、
 * 重大违规行为，将取消相关资格), the commitment of seeds 003/004 (如有弄虚作假或其他违规行为，自愿退出认定), the acceptance of the
 * first consortia (seed 003, 2024年初验收) and the yearly check and end-of-term assessment (seed 004, 年度检查和期满考核).
 */
enum RevocationReason {
    /** 解散 */
    DISSOLUTION("解散", "dissolution"),
    /** 重大违规行为 */
    VIOLATION("重大违规行为", "serious violation"),
    /** 弄虚作假 */
    FALSIFICATION("弄虚作假", "falsified data or documents"),
    /** 其他重大变动 (e.g. the lead units changed so that the platform no longer meets the conditions) */
    MAJOR_CHANGE("其他重大变动", "other major change"),
    /** 未通过验收 */
    FAILED_ACCEPTANCE("未通过验收", "failed the acceptance"),
    /** 年度检查或期满考核不合格 */
    FAILED_ASSESSMENT("考核不合格", "failed the yearly check or end-of-term assessment"),
    /** 自愿退出 */
    VOLUNTARY_EXIT("自愿退出", "voluntary exit"),
    /** 其他 (the comment says what) */
    OTHER("其他", "other");

    private final String chinese;
    private final String english;

    RevocationReason(String chinese, String english) {
        this.chinese = chinese;
        this.english = english;
    }

    String chinese() {
        return chinese;
    }

    String english() {
        return english;
    }

    static Optional<RevocationReason> parse(String code) {
        return code == null ? Optional.empty()
                : Arrays.stream(values()).filter(r -> r.name().equals(code.strip())).findFirst();
    }

    static List<String> codes() {
        return Arrays.stream(values()).map(Enum::name).toList();
    }
}
