package cn.chanjiao.testkit.spring;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A whole service on a random port, on real PostgreSQL and Kafka (see {@link RealEnginesInitializer})
 * and validating tokens minted by {@link cn.chanjiao.testkit.security.TestJwtIssuer}.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = RealEnginesInitializer.class)
public @interface ServiceIntegrationTest {
}
