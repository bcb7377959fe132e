package cn.chanjiao.reporting.support;

import cn.chanjiao.testkit.spring.RealEnginesInitializer;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The whole service on a random port, on real PostgreSQL and Kafka, with a settable clock. Every
 * integration test of this module uses exactly this, so they all share one Spring context.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = { RealEnginesInitializer.class, ReportingServiceTestConfiguration.Initializer.class })
@Import(ReportingServiceTestConfiguration.class)
public @interface ReportingServiceTest {
}
