package cn.chanjiao.indicator;

import cn.chanjiao.indicator.support.IndicatorServiceTest;
import cn.chanjiao.testkit.service.ServiceSmokeIT;

/** indicator-service boots on real engines and answers as every service must. */
@IndicatorServiceTest
class IndicatorServiceSmokeIT extends ServiceSmokeIT {
}
