package com.goodcar.deploy;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What an operator relies on in every Deployment: probes, sizes, a locked-down pod, its companions. */
class DeploymentRulesTest {

    static final List<String> OVERLAYS = Overlay.ALL;

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyServiceOfThePlatformIsDeployedAndOnlyDevHasTheSandbox(String name) {
        Overlay overlay = Overlay.of(name);
        Set<String> deployed = Workloads.deployments(overlay).stream().map(d -> d.getMetadata().getName())
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> expected = new TreeSet<>(ServiceModule.ALL);
        if (overlay.production()) {
            expected.remove("psp-sandbox");
        }
        assertEquals(expected, deployed);
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void probesOnTheHealthEndpointsTheServiceServes(String name) {
        Overlay overlay = Overlay.of(name);
        List<String> wrong = new ArrayList<>();
        for (Deployment deployment : Workloads.deployments(overlay)) {
            String service = deployment.getMetadata().getName();
            ServiceModule module = ServiceModule.of(service);
            Container c = Workloads.container(deployment);
            if (!module.uses("quarkus-smallrye-health") || module.property("quarkus.http.non-application-root-path").isPresent()) {
                wrong.add(service + ": does not serve SmallRye Health under /q");
            }
            Set<String> ports = c.getPorts().stream().map(p -> p.getName()).collect(Collectors.toSet());
            for (Map.Entry<String, Probe> probe : Map.of("startup", nullSafe(c.getStartupProbe()), "readiness",
                    nullSafe(c.getReadinessProbe()), "liveness", nullSafe(c.getLivenessProbe())).entrySet()) {
                String path = probe.getValue().getHttpGet() == null ? null : probe.getValue().getHttpGet().getPath();
                String expected = switch (probe.getKey()) {
                    case "startup" -> "/q/health/started";
                    case "readiness" -> "/q/health/ready";
                    default -> "/q/health/live";
                };
                if (!expected.equals(path)) {
                    wrong.add(service + ": " + probe.getKey() + " probe on " + path + ", not " + expected);
                } else if (!ports.contains(probe.getValue().getHttpGet().getPort().getStrVal())) {
                    wrong.add(service + ": " + probe.getKey() + " probe on a port the container does not name");
                }
            }
            String httpPort = Workloads.setting(overlay, deployment, module.httpPortVariable(), "?");
            if (!httpPort.equals(String.valueOf(c.getPorts().getFirst().getContainerPort()))) {
                wrong.add(service + ": listens on " + httpPort + " but the container port is " + c.getPorts().getFirst().getContainerPort());
            }
        }
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void sizedLockedDownAndGivenTimeToDrain(String name) {
        Overlay overlay = Overlay.of(name);
        List<String> wrong = new ArrayList<>();
        for (Deployment deployment : Workloads.deployments(overlay)) {
            String service = deployment.getMetadata().getName();
            var pod = deployment.getSpec().getTemplate().getSpec();
            Container c = Workloads.container(deployment);
            var resources = c.getResources();
            if (resources == null || resources.getRequests() == null || !resources.getRequests().containsKey("cpu")
                    || !resources.getRequests().containsKey("memory") || resources.getLimits() == null
                    || !resources.getLimits().containsKey("memory")) {
                wrong.add(service + ": needs cpu and memory requests and a memory limit");
            }
            PodSecurityContext podSecurity = pod.getSecurityContext();
            SecurityContext security = c.getSecurityContext();
            if (podSecurity == null || !Boolean.TRUE.equals(podSecurity.getRunAsNonRoot())) {
                wrong.add(service + ": may run as root");
            }
            if (security == null || !Boolean.FALSE.equals(security.getAllowPrivilegeEscalation())
                    || !Boolean.TRUE.equals(security.getReadOnlyRootFilesystem())
                    || security.getCapabilities() == null || !security.getCapabilities().getDrop().contains("ALL")) {
                wrong.add(service + ": container not locked down (privilege escalation, read-only root, capabilities)");
            }
            if (!Boolean.FALSE.equals(pod.getAutomountServiceAccountToken()) || !service.equals(pod.getServiceAccountName())) {
                wrong.add(service + ": should run as its own service account without an API token");
            }
            Duration drain = drain(overlay, deployment);
            long grace = pod.getTerminationGracePeriodSeconds() == null ? 30 : pod.getTerminationGracePeriodSeconds();
            if (grace < drain.toSeconds() + 5) {
                wrong.add(service + ": " + grace + " s grace for a " + drain.toSeconds() + " s drain");
            }
        }
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyServiceHasItsServiceAccountPdbMonitorAndInProductionAnAutoscaler(String name) {
        Overlay overlay = Overlay.of(name);
        List<String> wrong = new ArrayList<>();
        for (Deployment deployment : Workloads.deployments(overlay)) {
            String service = deployment.getMetadata().getName();
            Map<String, String> labels = deployment.getSpec().getTemplate().getMetadata().getLabels();
            for (String kind : List.of("Service", "ServiceAccount", "PodDisruptionBudget", "ServiceMonitor", "NetworkPolicy")) {
                if (overlay.find(kind, service).isEmpty()) {
                    wrong.add(service + ": no " + kind);
                }
            }
            overlay.find("PodDisruptionBudget", service).map(d -> (PodDisruptionBudget) TypedModels.read(d)).ifPresent(pdb -> {
                if (!labels.entrySet().containsAll(pdb.getSpec().getSelector().getMatchLabels().entrySet())) {
                    wrong.add(service + ": its PodDisruptionBudget selects other pods");
                }
            });
            if (overlay.production()) {
                var hpa = overlay.find("HorizontalPodAutoscaler", service).map(d -> (HorizontalPodAutoscaler) TypedModels.read(d));
                if (hpa.isEmpty() || !hpa.get().getSpec().getScaleTargetRef().getName().equals(service)) {
                    wrong.add(service + ": no HorizontalPodAutoscaler on it");
                } else if (hpa.get().getSpec().getMinReplicas() < 2 || deployment.getSpec().getReplicas() < 2) {
                    wrong.add(service + ": fewer than two replicas in production");
                }
                var spread = deployment.getSpec().getTemplate().getSpec().getTopologySpreadConstraints();
                if (spread.stream().noneMatch(t -> t.getTopologyKey().equals("topology.kubernetes.io/zone"))) {
                    wrong.add(service + ": not spread over zones");
                }
                if (!labels.containsKey("app.kubernetes.io/part-of")) {
                    wrong.add(service + ": its pods lack the label the spread constraints select");
                }
            }
        }
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }

    /** Readiness goes down for the shutdown delay, then requests under way get the shutdown timeout. */
    private static Duration drain(Overlay overlay, Deployment deployment) {
        ServiceModule module = ServiceModule.of(deployment.getMetadata().getName());
        Duration total = Duration.ZERO;
        for (String key : List.of("quarkus.shutdown.delay", "quarkus.shutdown.timeout")) {
            String value = module.property(key).orElse("0S");
            var m = java.util.regex.Pattern.compile("\\$\\{([A-Z_]+):([^}]*)}").matcher(value);
            if (m.matches()) {
                value = Workloads.setting(overlay, deployment, m.group(1), m.group(2));
            }
            total = total.plus(parse(value));
        }
        return total;
    }

    private static Duration parse(String value) {
        return value.startsWith("P") ? Duration.parse(value) : Duration.parse("PT" + value.toUpperCase());
    }

    private static Probe nullSafe(Probe probe) {
        return probe == null ? new Probe() : probe;
    }
}
