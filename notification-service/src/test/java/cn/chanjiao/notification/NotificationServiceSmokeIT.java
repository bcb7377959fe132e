package cn.chanjiao.notification;

import cn.chanjiao.testkit.service.ServiceSmokeIT;

/** notification-service boots on real engines and answers as every service must. */
class NotificationServiceSmokeIT extends ServiceSmokeIT {
}
