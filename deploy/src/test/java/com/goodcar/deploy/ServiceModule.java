package com.goodcar.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What a service's own module says about it: the settings it reads from its environment, its image. */
record ServiceModule(String name, Map<String, String> properties, String pom) {

    /** Every Deployment in the manifests is one of these modules (directory = application name). */
    static final List<String> ALL = List.of("catalog-service", "auction-service", "deposit-service", "order-service",
            "store-network-service", "web", "psp-sandbox");
    private static final Pattern ENV_REFERENCE = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)[:}]");

    static ServiceModule of(String name) {
        Path module = Overlay.REPO.resolve(name);
        try {
            Map<String, String> properties = new LinkedHashMap<>();
            for (String line : Files.readAllLines(module.resolve("src/main/resources/application.properties"))) {
                int eq = line.indexOf('=');
                if (!line.isBlank() && !line.startsWith("#") && eq > 0) {
                    properties.put(line.substring(0, eq).trim(), line.substring(eq + 1).trim());
                }
            }
            return new ServiceModule(name, properties, Files.readString(module.resolve("pom.xml")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The environment variables its configuration reads outside the test and dev profiles. */
    Set<String> environmentVariables() {
        Set<String> variables = new TreeSet<>();
        properties.forEach((key, value) -> {
            if (key.startsWith("%test.") || key.startsWith("%dev.")) {
                return;
            }
            Matcher m = ENV_REFERENCE.matcher(value);
            while (m.find()) {
                variables.add(m.group(1));
            }
        });
        variables.remove("HOSTNAME"); // set by Kubernetes in every container
        return variables;
    }

    Optional<String> property(String key) {
        return Optional.ofNullable(properties.get("%prod." + key)).or(() -> Optional.ofNullable(properties.get(key)));
    }

    /** The variable its quarkus.http.port reads, e.g. AUCTION_HTTP_PORT. */
    String httpPortVariable() {
        Matcher m = ENV_REFERENCE.matcher(property("quarkus.http.port").orElseThrow());
        if (!m.find()) {
            throw new AssertionError(name + ": quarkus.http.port is not read from the environment");
        }
        return m.group(1);
    }

    boolean uses(String artifactId) {
        return pom.contains("<artifactId>" + artifactId + "</artifactId>");
    }

    /** The image the Quarkus container-image extension builds: group/name, tag = the project version. */
    String imageRepository() {
        String group = property("quarkus.container-image.group").orElseThrow(
                () -> new AssertionError(name + ": no quarkus.container-image.group"));
        String image = property("quarkus.container-image.name").orElse(property("quarkus.application.name").orElseThrow());
        return group + "/" + image;
    }
}
