package cn.chanjiao.indicator;

import cn.chanjiao.testkit.service.ServiceSmokeIT;

/** indicator-service boots on real engines and answers as every service must. */
class IndicatorServiceSmokeIT extends ServiceSmokeIT {
}
