package cn.chanjiao.testkit.spring;

import cn.chanjiao.testkit.engine.DatabaseServer;
import cn.chanjiao.testkit.engine.TestEngines;
import cn.chanjiao.testkit.security.TestJwtIssuer;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Points a Spring test context at the real engines of {@link TestEngines} and the token issuer of
 * {@link TestJwtIssuer}. Each context gets a database of its own, so contexts never see each
 * other's rows.
 */
public class RealEnginesInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static final AtomicInteger CONTEXTS = new AtomicInteger();

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        var environment = context.getEnvironment();
        String application = environment.getProperty("spring.application.name", "service");
        String database = (application.replaceAll("[^a-z0-9]", "_") + "_test_" + CONTEXTS.incrementAndGet()
                + "_" + ProcessHandle.current().pid()).toLowerCase();

        DatabaseServer postgres = TestEngines.postgres();
        postgres.createDatabaseIfMissing(database);
        TestJwtIssuer issuer = TestJwtIssuer.get();

        Map<String, Object> properties = new HashMap<>();
        properties.put("spring.datasource.url", postgres.jdbcUrl(database));
        properties.put("spring.datasource.username", postgres.username());
        properties.put("spring.datasource.password", postgres.password());
        properties.put("spring.kafka.bootstrap-servers", TestEngines.kafka().bootstrapServers());
        properties.put("chanjiao.keycloak.url", issuer.baseUrl());
        properties.put("chanjiao.keycloak.realm", TestJwtIssuer.REALM);
        environment.getPropertySources().addFirst(new MapPropertySource("chanjiao-test-engines", properties));
    }
}
