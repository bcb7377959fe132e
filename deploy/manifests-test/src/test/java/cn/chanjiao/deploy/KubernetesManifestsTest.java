package cn.chanjiao.deploy;

import static cn.chanjiao.deploy.Kustomize.byName;
import static cn.chanjiao.deploy.Kustomize.id;
import static cn.chanjiao.deploy.Kustomize.kind;
import static cn.chanjiao.deploy.Kustomize.name;
import static cn.chanjiao.deploy.Yamls.at;
import static cn.chanjiao.deploy.Yamls.list;
import static cn.chanjiao.deploy.Yamls.map;
import static cn.chanjiao.deploy.Yamls.maps;
import static cn.chanjiao.deploy.Yamls.string;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * deploy/k8s, rendered like {@code kubectl kustomize} (base and every overlay), checked against what
 * the applications declare (see {@link Platform}): images, ports, probe paths, configuration they
 * understand, the services the gateway routes to, and the platform's rules — only the gateway is
 * reachable from outside, every workload has requests, limits, probes and a disruption budget,
 * indicator-service scales on CPU and is raised for the 1 Nov – 15 Dec collection window.
 */
class KubernetesManifestsTest {

    private static final String NAME_LABEL = "app.kubernetes.io/name";
    private static final Set<String> IMPLICIT_SECRETS_OK = Set.of();
    private static Platform platform;

    @BeforeAll
    static void readApplications() {
        platform = Platform.read();
    }

    private static List<Map<String, Object>> render(String kustomization) {
        return Kustomize.build(platform.deploy("k8s").resolve(kustomization));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"base", "overlays/dev", "overlays/prod", "overlays/prod-keda"})
    void everyApplicationHasADeploymentMatchingItsConfiguration(String kustomization) {
        List<Map<String, Object>> resources = render(kustomization);
        Problems problems = new Problems(kustomization);
        Map<String, Map<String, Object>> deployments = byName(resources, "Deployment");
        int imageUid = Integer.parseInt(platform.imageUser.split(":")[0]);

        for (Platform.App app : platform.apps.values()) {
            Map<String, Object> deployment = deployments.get(app.name());
            if (!problems.check(deployment != null, "no Deployment " + app.name())) {
                continue;
            }
            String where = "Deployment " + app.name();
            Map<String, Object> podLabels = map(at(deployment, "spec.template.metadata.labels"));
            Map<String, Object> selector = map(at(deployment, "spec.selector.matchLabels"));
            problems.check(!selector.isEmpty() && podLabels.entrySet().containsAll(selector.entrySet()),
                    where + ": selector " + selector + " does not match the pod labels " + podLabels);
            problems.check(app.name().equals(podLabels.get(NAME_LABEL)), where + ": pods must be labelled " + NAME_LABEL + "=" + app.name());

            Map<String, Object> pod = Kustomize.podSpec(deployment);
            Map<String, Object> container = maps(pod.get("containers")).stream()
                    .filter(c -> app.name().equals(c.get("name"))).findFirst().orElse(null);
            if (!problems.check(container != null, where + ": no container named " + app.name())) {
                continue;
            }

            // image: the one the build produces (the base), or the same repository in a registry with any tag (overlays)
            String image = String.valueOf(container.get("image"));
            if (kustomization.equals("base")) {
                problems.check(image.equals(app.image()), where + ": image " + image + ", the build produces " + app.image());
            } else {
                String repository = app.image().substring(0, app.image().lastIndexOf(':'));
                problems.check(image.matches("(.+/)?" + Pattern.quote(repository) + ":[\\w][\\w.-]*"),
                        where + ": image " + image + " is not " + repository + ":<tag> (optionally in a registry)");
            }

            // the port the application listens on (server.port), named for the probes and the Service
            Integer http = maps(container.get("ports")).stream().filter(p -> "http".equals(p.get("name")))
                    .map(p -> (Integer) p.get("containerPort")).findFirst().orElse(null);
            problems.check(Objects.equals(http, app.port()), where + ": container port 'http' is " + http
                    + ", the application listens on " + app.port() + " (server.port)");

            // probes on the actuator health groups the application enables
            probe(problems, where, container, "startupProbe", Platform.LIVENESS, app);
            probe(problems, where, container, "livenessProbe", Platform.LIVENESS, app);
            probe(problems, where, container, "readinessProbe", Platform.READINESS, app);

            // resources: requests and limits, memory enough for the JVM the image sizes from the limit
            Map<String, Object> requests = map(at(container, "resources.requests"));
            Map<String, Object> limits = map(at(container, "resources.limits"));
            if (problems.check(requests.containsKey("cpu") && requests.containsKey("memory") && limits.containsKey("memory")
                    && limits.containsKey("cpu"), where + ": needs cpu and memory requests and limits, has " + container.get("resources"))) {
                problems.check(Quantities.bytes(requests.get("memory")) <= Quantities.bytes(limits.get("memory")),
                        where + ": memory request above the limit");
                problems.check(Quantities.millicores(requests.get("cpu")) <= Quantities.millicores(limits.get("cpu")),
                        where + ": cpu request above the limit");
                problems.check(Quantities.mebibytes(limits.get("memory")) >= 512,
                        where + ": memory limit " + limits.get("memory") + " is below 512Mi (heap is half of it)");
            }

            // non-root, as the image's user
            Map<String, Object> podSecurity = map(pod.get("securityContext"));
            problems.check(Boolean.TRUE.equals(podSecurity.get("runAsNonRoot")), where + ": runAsNonRoot must be true");
            problems.check(Objects.equals(podSecurity.get("runAsUser"), imageUid),
                    where + ": runAsUser " + podSecurity.get("runAsUser") + ", the image's user is " + platform.imageUser);
            problems.check(Boolean.FALSE.equals(at(container, "securityContext.allowPrivilegeEscalation")),
                    where + ": allowPrivilegeEscalation must be false");
            if (Boolean.TRUE.equals(at(container, "securityContext.readOnlyRootFilesystem"))) {
                problems.check(maps(container.get("volumeMounts")).stream().anyMatch(m -> "/tmp".equals(m.get("mountPath"))),
                        where + ": a read-only root file system needs a volume on /tmp (java.io.tmpdir)");
            }

            // configuration: the engines reach every service, every variable is one the application understands
            Map<String, String> environment = environment(resources, container, problems, where);
            Set<String> understood = EnvironmentVariables.understoodBy(platform, app);
            for (String variable : environment.keySet()) {
                problems.check(understood.contains(variable), where + ": " + variable
                        + " is no property " + app.name() + " reads (Spring would ignore it)");
            }
            problems.check(!environment.containsKey("SERVER_PORT"), where + ": SERVER_PORT must not be set: port " + app.port() + " is the image's");
            List<String> required = new ArrayList<>(List.of("CHANJIAO_KEYCLOAK_URL"));
            if (app.isGateway()) {
                platform.gatewayInstances.forEach(instances -> required.add(instances.variable()));
            } else {
                required.addAll(List.of("CHANJIAO_POSTGRES_HOST", "CHANJIAO_POSTGRES_PORT", "CHANJIAO_POSTGRES_USERNAME",
                        "CHANJIAO_POSTGRES_PASSWORD", "CHANJIAO_KAFKA_BOOTSTRAP_SERVERS"));
            }
            for (String variable : required) {
                problems.check(environment.containsKey(variable), where + ": " + variable + " is not set");
            }
        }
        problems.check(deployments.keySet().stream().allMatch(name -> platform.apps.containsKey(name) || name.equals("keycloak")),
                "Deployments of unknown applications: " + deployments.keySet());
        problems.assertNone();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"base", "overlays/dev", "overlays/prod", "overlays/prod-keda"})
    void everyServiceTheGatewayRoutesToExists(String kustomization) {
        List<Map<String, Object>> resources = render(kustomization);
        Problems problems = new Problems(kustomization);
        Map<String, Map<String, Object>> services = byName(resources, "Service");
        Map<String, Map<String, Object>> deployments = byName(resources, "Deployment");

        for (Platform.App app : platform.apps.values()) {
            Map<String, Object> service = services.get(app.name());
            if (!problems.check(service != null, "no Service " + app.name())) {
                continue;
            }
            Map<String, Object> selector = map(at(service, "spec.selector"));
            Map<String, Object> deployment = deployments.get(app.name());
            if (deployment != null) {
                Map<String, Object> podLabels = map(at(deployment, "spec.template.metadata.labels"));
                problems.check(!selector.isEmpty() && podLabels.entrySet().containsAll(selector.entrySet()),
                        "Service " + app.name() + ": selector " + selector + " selects no pod of Deployment " + app.name());
            }
            List<Map<String, Object>> ports = maps(at(service, "spec.ports"));
            problems.check(ports.size() == 1 && Objects.equals(ports.get(0).get("port"), app.port())
                    && List.of("http", app.port()).contains(ports.get(0).get("targetPort")),
                    "Service " + app.name() + ": must expose port " + app.port() + " to the container's 'http', has " + ports);
        }

        // the gateway's instance lists: each service id, the variable the manifests set, a URI per Service
        Map<String, Object> gateway = deployments.get(Platform.GATEWAY);
        if (gateway != null) {
            Map<String, Object> container = maps(at(gateway, "spec.template.spec.containers")).get(0);
            Map<String, String> environment = environment(resources, container, problems, "Deployment gateway");
            for (Platform.GatewayInstances instances : platform.gatewayInstances) {
                Platform.App target = platform.apps.get(instances.serviceId());
                if (!problems.check(target != null, "the gateway lists instances of " + instances.serviceId() + ", no such application")) {
                    continue;
                }
                String uris = environment.get(instances.variable());
                if (!problems.check(uris != null, "gateway: " + instances.variable() + " (instances of " + instances.serviceId() + ") is not set")) {
                    continue;
                }
                for (String uri : uris.split(",")) {
                    URI parsed = URI.create(uri.trim());
                    String host = parsed.getHost().split("\\.")[0];
                    Map<String, Object> service = services.get(host);
                    problems.check(service != null && host.equals(target.name()),
                            "gateway: " + instances.variable() + " points at " + uri + ", not at Service " + target.name());
                    problems.check(parsed.getPort() == target.port(),
                            "gateway: " + instances.variable() + " uses port " + parsed.getPort() + ", " + target.name() + " listens on " + target.port());
                }
            }
        }
        for (String routeTarget : platform.gatewayRouteTargets) {
            problems.check(platform.gatewayInstances.stream().anyMatch(i -> i.serviceId().equals(routeTarget)),
                    "the gateway routes to lb://" + routeTarget + " but lists no instances of it");
            problems.check(deployments.containsKey(routeTarget) && services.containsKey(routeTarget),
                    "the gateway routes to " + routeTarget + ": no Deployment and Service of that name");
        }
        problems.assertNone();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"base", "overlays/dev", "overlays/prod", "overlays/prod-keda"})
    void onlyTheGatewayIsReachableFromOutside(String kustomization) {
        List<Map<String, Object>> resources = render(kustomization);
        Problems problems = new Problems(kustomization);
        Map<String, Map<String, Object>> deployments = byName(resources, "Deployment");

        // Services: cluster-internal only
        for (Map<String, Object> service : byName(resources, "Service").values()) {
            Object type = at(service, "spec.type");
            problems.check(type == null || "ClusterIP".equals(type), "Service " + name(service) + " is of type " + type + ": only ClusterIP");
        }

        // Ingresses: the platform's only backend is the gateway (Keycloak may have its own, for browsers)
        boolean gatewayIngress = false;
        for (Map<String, Object> ingress : byName(resources, "Ingress").values()) {
            List<Map<String, Object>> backends = new ArrayList<>();
            if (at(ingress, "spec.defaultBackend") != null) {
                backends.add(map(at(ingress, "spec.defaultBackend")));
            }
            for (Map<String, Object> rule : maps(at(ingress, "spec.rules"))) {
                for (Map<String, Object> path : maps(at(rule, "http.paths"))) {
                    backends.add(map(path.get("backend")));
                }
            }
            for (Map<String, Object> backend : backends) {
                String serviceName = string(backend, "service.name");
                Platform.App app = platform.apps.get(serviceName);
                if (app != null) {
                    problems.check(app.isGateway(), "Ingress " + name(ingress) + " exposes " + serviceName + ": only the gateway may be");
                    Object port = at(backend, "service.port.name") != null ? at(backend, "service.port.name") : at(backend, "service.port.number");
                    problems.check(List.of("http", app.port()).contains(port), "Ingress " + name(ingress) + ": gateway port " + port);
                    gatewayIngress |= app.isGateway();
                } else {
                    problems.check("keycloak".equals(serviceName), "Ingress " + name(ingress) + " exposes unknown Service " + serviceName);
                }
            }
        }
        problems.check(gatewayIngress, "no Ingress for the gateway");

        // NetworkPolicies: deny by default, the gateway from the ingress controller, services from the platform's pods only
        List<Map<String, Object>> policies = new ArrayList<>(byName(resources, "NetworkPolicy").values());
        problems.check(policies.stream().anyMatch(p -> map(at(p, "spec.podSelector")).isEmpty()
                && list(at(p, "spec.policyTypes")).contains("Ingress") && list(at(p, "spec.ingress")).isEmpty()),
                "no default-deny NetworkPolicy (podSelector {}, policyTypes [Ingress], no ingress rules)");
        Map<String, Object> gatewayLabels = deployments.containsKey(Platform.GATEWAY)
                ? map(at(deployments.get(Platform.GATEWAY), "spec.template.metadata.labels")) : Map.of();
        for (Platform.App app : platform.apps.values()) {
            Map<String, Object> deployment = deployments.get(app.name());
            if (deployment == null) {
                continue;
            }
            Map<String, Object> labels = map(at(deployment, "spec.template.metadata.labels"));
            boolean fromOutside = false;
            boolean fromGateway = false;
            for (Map<String, Object> policy : policies) {
                if (!selects(map(at(policy, "spec.podSelector")), labels)) {
                    continue;
                }
                for (Map<String, Object> rule : maps(at(policy, "spec.ingress"))) {
                    boolean onPort = maps(rule.get("ports")).isEmpty() || maps(rule.get("ports")).stream()
                            .anyMatch(p -> List.of("http", app.port()).contains(p.get("port")));
                    List<Map<String, Object>> peers = maps(rule.get("from"));
                    if (peers.isEmpty()) {
                        fromOutside = true; // no "from": everyone
                    }
                    for (Map<String, Object> peer : peers) {
                        if (peer.containsKey("namespaceSelector") || peer.containsKey("ipBlock")) {
                            fromOutside = true;
                        } else if (onPort && selects(map(peer.get("podSelector")), gatewayLabels)) {
                            fromGateway = true;
                        }
                    }
                }
            }
            if (app.isGateway()) {
                problems.check(fromOutside, "no NetworkPolicy lets the ingress controller reach the gateway");
            } else {
                problems.check(!fromOutside, app.name() + " accepts connections from outside the namespace: only the gateway may");
                problems.check(fromGateway, "no NetworkPolicy lets the gateway reach " + app.name() + " on port " + app.port());
            }
        }
        problems.assertNone();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"base", "overlays/dev", "overlays/prod", "overlays/prod-keda"})
    void everyWorkloadHasADisruptionBudget(String kustomization) {
        List<Map<String, Object>> resources = render(kustomization);
        Problems problems = new Problems(kustomization);
        List<Map<String, Object>> budgets = new ArrayList<>(byName(resources, "PodDisruptionBudget").values());
        for (Map<String, Object> deployment : byName(resources, "Deployment").values()) {
            Map<String, Object> labels = map(at(deployment, "spec.template.metadata.labels"));
            List<Map<String, Object>> matching = budgets.stream()
                    .filter(b -> selects(map(at(b, "spec.selector.matchLabels")), labels)).toList();
            if (!problems.check(matching.size() == 1, id(deployment) + " is covered by " + matching.size() + " PodDisruptionBudgets, needs one")) {
                continue;
            }
            Object minAvailable = at(matching.get(0), "spec.minAvailable");
            Object replicas = at(deployment, "spec.replicas");
            problems.check(!(minAvailable instanceof Integer min && replicas instanceof Integer count && min >= count),
                    id(deployment) + ": minAvailable " + minAvailable + " with " + replicas + " replicas blocks every node drain");
        }
        problems.assertNone();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"base", "overlays/dev", "overlays/prod", "overlays/prod-keda"})
    void indicatorServiceScalesOnCpuAndIsRaisedForTheCollectionWindow(String kustomization) {
        List<Map<String, Object>> resources = render(kustomization);
        Problems problems = new Problems(kustomization);
        Map<String, Map<String, Object>> deployments = byName(resources, "Deployment");
        Map<String, Map<String, Object>> autoscalers = byName(resources, "HorizontalPodAutoscaler");
        Map<String, Map<String, Object>> scaledObjects = byName(resources, "ScaledObject");
        Map<String, Map<String, Object>> cronJobs = byName(resources, "CronJob");
        String indicator = "indicator-service";

        for (Map<String, Object> autoscaler : autoscalers.values()) {
            String target = string(autoscaler, "spec.scaleTargetRef.name");
            Map<String, Object> deployment = deployments.get(target);
            if (problems.check(deployment != null && "Deployment".equals(string(autoscaler, "spec.scaleTargetRef.kind")),
                    id(autoscaler) + " scales " + target + ", which is no Deployment")) {
                problems.check(at(deployment, "spec.replicas") == null,
                        "Deployment " + target + " sets replicas although " + id(autoscaler) + " owns the count (every apply would reset it)");
            }
        }
        problems.check(scaledObjects.isEmpty() != autoscalers.values().stream()
                .noneMatch(a -> indicator.equals(string(a, "spec.scaleTargetRef.name"))),
                "indicator-service needs exactly one of: a HorizontalPodAutoscaler (with the window CronJobs) or a KEDA ScaledObject");

        if (scaledObjects.isEmpty()) {
            Map<String, Object> hpa = autoscalers.values().stream()
                    .filter(a -> indicator.equals(string(a, "spec.scaleTargetRef.name"))).findFirst().orElse(null);
            if (!problems.check(hpa != null, "no HorizontalPodAutoscaler for indicator-service")) {
                problems.assertNone();
                return;
            }
            int min = (Integer) at(hpa, "spec.minReplicas");
            int max = (Integer) at(hpa, "spec.maxReplicas");
            problems.check(min >= 1 && min <= max, "HPA indicator-service: minReplicas " + min + ", maxReplicas " + max);
            problems.check(maps(at(hpa, "spec.metrics")).stream().anyMatch(m -> "Resource".equals(m.get("type"))
                    && "cpu".equals(at(m, "resource.name")) && "Utilization".equals(at(m, "resource.target.type"))),
                    "HPA indicator-service does not scale on CPU utilization");

            Map<String, Integer> windowMinimum = new LinkedHashMap<>();
            for (Map<String, Object> cronJob : cronJobs.values()) {
                Map<String, Object> container = maps(at(Kustomize.podSpec(cronJob), "containers")).get(0);
                List<String> command = new ArrayList<>();
                list(container.get("command")).forEach(c -> command.add(String.valueOf(c)));
                list(container.get("args")).forEach(a -> command.add(String.valueOf(a)));
                Matcher patch = Pattern.compile("\\{\"spec\":\\{\"minReplicas\":(\\d+)}}").matcher(String.join(" ", command));
                if (!command.contains("patch") || !patch.find()) {
                    continue;
                }
                problems.check(command.contains(name(hpa)) && (command.contains("horizontalpodautoscaler") || command.contains("hpa")),
                        id(cronJob) + " patches something else than HPA " + name(hpa) + ": " + command);
                problems.check("Asia/Shanghai".equals(at(cronJob, "spec.timeZone")), id(cronJob) + ": timeZone must be Asia/Shanghai");
                windowMinimum.put(String.valueOf(at(cronJob, "spec.schedule")), Integer.valueOf(patch.group(1)));
                serviceAccountMayPatch(resources, cronJob, name(hpa), problems);
            }
            Integer open = windowMinimum.get("0 0 1 11 *");
            Integer close = windowMinimum.get("0 0 16 12 *");
            if (problems.check(open != null && close != null,
                    "no CronJobs raising the HPA's minReplicas at \"0 0 1 11 *\" and restoring it at \"0 0 16 12 *\": " + windowMinimum)) {
                problems.check(close == min, "the window's close job sets minReplicas " + close + ", the HPA's own is " + min);
                problems.check(open > min && open <= max, "the window's open job sets minReplicas " + open
                        + ": must be above the HPA's minReplicas " + min + " and at most its maxReplicas " + max);
            }
        } else {
            Map<String, Object> scaled = scaledObjects.get(indicator);
            if (!problems.check(scaled != null && indicator.equals(string(scaled, "spec.scaleTargetRef.name")),
                    "the ScaledObject must be named and target indicator-service")) {
                problems.assertNone();
                return;
            }
            problems.check(at(deployments.get(indicator), "spec.replicas") == null,
                    "Deployment indicator-service sets replicas although KEDA owns the count");
            int min = (Integer) at(scaled, "spec.minReplicaCount");
            int max = (Integer) at(scaled, "spec.maxReplicaCount");
            List<Map<String, Object>> triggers = maps(at(scaled, "spec.triggers"));
            problems.check(triggers.stream().anyMatch(t -> "cpu".equals(t.get("type"))), "ScaledObject: no cpu trigger");
            Map<String, Object> cron = triggers.stream().filter(t -> "cron".equals(t.get("type"))).map(t -> map(t.get("metadata")))
                    .findFirst().orElse(null);
            if (problems.check(cron != null, "ScaledObject: no cron trigger for the collection window")) {
                problems.check("0 0 1 11 *".equals(cron.get("start")) && "0 0 16 12 *".equals(cron.get("end"))
                        && "Asia/Shanghai".equals(cron.get("timezone")),
                        "ScaledObject: the window must be start \"0 0 1 11 *\", end \"0 0 16 12 *\", timezone Asia/Shanghai: " + cron);
                int desired = Integer.parseInt(String.valueOf(cron.get("desiredReplicas")));
                problems.check(desired > min && desired <= max, "ScaledObject: desiredReplicas " + desired
                        + " must be above minReplicaCount " + min + " and at most maxReplicaCount " + max);
            }
            problems.check(cronJobs.isEmpty(), "with KEDA the window CronJobs must go: " + cronJobs.keySet());
        }
        problems.assertNone();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"overlays/dev", "overlays/prod", "overlays/prod-keda"})
    void overlaysPutEverythingInOneNamespaceAndNameTheSecretsTheyNeed(String kustomization) {
        List<Map<String, Object>> resources = render(kustomization);
        Problems problems = new Problems(kustomization);
        Set<String> namespaces = new java.util.TreeSet<>();
        for (Map<String, Object> resource : resources) {
            if (!"Namespace".equals(kind(resource))) {
                namespaces.add(String.valueOf(string(resource, "metadata.namespace")));
            }
        }
        problems.check(namespaces.size() == 1 && !namespaces.contains("null"), "resources in namespaces " + namespaces);

        // Secrets the overlay does not create must be documented for the operator
        String readme = platform.readme();
        Map<String, Map<String, Object>> secrets = byName(resources, "Secret");
        for (String secret : secretReferences(resources)) {
            problems.check(secrets.containsKey(secret) || readme.contains(secret),
                    "Secret " + secret + " is neither in the overlay nor described in deploy/README.md");
        }
        problems.assertNone();
    }

    // --- helpers ---------------------------------------------------------------------------------

    private static void probe(Problems problems, String where, Map<String, Object> container, String probe, String path, Platform.App app) {
        Map<String, Object> httpGet = map(at(container, probe + ".httpGet"));
        if (!problems.check(!httpGet.isEmpty(), where + ": no " + probe + " (httpGet)")) {
            return;
        }
        problems.check(path.equals(httpGet.get("path")), where + ": " + probe + " checks " + httpGet.get("path") + ", should be " + path);
        problems.check(List.of("http", app.port()).contains(httpGet.get("port")),
                where + ": " + probe + " on port " + httpGet.get("port") + ", the application listens on " + app.port());
        // the actuator publishes the groups only with probes enabled
        Map<String, Object> config = app.isGateway() ? platform.gatewayConfig : platform.serviceDefaults;
        problems.check(Boolean.TRUE.equals(at(config, "management.endpoint.health.probes.enabled")),
                app.name() + ": management.endpoint.health.probes.enabled is not true, " + path + " would not exist");
    }

    /** The container's environment: envFrom ConfigMaps (which must exist) and env entries (whose references must resolve). */
    private static Map<String, String> environment(List<Map<String, Object>> resources, Map<String, Object> container,
            Problems problems, String where) {
        Map<String, Map<String, Object>> configMaps = byName(resources, "ConfigMap");
        Map<String, Map<String, Object>> secrets = byName(resources, "Secret");
        Map<String, String> environment = new LinkedHashMap<>();
        for (Map<String, Object> source : maps(container.get("envFrom"))) {
            String configMap = string(source, "configMapRef.name");
            if (configMap != null) {
                Map<String, Object> found = configMaps.get(configMap);
                if (problems.check(found != null || Boolean.TRUE.equals(at(source, "configMapRef.optional")),
                        where + ": envFrom ConfigMap " + configMap + " does not exist") && found != null) {
                    map(found.get("data")).forEach((key, value) -> environment.put(key, String.valueOf(value)));
                }
            } else {
                problems.add(where + ": envFrom other than a ConfigMap is not checked here: " + source);
            }
        }
        for (Map<String, Object> variable : maps(container.get("env"))) {
            String name = String.valueOf(variable.get("name"));
            if (variable.containsKey("value")) {
                environment.put(name, String.valueOf(variable.get("value")));
            } else if (at(variable, "valueFrom.configMapKeyRef") != null) {
                Map<String, Object> found = configMaps.get(string(variable, "valueFrom.configMapKeyRef.name"));
                String key = string(variable, "valueFrom.configMapKeyRef.key");
                problems.check(found != null && map(found.get("data")).containsKey(key), where + ": " + name + " refers to a missing ConfigMap key");
                environment.put(name, found == null ? null : String.valueOf(map(found.get("data")).get(key)));
            } else if (at(variable, "valueFrom.secretKeyRef") != null) {
                Map<String, Object> found = secrets.get(string(variable, "valueFrom.secretKeyRef.name"));
                String key = string(variable, "valueFrom.secretKeyRef.key");
                if (found != null) {
                    problems.check(map(found.get("stringData")).containsKey(key) || map(found.get("data")).containsKey(key),
                            where + ": " + name + " refers to key " + key + ", not in Secret " + name(found));
                }
                environment.put(name, "<secret>");
            } else {
                environment.put(name, "<field>");
            }
        }
        return environment;
    }

    private static Set<String> secretReferences(List<Map<String, Object>> resources) {
        Set<String> names = new java.util.TreeSet<>();
        for (Map<String, Object> resource : resources) {
            Map<String, Object> pod = Kustomize.podSpec(resource);
            if (pod == null) {
                if ("Ingress".equals(kind(resource))) {
                    maps(at(resource, "spec.tls")).forEach(tls -> names.add(String.valueOf(tls.get("secretName"))));
                }
                continue;
            }
            for (Map<String, Object> container : maps(pod.get("containers"))) {
                for (Map<String, Object> variable : maps(container.get("env"))) {
                    Object secret = at(variable, "valueFrom.secretKeyRef.name");
                    if (secret != null) {
                        names.add(String.valueOf(secret));
                    }
                }
            }
            for (Map<String, Object> volume : maps(pod.get("volumes"))) {
                Object secret = at(volume, "secret.secretName");
                if (secret != null) {
                    names.add(String.valueOf(secret));
                }
            }
        }
        names.removeAll(IMPLICIT_SECRETS_OK);
        return names;
    }

    private static void serviceAccountMayPatch(List<Map<String, Object>> resources, Map<String, Object> cronJob, String hpa, Problems problems) {
        String account = string(Kustomize.podSpec(cronJob), "serviceAccountName");
        boolean allowed = false;
        for (Map<String, Object> binding : byName(resources, "RoleBinding").values()) {
            boolean bound = maps(binding.get("subjects")).stream()
                    .anyMatch(s -> "ServiceAccount".equals(s.get("kind")) && Objects.equals(account, s.get("name")));
            Map<String, Object> role = byName(resources, "Role").get(string(binding, "roleRef.name"));
            if (!bound || role == null) {
                continue;
            }
            for (Map<String, Object> rule : maps(role.get("rules"))) {
                allowed |= list(rule.get("apiGroups")).contains("autoscaling")
                        && list(rule.get("resources")).contains("horizontalpodautoscalers")
                        && list(rule.get("verbs")).contains("patch")
                        && (list(rule.get("resourceNames")).isEmpty() || list(rule.get("resourceNames")).contains(hpa));
            }
        }
        problems.check(account != null && byName(resources, "ServiceAccount").containsKey(account) && allowed,
                id(cronJob) + ": its ServiceAccount " + account + " is not allowed to patch HPA " + hpa);
    }

    /** Whether a label selector (matchLabels form; empty selects all) selects pods with these labels. */
    private static boolean selects(Map<String, Object> selector, Map<String, Object> labels) {
        Map<String, Object> matchLabels = selector.containsKey("matchLabels") ? map(selector.get("matchLabels")) : selector;
        if (selector.containsKey("matchExpressions")) {
            throw new IllegalStateException("matchExpressions are not evaluated by this test: " + selector);
        }
        return labels.entrySet().containsAll(matchLabels.entrySet());
    }
}
