package cn.chanjiao.application.programme;

/** What a programme window is for. */
public enum WindowPurpose {
    /** 注册填报 / 申报: applications are taken and may be submitted */
    REGISTRATION,
    /**
     * 推荐报送: the recommending authorities' deadline (seed 003: provinces send their lists to the Ministry by 29 May;
     * seed 004: district departments send 汇总表及推荐书 to the city by 15 May). Desk-stage approvals, ranking and
     * locking of a recommendation list are refused after it closes.
     */
    RECOMMENDATION,
    /** 绩效数据采集: monitoring indicators are collected (indicator-service) */
    COLLECTION,
    /** 年度工作计划 (Q1) */
    ANNUAL_PLAN,
    /** 年度总结报告 / 年度运营报告 (due at the window's close) */
    ANNUAL_SUMMARY
}
