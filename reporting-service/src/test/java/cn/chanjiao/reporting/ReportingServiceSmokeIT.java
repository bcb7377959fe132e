package cn.chanjiao.reporting;

import cn.chanjiao.testkit.service.ServiceSmokeIT;

/** reporting-service boots on real engines and answers as every service must. */
class ReportingServiceSmokeIT extends ServiceSmokeIT {
}
