package com.goodcar.kit.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * The payment provider a merchant's tests pay through: the psp-sandbox module's packaged jar as a
 * real process, on its own port and its own per-run database, reached over HTTP only. Both sides
 * keep their local merchant key and callback secret, which match.
 *
 * <p>As a Quarkus test resource it points the service's {@code psp.url} at it; an *IT that runs a
 * service's jar uses {@link #started(String)} and passes {@link #url()} in the environment.
 */
public class PspSandbox implements QuarkusTestResourceLifecycleManager, AutoCloseable {

    private static final Path JAR = Path.of("../psp-sandbox/target/quarkus-app/quarkus-run.jar");

    private static volatile RunDatabase current;

    private RunDatabase database;
    private ServiceProcess process;

    /**
     * A number from the provider's own records (e.g. how many refunds it received), or a statement
     * seeding them: what a merchant's test asks the provider, never what the merchant reads.
     */
    public static long number(String sql, Object... params) {
        RunDatabase database = current;
        if (database == null) {
            throw new IllegalStateException("no PSP sandbox runs in this test (@WithTestResource(PspSandbox.class))");
        }
        return database.number(sql, params);
    }

    public static PspSandbox started(String runId) {
        var sandbox = new PspSandbox();
        sandbox.launch(runId);
        return sandbox;
    }

    /** The base of its API and pay pages, as a merchant's {@code psp.url}. */
    public String url() {
        return process.baseUri() + "/psp-sandbox";
    }

    /** How many refund requests the provider recorded for these payments (merchant payment ids). */
    public static long refundsReceived(java.util.Collection<String> merchantPaymentIds) {
        return number("select count(*) from psp_refund where merchant_payment_id = any(?)",
                (Object) merchantPaymentIds.toArray(String[]::new));
    }

    @Override
    public Map<String, String> start() {
        launch(RealStack.RUN_ID);
        return Map.of("psp.url", url());
    }

    @Override
    public void stop() {
        close();
    }

    @Override
    public void close() {
        if (process != null) {
            process.close();
        }
        if (database != null) {
            database.drop();
            current = null;
        }
    }

    private void launch(String runId) {
        if (!Files.exists(JAR)) {
            throw new IllegalStateException(JAR.toAbsolutePath().normalize() + " does not exist: the psp-sandbox "
                    + "module is built before the merchants' tests (./platform test; or ./mvnw -pl psp-sandbox "
                    + "package -DskipTests first)");
        }
        database = StackAddresses.runDatabase("psp", "psp_" + runId);
        database.create();
        current = database;
        process = new ServiceProcess(JAR, Map.of(
                "PSP_SANDBOX_DB_URL", database.config().get("quarkus.datasource.reactive.url"),
                "PSP_SANDBOX_DB_JDBC_URL", database.config().get("quarkus.datasource.jdbc.url")))
                .start(Duration.ofSeconds(90));
    }
}
