package cn.chanjiao.notification.webhook;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.net.InetAddress;
import java.util.List;

@Configuration(proxyBeanMethods = false)
class WebhookConfiguration {

    /** The system resolver. */
    @Bean
    HostResolver hostResolver() {
        return host -> List.of(InetAddress.getAllByName(host));
    }
}
