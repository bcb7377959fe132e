package cn.chanjiao.notification.config;

import cn.chanjiao.kit.security.ServiceTokens;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.openfeign.EnableFeignClients;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The service's settings, its Feign clients and the client-credentials token they carry. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(NotificationServiceProperties.class)
@EnableFeignClients(basePackages = "cn.chanjiao.notification.client")
class NotificationConfiguration {

    @Bean
    ServiceTokens serviceTokens(NotificationServiceProperties properties) {
        var identity = properties.identity();
        return new ServiceTokens(identity.tokenUrl(), identity.clientId(), identity.clientSecret(),
                identity.connectTimeout(), identity.readTimeout());
    }
}
