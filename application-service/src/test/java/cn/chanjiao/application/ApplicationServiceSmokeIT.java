package cn.chanjiao.application;

import cn.chanjiao.testkit.service.ServiceSmokeIT;

/** application-service boots on real engines and answers as every service must. */
class ApplicationServiceSmokeIT extends ServiceSmokeIT {
}
