package cn.chanjiao.deploy;

import static cn.chanjiao.deploy.Yamls.at;
import static cn.chanjiao.deploy.Yamls.map;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;

import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/**
 * What the applications themselves say, read from their sources: names, ports, databases and health
 * groups from their application.yml and the service kit's defaults, the gateway's routes and
 * instance lists, and the image each one is built into (root pom's Jib configuration, the
 * module's port and main class). Everything in deploy/ is checked against this.
 */
final class Platform {

    static final List<String> MODULES = List.of("gateway", "identity-service", "application-service",
            "reporting-service", "indicator-service", "notification-service");
    static final String GATEWAY = "gateway";
    static final String LIVENESS = "/actuator/health/liveness";
    static final String READINESS = "/actuator/health/readiness";

    /** One application. {@code database} is null for the gateway. */
    record App(String module, String name, int port, String database, String mainClass, String image) {
        boolean isGateway() {
            return GATEWAY.equals(module);
        }
    }

    /** One entry of the gateway's instance lists: service id, the environment variable that sets it, its default. */
    record GatewayInstances(String serviceId, String variable, String defaultUris) {
    }

    final Path root;
    final String version;
    final String imageUser;
    final List<String> jvmFlags;
    final Map<String, App> apps = new LinkedHashMap<>();
    final Map<String, String> rootProperties = new LinkedHashMap<>();
    final Map<String, Object> serviceDefaults;
    final Map<String, Object> gatewayConfig;
    final List<GatewayInstances> gatewayInstances = new ArrayList<>();
    final List<String> gatewayRouteTargets = new ArrayList<>();

    private Platform(Path root) throws Exception {
        this.root = root;
        Document rootPom = xml(root.resolve("pom.xml"));
        this.version = text(rootPom, "/project/version");
        NodeList properties = (NodeList) XPathFactory.newInstance().newXPath()
                .evaluate("/project/properties/*", rootPom, XPathConstants.NODESET);
        for (int i = 0; i < properties.getLength(); i++) {
            rootProperties.put(properties.item(i).getNodeName(), properties.item(i).getTextContent().trim());
        }
        String jib = "/project/build/pluginManagement/plugins/plugin[artifactId='jib-maven-plugin']/configuration";
        String imagePattern = text(rootPom, jib + "/to/image");
        this.imageUser = text(rootPom, jib + "/container/user");
        // the entrypoint's JVM flags common to every image (java <flags> -jar <name>.jar; the archive's name differs)
        this.jvmFlags = texts(rootPom, jib + "/container/entrypoint/arg").stream()
                .filter(arg -> arg.startsWith("-") && !arg.equals("-jar") && !arg.contains("${")).toList();
        this.serviceDefaults = Yamls.load(root.resolve("libs/service-kit/src/main/resources/META-INF/chanjiao/service-defaults.yml"));
        this.gatewayConfig = Yamls.load(root.resolve("gateway/src/main/resources/application.yml"));

        for (String module : MODULES) {
            Document pom = xml(root.resolve(module).resolve("pom.xml"));
            String artifactId = text(pom, "/project/artifactId");
            String moduleJib = "/project/build/plugins/plugin[artifactId='jib-maven-plugin']/configuration/container";
            String imagePort = text(pom, moduleJib + "/ports/port");
            String mainClass = text(pom, moduleJib + "/mainClass");
            Map<String, Object> config = Yamls.load(root.resolve(module).resolve("src/main/resources/application.yml"));
            String name = Yamls.string(config, "spring.application.name");
            int port = Integer.parseInt(Yamls.string(config, "server.port"));
            if (!artifactId.equals(module) || !artifactId.equals(name)) {
                throw new IllegalStateException(module + ": artifactId " + artifactId + " and spring.application.name "
                        + name + " should both be the module's name");
            }
            if (imagePort == null || Integer.parseInt(imagePort) != port) {
                throw new IllegalStateException(module + "/pom.xml: the image's port " + imagePort
                        + " is not server.port " + port + " of its application.yml");
            }
            String image = imagePattern.replace("${project.artifactId}", artifactId).replace("${project.version}", version);
            apps.put(module, new App(module, name, port, Yamls.string(config, "chanjiao.service.database"), mainClass, image));
        }

        Pattern placeholder = Pattern.compile("\\$\\{([A-Z0-9_]+):([^}]*)}");
        Map<String, Object> instances = map(at(gatewayConfig, "spring.cloud.discovery.client.simple.instances"));
        instances.forEach((serviceId, value) -> {
            Matcher matcher = placeholder.matcher(String.valueOf(value));
            if (!matcher.matches()) {
                throw new IllegalStateException("gateway: instances of " + serviceId + " are not ${VARIABLE:default}: " + value);
            }
            gatewayInstances.add(new GatewayInstances(serviceId, matcher.group(1), matcher.group(2)));
        });
        for (Map<String, Object> route : Yamls.maps(at(gatewayConfig, "spring.cloud.gateway.server.webflux.routes"))) {
            String uri = String.valueOf(route.get("uri"));
            if (!uri.startsWith("lb://")) {
                throw new IllegalStateException("gateway: route " + route.get("id") + " does not go through the load balancer: " + uri);
            }
            gatewayRouteTargets.add(uri.substring("lb://".length()));
        }
    }

    static Platform read() {
        try {
            return new Platform(Path.of(System.getProperty("chanjiao.root", "../..")).toAbsolutePath().normalize());
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the applications' configuration", e);
        }
    }

    App app(String name) {
        App app = apps.get(name);
        if (app == null) {
            throw new IllegalArgumentException("no application " + name);
        }
        return app;
    }

    String rootProperty(String name) {
        return rootProperties.get(name);
    }

    List<App> services() {
        return apps.values().stream().filter(app -> !app.isGateway()).toList();
    }

    Path deploy(String relative) {
        return root.resolve("deploy").resolve(relative);
    }

    String readme() {
        try {
            return Files.readString(deploy("README.md"));
        } catch (Exception e) {
            throw new IllegalStateException("deploy/README.md is missing", e);
        }
    }

    private static Document xml(Path file) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(false);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(file.toFile());
    }

    private static String text(Document document, String path) throws Exception {
        List<String> values = texts(document, path);
        return values.isEmpty() ? null : values.get(0);
    }

    private static List<String> texts(Document document, String path) throws Exception {
        XPath xpath = XPathFactory.newInstance().newXPath();
        // the document is parsed without namespaces, so the poms' default namespace needs no prefix
        NodeList nodes = (NodeList) xpath.evaluate(path, document, XPathConstants.NODESET);
        List<String> values = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            values.add(nodes.item(i).getTextContent().trim());
        }
        return values;
    }
}
