package com.goodcar.deploy;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Images as the build names them, the public routes, and the network paths the design needs. */
class ImagesAndRoutesTest {

    static final List<String> OVERLAYS = Overlay.ALL;

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyImageIsWhatTheBuildProduces(String name) throws IOException {
        Overlay overlay = Overlay.of(name);
        String version = projectVersion();
        List<String> wrong = new ArrayList<>();
        for (Deployment deployment : Workloads.deployments(overlay)) {
            ServiceModule module = ServiceModule.of(deployment.getMetadata().getName());
            String image = Workloads.container(deployment).getImage();
            if (!module.uses("quarkus-container-image-jib")) {
                wrong.add(module.name() + ": the module builds no image");
            }
            String expected = module.imageRepository() + ":" + version;
            if (!image.equals(expected) && !image.endsWith("/" + expected)) {
                wrong.add(module.name() + ": runs " + image + ", the build makes [registry/]" + expected);
            }
        }
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void thePublicApisAreRoutedByPathAsTheWebPagesCallThem(String name) {
        Overlay overlay = Overlay.of(name);
        HTTPRoute route = (HTTPRoute) TypedModels.read(overlay.get("HTTPRoute", "goodcar-public"));
        Map<String, String> expected = Map.of("/api/catalog/", "catalog-service", "/api/auction/", "auction-service",
                "/api/deposit/", "deposit-service", "/api/orders/", "order-service", "/api/stores/", "store-network-service",
                "/", "web");
        var routed = new java.util.TreeMap<String, String>();
        for (var rule : route.getSpec().getRules()) {
            for (var match : rule.getMatches()) {
                String service = rule.getBackendRefs().getFirst().getName();
                routed.put(match.getPath().getValue(), service);
                if (match.getPath().getValue().startsWith("/api/")) {
                    var rewrite = rule.getFilters().getFirst().getUrlRewrite().getPath();
                    assertEquals("/", rewrite.getReplacePrefixMatch(), service + " must see its own paths");
                }
            }
        }
        routed.remove("/psp-sandbox/");
        assertEquals(new java.util.TreeMap<>(expected), routed);
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void theNamespaceDeniesByDefaultAndAuctionReplicasReachEachOther(String name) {
        Overlay overlay = Overlay.of(name);
        NetworkPolicy deny = (NetworkPolicy) TypedModels.read(overlay.get("NetworkPolicy", "default-deny"));
        assertTrue(deny.getSpec().getPodSelector().getMatchLabels() == null
                || deny.getSpec().getPodSelector().getMatchLabels().isEmpty(), "default deny must select every pod");
        assertEquals(List.of("Ingress", "Egress"), deny.getSpec().getPolicyTypes());
        NetworkPolicy auction = (NetworkPolicy) TypedModels.read(overlay.get("NetworkPolicy", "auction-service"));
        // a non-owner forwards a bid to the owner pod's own address: both directions must be open
        assertTrue(auction.getSpec().getIngress().stream().flatMap(r -> r.getFrom().stream())
                .anyMatch(p -> p.getPodSelector() != null && "auction-service".equals(
                        p.getPodSelector().getMatchLabels().get("app.kubernetes.io/name"))), "auction ingress from auction");
        assertTrue(auction.getSpec().getEgress().stream().flatMap(r -> r.getTo().stream())
                .anyMatch(p -> p.getPodSelector() != null && "auction-service".equals(
                        p.getPodSelector().getMatchLabels().get("app.kubernetes.io/name"))), "auction egress to auction");
        Deployment deployment = Workloads.deployments(overlay).stream()
                .filter(d -> d.getMetadata().getName().equals("auction-service")).findFirst().orElseThrow();
        var env = Workloads.container(deployment).getEnv();
        assertTrue(env.stream().anyMatch(v -> v.getName().equals("AUCTION_INSTANCE_URL") && v.getValue().contains("$(POD_IP)")),
                "the owner's address must be its pod's, not the Service's");
        assertTrue(env.stream().anyMatch(v -> v.getName().equals("AUCTION_INSTANCE_ID") && v.getValueFrom() != null),
                "each pod needs its own lease owner name");
    }

    private static String projectVersion() throws IOException {
        String pom = Files.readString(Overlay.REPO.resolve("pom.xml"));
        Matcher m = Pattern.compile("<artifactId>goodcar-platform</artifactId>\\s*<version>([^<]+)</version>").matcher(pom);
        assertTrue(m.find(), "no version in the root pom");
        return m.group(1);
    }
}
