package com.goodcar.deposit.psp;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import java.time.Duration;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Chooses the payment provider from {@code deposit.psp.provider}: {@code sandbox} (the local
 * platform and tests) or {@code none} (no deposits can be paid; every call is Unavailable). A real
 * PSP's adapter is one more case here. An unknown name stops the start: a typo must not silently
 * turn payments off.
 */
@ApplicationScoped
public class PaymentProviders {

    public static final String SANDBOX = "sandbox";
    public static final String NONE = "none";
    private static final Logger LOG = Logger.getLogger(PaymentProviders.class);

    private final String provider;
    private final String merchantKey;
    private final Duration timeout;

    PaymentProviders(@ConfigProperty(name = "deposit.psp.provider") String provider,
                     @ConfigProperty(name = "deposit.psp.merchant-key", defaultValue = "sandbox-merchant-key") String merchantKey,
                     @ConfigProperty(name = "deposit.psp.timeout", defaultValue = "PT5S") Duration timeout) {
        if (!SANDBOX.equals(provider) && !NONE.equals(provider)) {
            throw new IllegalStateException("deposit.psp.provider=" + provider + " is not a payment provider this "
                    + "service knows; use '" + SANDBOX + "' or '" + NONE + "'");
        }
        this.provider = provider;
        this.merchantKey = merchantKey;
        this.timeout = timeout;
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
            LOG.warn("payment provider: none (deposit.psp.provider=none); deposits cannot be paid or refunded");
        }
    }

    /** Read when called, not once: a test's HTTP port is random and set only when the server listens. */
    private static String url() {
        return ConfigProvider.getConfig().getValue("deposit.psp.url", String.class);
    }

    /** What deposits get when no provider is configured: every call fails as if the provider were down. */
    public static final class NoPaymentProvider implements PaymentProvider {

        private static final String WHY = "no payment provider is configured (deposit.psp.provider)";

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
