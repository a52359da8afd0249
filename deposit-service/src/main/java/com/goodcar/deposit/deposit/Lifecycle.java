package com.goodcar.deposit.deposit;

import static com.goodcar.deposit.deposit.DepositState.APPLIED;
import static com.goodcar.deposit.deposit.DepositState.AWAITING_PAYMENT;
import static com.goodcar.deposit.deposit.DepositState.CANCELLED;
import static com.goodcar.deposit.deposit.DepositState.FORFEITED;
import static com.goodcar.deposit.deposit.DepositState.HELD;
import static com.goodcar.deposit.deposit.DepositState.RELEASED;
import static com.goodcar.deposit.deposit.DepositState.REFUNDED;
import static com.goodcar.deposit.deposit.DepositState.WON;

import com.goodcar.deposit.ledger.Movement;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The rules of a deposit's life, as pure functions: what each fact does to a deposit in a given
 * state, and which money movement it books. A fact that does not apply to the state changes nothing
 * (a redelivered or late event is harmless); the settlement code runs these rules as set-based SQL
 * and the property tests check the two agree on what the ledger must show.
 */
public final class Lifecycle {

    /** States in which the lot's close still decides something. */
    public static final Set<DepositState> OPEN_AT_CLOSE = EnumSet.of(AWAITING_PAYMENT, HELD);
    /** States from which the winner's order can apply or forfeit the deposit. */
    public static final Set<DepositState> AWAITING_ORDER = EnumSet.of(HELD, WON);

    private Lifecycle() {
    }

    public record Step(DepositState next, Optional<Movement> movement) {
        static Step to(DepositState next, Movement movement) {
            return new Step(next, Optional.of(movement));
        }

        static Step to(DepositState next) {
            return new Step(next, Optional.empty());
        }
    }

    /** A payment for this deposit was confirmed by the provider. */
    public static Step paid(DepositState state) {
        return state == AWAITING_PAYMENT ? Step.to(HELD, Movement.CAPTURE) : Step.to(state, Movement.DUPLICATE_CAPTURE);
    }

    /** The lot closed; {@code winner} says whether this deposit's buyer won it. */
    public static Optional<Step> lotClosed(DepositState state, boolean sold, boolean winner) {
        return switch (state) {
            case AWAITING_PAYMENT -> Optional.of(Step.to(CANCELLED));
            case HELD -> Optional.of(sold && winner ? Step.to(WON) : Step.to(RELEASED, Movement.RELEASE));
            default -> Optional.empty();
        };
    }

    /** The provider confirmed the refund of the deposit's own payment. */
    public static Optional<Step> refunded(DepositState state) {
        return state == RELEASED ? Optional.of(Step.to(REFUNDED, Movement.REFUND)) : Optional.empty();
    }

    /** The winner paid the order. */
    public static Optional<Step> orderPaid(DepositState state) {
        return AWAITING_ORDER.contains(state) ? Optional.of(Step.to(APPLIED, Movement.APPLY)) : Optional.empty();
    }

    /** The order's payment deadline passed, or the winner cancelled the order. */
    public static Optional<Step> orderLapsed(DepositState state) {
        return switch (state) {
            case HELD, WON -> Optional.of(Step.to(FORFEITED, Movement.FORFEIT_HELD));
            case APPLIED -> Optional.of(Step.to(FORFEITED, Movement.FORFEIT_APPLIED));
            default -> Optional.empty();
        };
    }
}
