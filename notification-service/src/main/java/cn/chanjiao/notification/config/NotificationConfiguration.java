package cn.chanjiao.notification.config;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.openfeign.EnableFeignClients;
import org.springframework.context.annotation.Configuration;

/** The service's settings and its Feign clients. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(NotificationServiceProperties.class)
@EnableFeignClients(basePackages = "cn.chanjiao.notification.client")
class NotificationConfiguration {
}
