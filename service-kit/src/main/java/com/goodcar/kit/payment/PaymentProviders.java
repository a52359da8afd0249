package com.goodcar.kit.payment;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import java.time.Duration;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Chooses the payment provider from {@code psp.provider}: {@code sandbox} (the psp-sandbox process
 * of the local platform and tests, over HTTP at {@code psp.url}) or {@code none} (nothing can be
 * paid; every call is Unavailable). A real PSP's adapter is one more case here. An unknown name
 * stops the start: a typo must not silently turn payments off. So does a provider other than the
 * sandbox with a secret left at a placeholder: anyone who read this repository could sign a
 * callback that marks a payment paid.
 *
 * <p>Only in a service that takes payments: it sets the build property {@code kit.payment.enabled=true}.
 */
@ApplicationScoped
@IfBuildProperty(name = "kit.payment.enabled", stringValue = "true")
public class PaymentProviders {

    public static final String SANDBOX = "sandbox";
    public static final String NONE = "none";
    private static final Logger LOG = Logger.getLogger(PaymentProviders.class);

    private final String provider;
    private final String merchantKey;
    private final Duration timeout;

    PaymentProviders(@ConfigProperty(name = "psp.provider") String provider,
                     @ConfigProperty(name = "psp.merchant-key", defaultValue = "") String merchantKey,
                     @ConfigProperty(name = "psp.callback-secret", defaultValue = "") String callbackSecret,
                     @ConfigProperty(name = "psp.timeout", defaultValue = "PT5S") Duration timeout) {
        if (!SANDBOX.equals(provider) && !NONE.equals(provider)) {
            throw new IllegalStateException("psp.provider=" + provider + " is not a payment provider this "
                    + "service knows; use '" + SANDBOX + "' or '" + NONE + "'");
        }
        if (!SANDBOX.equals(provider) && isPlaceholder(callbackSecret)) {
            throw new IllegalStateException("psp.provider=" + provider + " with psp.callback-secret left at a "
                    + "placeholder ('" + callbackSecret + "'): anyone who read the repository could forge a payment "
                    + "callback. Set the provider's signing secret (a Kubernetes Secret in production), or run "
                    + "with psp.provider=" + SANDBOX + " locally.");
        }
        this.provider = provider;
        this.merchantKey = merchantKey;
        this.timeout = timeout;
    }

    /** Blank, or one of the values this repository ships for local runs. */
    static boolean isPlaceholder(String secret) {
        String s = secret == null ? "" : secret.strip().toLowerCase(java.util.Locale.ROOT);
        return s.isEmpty() || s.contains("change-me") || s.contains("changeme") || s.startsWith("sandbox-");
    }

    @Produces
    @ApplicationScoped
    PaymentProvider provider(ObjectMapper json) {
        if (SANDBOX.equals(provider)) {
            return new SandboxPaymentProvider(PaymentProviders::url, merchantKey, timeout, json);
        }
        return new NoPaymentProvider();
    }

    void announce(@Observes StartupEvent startup) {
        if (SANDBOX.equals(provider)) {
            LOG.infof("payment provider: the PSP sandbox at %s (never for real money)", url());
        } else {
            LOG.warn("payment provider: none (psp.provider=none); deposits cannot be paid or refunded");
        }
    }

    /** Read when called, not once: a test's HTTP port is random and set only when the server listens. */
    private static String url() {
        return ConfigProvider.getConfig().getValue("psp.url", String.class);
    }

    /** What deposits get when no provider is configured: every call fails as if the provider were down. */
    public static final class NoPaymentProvider implements PaymentProvider {

        private static final String WHY = "no payment provider is configured (psp.provider)";

        @Override
        public CreatedPayment create(PaymentOrder order) {
            throw new Unavailable(WHY, null);
        }

        @Override
        public PaymentStatus query(String merchantPaymentId) {
            throw new Unavailable(WHY, null);
        }

        @Override
        public RefundResult refund(RefundOrder order) {
            throw new Unavailable(WHY, null);
        }
    }
}
