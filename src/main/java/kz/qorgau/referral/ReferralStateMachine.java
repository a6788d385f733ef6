package kz.qorgau.referral;

import static kz.qorgau.referral.ReferralState.ACCEPTED;
import static kz.qorgau.referral.ReferralState.ACKNOWLEDGED;
import static kz.qorgau.referral.ReferralState.CANCELLED;
import static kz.qorgau.referral.ReferralState.COMPLETED;
import static kz.qorgau.referral.ReferralState.DECLINED;
import static kz.qorgau.referral.ReferralState.DRAFT;
import static kz.qorgau.referral.ReferralState.IN_PROGRESS;
import static kz.qorgau.referral.ReferralState.ON_HOLD;
import static kz.qorgau.referral.ReferralState.SUBMITTED;
import static kz.qorgau.referral.ReferralState.WITHDRAWN;
import static kz.qorgau.referral.Side.RECEIVER;
import static kz.qorgau.referral.Side.SENDER;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The referral lifecycle of the design, as a table: for each action, the states it may be fired from, the
 * state it leads to and the side that may fire it. Everything else about a transition (the reason it
 * needs, the consent it needs) is checked by {@link TransitionRequirements}.
 */
public final class ReferralStateMachine {

    /** @param to the state after the action; REDIRECT leaves the declined referral as it is */
    record Rule(Set<ReferralState> from, ReferralState to, Set<Side> sides) {}

    private static final Set<ReferralState> NON_TERMINAL = Arrays.stream(ReferralState.values())
            .filter(s -> !s.isTerminal())
            .collect(Collectors.toCollection(() -> EnumSet.noneOf(ReferralState.class)));

    private static final Map<ReferralAction, Rule> RULES = new EnumMap<>(ReferralAction.class);

    static {
        rule(ReferralAction.SUBMIT, EnumSet.of(DRAFT), SUBMITTED, EnumSet.of(SENDER));
        rule(ReferralAction.ACKNOWLEDGE, EnumSet.of(SUBMITTED), ACKNOWLEDGED, EnumSet.of(RECEIVER));
        rule(ReferralAction.ACCEPT, EnumSet.of(SUBMITTED, ACKNOWLEDGED), ACCEPTED, EnumSet.of(RECEIVER));
        rule(ReferralAction.DECLINE, EnumSet.of(SUBMITTED, ACKNOWLEDGED), DECLINED, EnumSet.of(RECEIVER));
        rule(ReferralAction.START, EnumSet.of(ACCEPTED), IN_PROGRESS, EnumSet.of(RECEIVER));
        rule(ReferralAction.PAUSE, EnumSet.of(IN_PROGRESS), ON_HOLD, EnumSet.of(RECEIVER));
        rule(ReferralAction.RESUME, EnumSet.of(ON_HOLD), IN_PROGRESS, EnumSet.of(RECEIVER));
        rule(ReferralAction.COMPLETE, EnumSet.of(IN_PROGRESS), COMPLETED, EnumSet.of(RECEIVER));
        rule(ReferralAction.CANCEL, NON_TERMINAL, CANCELLED, EnumSet.of(SENDER));
        rule(ReferralAction.WITHDRAW, NON_TERMINAL, WITHDRAWN, EnumSet.of(SENDER, RECEIVER));
        rule(ReferralAction.REDIRECT, EnumSet.of(DECLINED), DECLINED, EnumSet.of(SENDER));
    }

    private ReferralStateMachine() {}

    private static void rule(ReferralAction action, Set<ReferralState> from, ReferralState to, Set<Side> sides) {
        RULES.put(action, new Rule(Set.copyOf(from), to, Set.copyOf(sides)));
    }

    /** The state the action leads to, or empty when the caller's sides may not fire it from this state. */
    public static Optional<ReferralState> next(ReferralState current, ReferralAction action, Set<Side> callerSides) {
        Rule rule = RULES.get(action);
        boolean allowed = rule.from().contains(current) && callerSides.stream().anyMatch(rule.sides()::contains);
        return allowed ? Optional.of(rule.to()) : Optional.empty();
    }

    /** Every action a caller on these sides may fire now, in the order of the design's table. */
    public static Set<ReferralAction> allowed(ReferralState current, Set<Side> callerSides) {
        Set<ReferralAction> actions = EnumSet.noneOf(ReferralAction.class);
        for (ReferralAction action : ReferralAction.values()) {
            next(current, action, callerSides).ifPresent(to -> actions.add(action));
        }
        return actions;
    }
}
