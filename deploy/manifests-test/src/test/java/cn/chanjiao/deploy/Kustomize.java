package cn.chanjiao.deploy;

import static cn.chanjiao.deploy.Yamls.list;
import static cn.chanjiao.deploy.Yamls.map;
import static cn.chanjiao.deploy.Yamls.maps;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Renders a kustomization the way {@code kubectl kustomize} does, for the subset of Kustomize that
 * deploy/k8s uses: {@code resources} (files and kustomization folders), {@code patches} (strategic
 * merge patches from a file or inline, {@code $patch: delete}, and JSON 6902 patches with a
 * target), {@code images}, {@code replicas} and {@code namespace}. Any other field fails the
 * render, so a manifest change that needs more of Kustomize also extends this class (and the
 * result should be compared once with {@code kubectl kustomize}, see deploy/README.md).
 *
 * <p>Strategic merge is simplified: maps merge, lists of maps that all carry a {@code name} merge by
 * name, every other list is replaced — which is what the API's merge keys do for the fields used here.
 */
final class Kustomize {

    private static final Set<String> SUPPORTED = Set.of("apiVersion", "kind", "namespace", "resources",
            "patches", "images", "replicas");
    private static final Set<String> CLUSTER_SCOPED = Set.of("Namespace", "ClusterRole", "ClusterRoleBinding",
            "CustomResourceDefinition", "PersistentVolume", "StorageClass", "IngressClass", "PriorityClass");

    private Kustomize() {
    }

    /** The resources a kustomization folder renders to. */
    static List<Map<String, Object>> build(Path folder) {
        Path file = folder.resolve("kustomization.yaml");
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException(folder + " has no kustomization.yaml");
        }
        Map<String, Object> kustomization = Yamls.load(file);
        for (String key : kustomization.keySet()) {
            if (!SUPPORTED.contains(key)) {
                throw new IllegalStateException(file + ": field '" + key + "' is not supported by this renderer ("
                        + SUPPORTED + "); extend " + Kustomize.class.getName());
            }
        }
        if (!"Kustomization".equals(kustomization.get("kind"))) {
            throw new IllegalStateException(file + ": kind must be Kustomization");
        }

        List<Map<String, Object>> resources = new ArrayList<>();
        for (Object entry : list(kustomization.get("resources"))) {
            Path path = folder.resolve(String.valueOf(entry)).normalize();
            if (Files.isDirectory(path)) {
                resources.addAll(build(path));
            } else if (Files.isRegularFile(path)) {
                for (Map<String, Object> resource : Yamls.loadAll(path)) {
                    requireIdentity(resource, path);
                    resources.add(resource);
                }
            } else {
                throw new IllegalStateException(file + ": resource " + entry + " does not exist");
            }
        }
        requireUnique(resources, file);

        for (Map<String, Object> patch : maps(kustomization.get("patches"))) {
            applyPatch(resources, patch, folder, file);
        }
        for (Map<String, Object> image : maps(kustomization.get("images"))) {
            applyImage(resources, image, file);
        }
        for (Map<String, Object> replicas : maps(kustomization.get("replicas"))) {
            applyReplicas(resources, replicas, file);
        }
        Object namespace = kustomization.get("namespace");
        if (namespace != null) {
            applyNamespace(resources, String.valueOf(namespace));
        }
        return resources;
    }

    static String kind(Map<String, Object> resource) {
        return String.valueOf(resource.get("kind"));
    }

    static String name(Map<String, Object> resource) {
        return Yamls.string(resource, "metadata.name");
    }

    static String id(Map<String, Object> resource) {
        return kind(resource) + "/" + name(resource);
    }

    private static void requireIdentity(Map<String, Object> resource, Path file) {
        if (resource.get("apiVersion") == null || resource.get("kind") == null || name(resource) == null) {
            throw new IllegalStateException(file + ": a resource without apiVersion, kind or metadata.name: " + resource);
        }
    }

    private static void requireUnique(List<Map<String, Object>> resources, Path file) {
        Set<String> seen = new java.util.HashSet<>();
        for (Map<String, Object> resource : resources) {
            String id = group(resource) + ":" + id(resource) + "@" + Yamls.string(resource, "metadata.namespace");
            if (!seen.add(id)) {
                throw new IllegalStateException(file + ": " + id(resource) + " is defined twice");
            }
        }
    }

    private static String group(Map<String, Object> resource) {
        String apiVersion = String.valueOf(resource.get("apiVersion"));
        return apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
    }

    private static void applyPatch(List<Map<String, Object>> resources, Map<String, Object> entry, Path folder, Path file) {
        Map<String, Object> target = map(entry.get("target"));
        List<Map<String, Object>> strategic = new ArrayList<>();
        if (entry.get("path") != null) {
            strategic.addAll(Yamls.loadAll(folder.resolve(String.valueOf(entry.get("path")))));
        } else if (entry.get("patch") != null && !target.isEmpty()) {
            List<Object> operations = Yamls.loadList(String.valueOf(entry.get("patch")));
            List<Map<String, Object>> matches = resources.stream()
                    .filter(resource -> Objects.equals(kind(resource), target.get("kind"))
                            && Objects.equals(name(resource), target.get("name")))
                    .toList();
            if (matches.isEmpty()) {
                throw new IllegalStateException(file + ": patch target " + target + " matches no resource");
            }
            for (Map<String, Object> resource : matches) {
                for (Object operation : operations) {
                    JsonPatch.apply(resource, map(operation), file);
                }
            }
            return;
        } else if (entry.get("patch") != null) {
            for (Object document : Yamls.parser().loadAll(String.valueOf(entry.get("patch")))) {
                strategic.add(map(document));
            }
        } else {
            throw new IllegalStateException(file + ": a patch needs path or patch: " + entry);
        }
        for (Map<String, Object> patch : strategic) {
            Map<String, Object> resource = find(resources, patch, file);
            if ("delete".equals(patch.get("$patch"))) {
                resources.remove(resource);
            } else {
                merge(resource, patch);
            }
        }
    }

    private static Map<String, Object> find(List<Map<String, Object>> resources, Map<String, Object> patch, Path file) {
        List<Map<String, Object>> matches = resources.stream()
                .filter(resource -> kind(resource).equals(kind(patch)) && Objects.equals(name(resource), name(patch))
                        && group(resource).equals(group(patch)))
                .toList();
        if (matches.size() != 1) {
            throw new IllegalStateException(file + ": patch of " + id(patch) + " matches " + matches.size() + " resources");
        }
        return matches.get(0);
    }

    /** Strategic merge, simplified (see the class comment). */
    @SuppressWarnings("unchecked")
    static void merge(Map<String, Object> target, Map<String, Object> patch) {
        for (Map.Entry<String, Object> entry : patch.entrySet()) {
            String key = entry.getKey();
            Object value = entry.getValue();
            if (key.startsWith("$")) {
                throw new IllegalStateException("patch directive " + key + " is not supported here");
            }
            Object current = target.get(key);
            if (value == null) {
                target.remove(key);
            } else if (value instanceof Map<?, ?> && current instanceof Map<?, ?>) {
                merge((Map<String, Object>) current, (Map<String, Object>) value);
            } else if (value instanceof List<?> patchList && current instanceof List<?> currentList
                    && namedMaps(patchList) && namedMaps(currentList)) {
                List<Object> merged = (List<Object>) current;
                for (Object item : patchList) {
                    Map<String, Object> patchItem = (Map<String, Object>) item;
                    Map<String, Object> existing = merged.stream().map(o -> (Map<String, Object>) o)
                            .filter(o -> Objects.equals(o.get("name"), patchItem.get("name"))).findFirst().orElse(null);
                    if (existing == null) {
                        merged.add(Yamls.copy(patchItem));
                    } else {
                        merge(existing, patchItem);
                    }
                }
            } else {
                target.put(key, Yamls.copy(value));
            }
        }
    }

    private static boolean namedMaps(List<?> list) {
        return !list.isEmpty() && list.stream().allMatch(item -> item instanceof Map<?, ?> m && m.get("name") != null);
    }

    private static void applyImage(List<Map<String, Object>> resources, Map<String, Object> image, Path file) {
        String name = String.valueOf(image.get("name"));
        int changed = 0;
        for (Map<String, Object> container : containers(resources)) {
            String current = String.valueOf(container.get("image"));
            int colon = current.lastIndexOf(':');
            boolean tagged = colon > current.lastIndexOf('/');
            String repository = tagged ? current.substring(0, colon) : current;
            String tag = tagged ? current.substring(colon + 1) : null;
            if (!repository.equals(name)) {
                continue;
            }
            String newRepository = image.get("newName") == null ? repository : String.valueOf(image.get("newName"));
            String newTag = image.get("newTag") == null ? tag : String.valueOf(image.get("newTag"));
            container.put("image", newTag == null ? newRepository : newRepository + ":" + newTag);
            changed++;
        }
        if (changed == 0) {
            throw new IllegalStateException(file + ": image " + name + " is used by no container");
        }
    }

    /** The containers of every workload (Deployments, CronJobs, Jobs, StatefulSets, Pods). */
    static List<Map<String, Object>> containers(List<Map<String, Object>> resources) {
        List<Map<String, Object>> containers = new ArrayList<>();
        for (Map<String, Object> resource : resources) {
            Map<String, Object> podSpec = podSpec(resource);
            if (podSpec != null) {
                containers.addAll(maps(podSpec.get("containers")));
                containers.addAll(maps(podSpec.get("initContainers")));
            }
        }
        return containers;
    }

    static Map<String, Object> podSpec(Map<String, Object> resource) {
        Object spec = switch (kind(resource)) {
            case "Deployment", "StatefulSet", "DaemonSet", "Job" -> Yamls.at(resource, "spec.template.spec");
            case "CronJob" -> Yamls.at(resource, "spec.jobTemplate.spec.template.spec");
            case "Pod" -> resource.get("spec");
            default -> null;
        };
        return spec == null ? null : map(spec);
    }

    private static void applyReplicas(List<Map<String, Object>> resources, Map<String, Object> replicas, Path file) {
        String name = String.valueOf(replicas.get("name"));
        List<Map<String, Object>> matches = resources.stream()
                .filter(resource -> Set.of("Deployment", "StatefulSet").contains(kind(resource)) && name.equals(name(resource)))
                .toList();
        if (matches.isEmpty()) {
            throw new IllegalStateException(file + ": replicas for " + name + ", which is no Deployment");
        }
        matches.forEach(resource -> map(resource.get("spec")).put("replicas", replicas.get("count")));
    }

    private static void applyNamespace(List<Map<String, Object>> resources, String namespace) {
        for (Map<String, Object> resource : resources) {
            if (CLUSTER_SCOPED.contains(kind(resource))) {
                continue;
            }
            map(resource.get("metadata")).put("namespace", namespace);
            if (kind(resource).equals("RoleBinding") || kind(resource).equals("ClusterRoleBinding")) {
                for (Map<String, Object> subject : maps(resource.get("subjects"))) {
                    if ("ServiceAccount".equals(subject.get("kind"))) {
                        subject.put("namespace", namespace);
                    }
                }
            }
        }
    }

    /** JSON 6902 operations add, replace and remove on JSON pointers. */
    static final class JsonPatch {

        private JsonPatch() {
        }

        @SuppressWarnings("unchecked")
        static void apply(Map<String, Object> resource, Map<String, Object> operation, Path file) {
            String op = String.valueOf(operation.get("op"));
            String pointer = String.valueOf(operation.get("path"));
            List<String> steps = new ArrayList<>(List.of(pointer.substring(1).split("/")));
            steps.replaceAll(step -> step.replace("~1", "/").replace("~0", "~"));
            String last = steps.remove(steps.size() - 1);
            Object parent = resource;
            for (String step : steps) {
                parent = parent instanceof List<?> l ? l.get(Integer.parseInt(step)) : map(parent).get(step);
                if (parent == null) {
                    throw new IllegalStateException(file + ": " + op + " " + pointer + ": no " + step + " in " + id(resource));
                }
            }
            Object value = Yamls.copy(operation.get("value"));
            if (parent instanceof List<?> l) {
                List<Object> items = (List<Object>) l;
                int index = last.equals("-") ? items.size() : Integer.parseInt(last);
                switch (op) {
                    case "add" -> items.add(index, value);
                    case "replace" -> items.set(index, value);
                    case "remove" -> items.remove(index);
                    default -> throw new IllegalStateException(file + ": JSON patch op " + op + " is not supported");
                }
            } else {
                Map<String, Object> fields = map(parent);
                switch (op) {
                    case "add" -> fields.put(last, value);
                    case "replace" -> {
                        if (!fields.containsKey(last)) {
                            throw new IllegalStateException(file + ": replace " + pointer + ": nothing there in " + id(resource));
                        }
                        fields.put(last, value);
                    }
                    case "remove" -> {
                        if (fields.remove(last) == null) {
                            throw new IllegalStateException(file + ": remove " + pointer + ": nothing there in " + id(resource));
                        }
                    }
                    default -> throw new IllegalStateException(file + ": JSON patch op " + op + " is not supported");
                }
            }
        }
    }

    /** Resources of one kind, by name. */
    static Map<String, Map<String, Object>> byName(List<Map<String, Object>> resources, String kind) {
        Map<String, Map<String, Object>> result = new LinkedHashMap<>();
        for (Iterator<Map<String, Object>> it = resources.iterator(); it.hasNext();) {
            Map<String, Object> resource = it.next();
            if (kind.equals(kind(resource))) {
                result.put(name(resource), resource);
            }
        }
        return result;
    }
}
