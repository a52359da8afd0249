package com.goodcar.kit.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * A service's packaged jar run as a real process, for tests that kill it: {@link #kill()} is a
 * SIGKILL, no shutdown hook runs, exactly as when a machine dies. Its output goes to a file in
 * target/ so a failing test can be read afterwards.
 */
public final class ServiceProcess implements AutoCloseable {

    private final Path jar;
    private final Map<String, String> environment;
    private final int port;
    private final Path log;
    private Process process;

    public ServiceProcess(Path jar, Map<String, String> environment) {
        this(jar, environment, freePort());
    }

    /**
     * On a fixed port: for a process a browser reaches through a login redirect the identity
     * provider must know in advance (the web app), and that restarts at the same address.
     */
    public ServiceProcess(Path jar, Map<String, String> environment, int port) {
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " does not exist: run this test after 'package' (as an *IT)");
        }
        this.jar = jar;
        this.environment = environment;
        this.port = port;
        this.log = jar.getParent().getParent().resolve("service-process-" + port + ".log");
    }

    public String baseUri() {
        return "http://127.0.0.1:" + port;
    }

    /** Where the process' output goes. */
    public Path log() {
        return log;
    }

    /** Starts the jar and waits until /q/health/ready answers 200. */
    public ServiceProcess start(Duration timeout) {
        List<String> command = new ArrayList<>(List.of(javaBinary(), "-XX:+UseSerialGC", "-Xmx256m", "-jar",
                jar.toString()));
        var builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        // the stack's addresses from the one seam; a test's own environment may still override them
        builder.environment().put("KAFKA_BOOTSTRAP_SERVERS", StackAddresses.kafkaBootstrap());
        builder.environment().put("OIDC_AUTH_SERVER_URL", StackAddresses.realmUrl());
        builder.environment().putAll(environment);
        builder.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + jar, e);
        }
        var http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        try {
            Awaitility.await().atMost(timeout).pollInterval(Duration.ofMillis(200)).until(() -> {
                if (!process.isAlive()) {
                    throw new IllegalStateException("the service exited while starting; see " + log);
                }
                return ready(http);
            });
        } catch (ConditionTimeoutException e) {
            throw new IllegalStateException("the service was not ready within " + timeout + "; see " + log, e);
        }
        return this;
    }

    private boolean ready(HttpClient http) throws InterruptedException {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(baseUri() + "/q/health/ready"))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false; // not listening yet
        }
    }

    /**
     * SIGSTOP: the process stays alive but runs nothing, as in a long GC pause or a partition; its
     * sockets still accept connections, which wait. {@link #resume()} lets it go on where it was.
     */
    public void pause() {
        signal("STOP");
    }

    /** SIGCONT after {@link #pause()}. */
    public void resume() {
        signal("CONT");
    }

    private void signal(String name) {
        try {
            var kill = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).inheritIO().start();
            if (kill.waitFor() != 0) {
                throw new IllegalStateException("kill -" + name + " " + process.pid() + " failed");
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** SIGTERM, as Kubernetes stops a pod: the service shuts down gracefully; SIGKILL after {@code grace}. */
    public void terminate(Duration grace) {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(grace.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** SIGKILL, and wait until the process is gone. */
    public void kill() {
        if (process != null) {
            process.destroyForcibly();
            try {
                process.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void close() {
        kill();
    }

    private static String javaBinary() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    private static int freePort() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
