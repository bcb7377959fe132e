package cn.chanjiao.application;

import cn.chanjiao.application.support.ApplicationServiceTest;
import cn.chanjiao.testkit.service.ServiceSmokeIT;

/** application-service boots on real engines and answers as every service must. */
@ApplicationServiceTest
class ApplicationServiceSmokeIT extends ServiceSmokeIT {
}
