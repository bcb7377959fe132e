package cn.chanjiao.application;

import cn.chanjiao.application.config.ApplicationServiceProperties;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.openfeign.EnableFeignClients;

/** Programmes (calls), application forms, review, public notice and approval. */
@SpringBootApplication
@EnableFeignClients
@EnableConfigurationProperties(ApplicationServiceProperties.class)
public class ApplicationServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(ApplicationServiceApplication.class, args);
    }
}
