package cn.chanjiao.deploy;

import static cn.chanjiao.deploy.Yamls.at;
import static cn.chanjiao.deploy.Yamls.list;
import static cn.chanjiao.deploy.Yamls.map;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * deploy/compose/docker-compose.yml against the applications: images and versions, health checks on
 * the readiness group and the right port, the configuration every application needs and
 * understands, dependencies, the gateway's instance lists, what is published, the realm import and
 * the databases PostgreSQL creates.
 */
class ComposeFileTest {

    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Z0-9_]+)(:?-([^}]*))?}");
    private static Platform platform;
    private static Path composeFolder;
    private static Map<String, Object> services;

    @BeforeAll
    static void read() {
        platform = Platform.read();
        composeFolder = platform.deploy("compose");
        Map<String, Object> compose = Yamls.load(composeFolder.resolve("docker-compose.yml"));
        services = map(compose.get("services"));
    }

    /** A value with ${NAME:-default} replaced by its default, as compose does when NAME is not set. */
    private static String defaults(Object value) {
        Matcher matcher = VARIABLE.matcher(String.valueOf(value));
        StringBuilder result = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(result, Matcher.quoteReplacement(matcher.group(3) == null ? "" : matcher.group(3)));
        }
        return matcher.appendTail(result).toString();
    }

    private static Map<String, Object> service(String name) {
        return map(services.get(name));
    }

    private static Map<String, String> environment(String service) {
        Map<String, String> environment = new LinkedHashMap<>();
        Object declared = service(service).get("environment");
        if (declared instanceof List<?> entries) {
            for (Object entry : entries) {
                String[] parts = String.valueOf(entry).split("=", 2);
                environment.put(parts[0], parts.length > 1 ? defaults(parts[1]) : null);
            }
        } else {
            map(declared).forEach((key, value) -> environment.put(key, value == null ? null : defaults(value)));
        }
        return environment;
    }

    private static List<String> healthcheck(String service) {
        List<String> test = new ArrayList<>();
        list(at(service(service), "healthcheck.test")).forEach(item -> test.add(String.valueOf(item)));
        return test;
    }

    private static Set<String> dependsOnHealthy(String service) {
        Set<String> healthy = new TreeSet<>();
        map(service(service).get("depends_on")).forEach((name, condition) -> {
            if ("service_healthy".equals(at(condition, "condition"))) {
                healthy.add(name);
            }
        });
        return healthy;
    }

    @Test
    void everyApplicationRunsItsImageWithItsConfiguration() {
        Problems problems = new Problems("docker-compose.yml");
        for (Platform.App app : platform.apps.values()) {
            if (!problems.check(services.containsKey(app.name()), "no service " + app.name())) {
                continue;
            }
            String where = "service " + app.name();
            String image = String.valueOf(service(app.name()).get("image"));
            problems.check(defaults(image).equals(app.image()), where + ": image " + image + " is " + defaults(image)
                    + " by default, the build produces " + app.image());

            List<String> test = healthcheck(app.name());
            String url = "http://127.0.0.1:" + app.port() + Platform.READINESS;
            problems.check(test.size() > 2 && test.get(0).equals("CMD") && test.get(1).equals("java")
                    && test.contains("HealthCheck") && test.contains("/opt/chanjiao") && test.get(test.size() - 1).equals(url),
                    where + ": the health check must run the image's HealthCheck class on " + url + ", is " + test);

            Map<String, String> environment = environment(app.name());
            Set<String> understood = EnvironmentVariables.understoodBy(platform, app);
            for (String variable : environment.keySet()) {
                problems.check(understood.contains(variable), where + ": " + variable + " is no property " + app.name() + " reads");
            }
            String keycloak = environment.get("CHANJIAO_KEYCLOAK_URL");
            problems.check(keycloak != null && URI.create(keycloak).getHost().equals("keycloak") && URI.create(keycloak).getPort() == 8080,
                    where + ": CHANJIAO_KEYCLOAK_URL must be http://keycloak:8080, is " + keycloak);
            String kcHostname = environment("keycloak").get("KC_HOSTNAME");
            String realm = environment.getOrDefault("CHANJIAO_KEYCLOAK_REALM", "chanjiao");
            problems.check((kcHostname + "/realms/" + realm).equals(environment.get("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI")),
                    where + ": the issuer must be Keycloak's KC_HOSTNAME + /realms/" + realm + " (" + kcHostname + ")");
            problems.check(Quantities.mebibytes(String.valueOf(service(app.name()).get("mem_limit")).toUpperCase(Locale.ROOT)
                    .replace("M", "Mi").replace("G", "Gi")) >= 512, where + ": mem_limit below 512m (the heap is half of it)");

            Set<String> healthy = dependsOnHealthy(app.name());
            if (app.isGateway()) {
                problems.check(healthy.contains("keycloak"), where + ": must wait for keycloak to be healthy");
                problems.check(!environment.containsKey("CHANJIAO_POSTGRES_PASSWORD"), where + ": the gateway needs no database password");
            } else {
                problems.check(healthy.containsAll(Set.of("postgres", "kafka", "keycloak")),
                        where + ": must wait for postgres, kafka and keycloak to be healthy, waits for " + healthy);
                problems.check("postgres".equals(environment.get("CHANJIAO_POSTGRES_HOST"))
                        && "5432".equals(environment.get("CHANJIAO_POSTGRES_PORT")),
                        where + ": CHANJIAO_POSTGRES_HOST/PORT must be postgres / 5432");
                problems.check(environment.get("CHANJIAO_POSTGRES_PASSWORD") != null
                        && environment.get("CHANJIAO_POSTGRES_PASSWORD").equals(environment("postgres").get("POSTGRES_PASSWORD")),
                        where + ": CHANJIAO_POSTGRES_PASSWORD must be the postgres service's POSTGRES_PASSWORD");
                String bootstrap = environment.get("CHANJIAO_KAFKA_BOOTSTRAP_SERVERS");
                problems.check(bootstrap != null && environment("kafka").get("KAFKA_ADVERTISED_LISTENERS").contains("//" + bootstrap),
                        where + ": CHANJIAO_KAFKA_BOOTSTRAP_SERVERS " + bootstrap + " is not a listener Kafka advertises");
                problems.check(service(app.name()).get("ports") == null, where + ": publishes ports; only the gateway may");
            }
        }
        problems.assertNone();
    }

    @Test
    void theGatewayReachesEveryServiceItRoutesTo() {
        Problems problems = new Problems("docker-compose.yml, gateway");
        Map<String, String> environment = environment(Platform.GATEWAY);
        Set<String> healthy = dependsOnHealthy(Platform.GATEWAY);
        for (Platform.GatewayInstances instances : platform.gatewayInstances) {
            Platform.App target = platform.app(instances.serviceId());
            String uris = environment.get(instances.variable());
            if (!problems.check(uris != null, instances.variable() + " is not set")) {
                continue;
            }
            for (String uri : uris.split(",")) {
                URI parsed = URI.create(uri.trim());
                problems.check(parsed.getHost().equals(target.name()) && services.containsKey(parsed.getHost()),
                        instances.variable() + ": " + uri + " is not the service " + target.name());
                problems.check(parsed.getPort() == target.port(), instances.variable() + ": " + uri + ", " + target.name() + " listens on " + target.port());
            }
            problems.check(healthy.contains(target.name()), "the gateway does not wait for " + target.name() + " to be healthy");
        }
        for (String routeTarget : platform.gatewayRouteTargets) {
            problems.check(services.containsKey(routeTarget), "the gateway routes to " + routeTarget + ", which is no compose service");
        }
        List<Object> ports = list(service(Platform.GATEWAY).get("ports"));
        problems.check(ports.size() == 1 && defaults(ports.get(0)).endsWith(":" + platform.app(Platform.GATEWAY).port()),
                "the gateway must publish its port " + platform.app(Platform.GATEWAY).port() + ": " + ports);
        problems.assertNone();
    }

    @Test
    void keycloakImportsTheRealmAndPostgresCreatesEveryDatabase() throws Exception {
        Problems problems = new Problems("docker-compose.yml, engines");
        Map<String, Object> keycloak = service("keycloak");
        String keycloakVersion = platform.rootProperty("keycloak.version");
        problems.check(("quay.io/keycloak/keycloak:" + keycloakVersion).equals(keycloak.get("image")),
                "keycloak: image " + keycloak.get("image") + ", the platform runs Keycloak " + keycloakVersion + " (root pom keycloak.version)");
        problems.check(list(keycloak.get("command")).contains("--import-realm"), "keycloak: --import-realm is missing");
        boolean realmMounted = false;
        for (Object volume : list(keycloak.get("volumes"))) {
            String[] parts = String.valueOf(volume).split(":");
            if (parts.length >= 2 && parts[1].startsWith("/opt/keycloak/data/import/")) {
                Path source = composeFolder.resolve(parts[0]).normalize();
                realmMounted = source.equals(platform.deploy("keycloak/realm.json").normalize()) && Files.isRegularFile(source);
            }
        }
        problems.check(realmMounted, "keycloak: deploy/keycloak/realm.json is not mounted into /opt/keycloak/data/import/");
        problems.check(dependsOnHealthy("keycloak").contains("postgres"), "keycloak must wait for postgres");
        Map<String, String> kc = environment("keycloak");
        String kcDatabase = kc.get("KC_DB_URL").replaceAll(".*/", "");
        problems.check(kc.get("KC_DB_URL").startsWith("jdbc:postgresql://postgres:5432/"), "keycloak: KC_DB_URL must point at postgres:5432");
        problems.check(!list(keycloak.get("ports")).isEmpty(), "keycloak must be published: browsers log in there");

        Set<String> created = new TreeSet<>();
        for (Object volume : list(service("postgres").get("volumes"))) {
            String[] parts = String.valueOf(volume).split(":");
            if (parts.length >= 2 && parts[1].startsWith("/docker-entrypoint-initdb.d/")) {
                Matcher matcher = Pattern.compile("(?i)CREATE DATABASE\\s+\"?([a-z_]+)\"?")
                        .matcher(Files.readString(composeFolder.resolve(parts[0])));
                while (matcher.find()) {
                    created.add(matcher.group(1));
                }
            }
        }
        Set<String> needed = new TreeSet<>(Set.of(kcDatabase));
        platform.services().forEach(app -> needed.add(app.database()));
        problems.check(created.equals(needed), "postgres creates databases " + created + ", the platform needs " + needed);
        for (String engine : List.of("postgres", "kafka")) {
            for (Object port : list(service(engine).get("ports"))) {
                problems.check(String.valueOf(port).startsWith("127.0.0.1:"), engine + " must be published on 127.0.0.1 only: " + port);
            }
            problems.check(service(engine).get("healthcheck") != null, engine + " has no health check");
        }
        problems.check(keycloak.get("healthcheck") != null, "keycloak has no health check");
        problems.assertNone();
    }
}
