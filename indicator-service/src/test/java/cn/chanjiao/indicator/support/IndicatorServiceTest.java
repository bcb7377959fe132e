package cn.chanjiao.indicator.support;

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
 * The whole service on a random port, on real PostgreSQL and Kafka, with a settable clock and the
 * window scheduler left to the tests (they call {@code CollectionWindows.tick()}). Every integration
 * test of this module uses exactly this, so they all share one Spring context.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "chanjiao.indicator.windows.initial-delay=PT24H", "chanjiao.service.outbox.resubmit-every=PT2S" })
@ContextConfiguration(initializers = RealEnginesInitializer.class)
@Import({ IndicatorServiceTestConfiguration.class, SqlStatements.class })
public @interface IndicatorServiceTest {
}
