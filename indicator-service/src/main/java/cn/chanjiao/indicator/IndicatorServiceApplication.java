package cn.chanjiao.indicator;

import cn.chanjiao.indicator.config.IndicatorServiceProperties;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/** Monitoring-indicator catalogues, yearly collection windows and submitted values. */
@SpringBootApplication
@EnableConfigurationProperties(IndicatorServiceProperties.class)
public class IndicatorServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(IndicatorServiceApplication.class, args);
    }
}
