package cn.chanjiao.identity.support;

import cn.chanjiao.testkit.engine.TestEngines;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

import java.util.HashMap;
import java.util.Map;

/**
 * Points every identity-service test context's Keycloak admin client at the real Keycloak of this
 * test JVM ({@link TestEngines#keycloak()}, started on first use), while tokens for the API still
 * come from the test kit's issuer. Registered in {@code META-INF/spring.factories}, so it is no part
 * of the test-context cache key: the smoke test and the flow tests share one context. A context that
 * sets {@code chanjiao.test.keycloak-admin=custom} (WireMock, or real tokens) brings its own settings.
 */
public class RealKeycloakInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    public static final String OPT_OUT = "chanjiao.test.keycloak-admin";

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        var environment = context.getEnvironment();
        if (!"identity-service".equals(environment.getProperty("spring.application.name"))) {
            return;
        }
        Map<String, Object> properties = new HashMap<>();
        // tests run the sweeper themselves, when they want it
        properties.put("chanjiao.identity.provisioning.sweep-every", "PT1H");
        if (!"custom".equals(environment.getProperty(OPT_OUT))) {
            // the context starts while Keycloak does; the first call to it waits (no call is made at start-up)
            properties.put("chanjiao.identity.keycloak.url", TestEngines.keycloakUrl());
        }
        environment.getPropertySources().addFirst(new MapPropertySource("real-keycloak-admin", properties));
    }
}
