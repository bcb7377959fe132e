package cn.chanjiao.reporting.report;

/** DRAFT → SUBMITTED → ACCEPTED, or RETURNED (↺ edited and submitted again). */
public enum ReportStatus {
    DRAFT, SUBMITTED, RETURNED, ACCEPTED
}
