package cn.chanjiao.identity.config;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds {@link IdentityServiceProperties}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IdentityServiceProperties.class)
class IdentityConfiguration {
}
