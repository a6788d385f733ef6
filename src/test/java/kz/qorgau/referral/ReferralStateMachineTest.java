package kz.qorgau.referral;

import static kz.qorgau.referral.ReferralAction.ACCEPT;
import static kz.qorgau.referral.ReferralAction.ACKNOWLEDGE;
import static kz.qorgau.referral.ReferralAction.CANCEL;
import static kz.qorgau.referral.ReferralAction.COMPLETE;
import static kz.qorgau.referral.ReferralAction.DECLINE;
import static kz.qorgau.referral.ReferralAction.PAUSE;
import static kz.qorgau.referral.ReferralAction.REDIRECT;
import static kz.qorgau.referral.ReferralAction.RESUME;
import static kz.qorgau.referral.ReferralAction.START;
import static kz.qorgau.referral.ReferralAction.SUBMIT;
import static kz.qorgau.referral.ReferralAction.WITHDRAW;
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
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every (state, action, side) combination against the design's table, written out independently of the
 * implementation: a cell not listed here must be refused.
 */
class ReferralStateMachineTest {

    private record Cell(ReferralState from, ReferralAction action, Side side) {}

    private static final Map<Cell, ReferralState> DESIGN = new HashMap<>();

    private static void allow(ReferralAction action, Set<Side> sides, ReferralState to, ReferralState... from) {
        for (ReferralState state : from) {
            for (Side side : sides) {
                DESIGN.put(new Cell(state, action, side), to);
            }
        }
    }

    static {
        Set<Side> sender = EnumSet.of(SENDER);
        Set<Side> receiver = EnumSet.of(RECEIVER);
        Set<Side> either = EnumSet.allOf(Side.class);
        ReferralState[] nonTerminal = {DRAFT, SUBMITTED, ACKNOWLEDGED, ACCEPTED, IN_PROGRESS, ON_HOLD};
        allow(SUBMIT, sender, SUBMITTED, DRAFT);
        allow(ACKNOWLEDGE, receiver, ACKNOWLEDGED, SUBMITTED);
        allow(ACCEPT, receiver, ACCEPTED, SUBMITTED, ACKNOWLEDGED);
        allow(DECLINE, receiver, DECLINED, SUBMITTED, ACKNOWLEDGED);
        allow(START, receiver, IN_PROGRESS, ACCEPTED);
        allow(PAUSE, receiver, ON_HOLD, IN_PROGRESS);
        allow(RESUME, receiver, IN_PROGRESS, ON_HOLD);
        allow(COMPLETE, receiver, COMPLETED, IN_PROGRESS);
        allow(CANCEL, sender, CANCELLED, nonTerminal);
        allow(WITHDRAW, either, WITHDRAWN, nonTerminal);
        allow(REDIRECT, sender, DECLINED, DECLINED);
    }

    @Test
    void everyStateActionAndSideFollowsTheDesign() {
        List<String> wrong = new ArrayList<>();
        int cells = 0;
        for (ReferralState state : ReferralState.values()) {
            for (ReferralAction action : ReferralAction.values()) {
                for (Side side : Side.values()) {
                    cells++;
                    Optional<ReferralState> expected = Optional.ofNullable(DESIGN.get(new Cell(state, action, side)));
                    Optional<ReferralState> actual = ReferralStateMachine.next(state, action, Set.of(side));
                    if (!expected.equals(actual)) {
                        wrong.add(state + " x " + action + " x " + side + ": expected " + expected + ", got " + actual);
                    }
                }
            }
        }
        assertEquals(10 * 11 * 2, cells);
        assertEquals(List.of(), wrong);
    }

    @Test
    void aCallerWithNoSideMayFireNothing() {
        for (ReferralState state : ReferralState.values()) {
            assertEquals(Set.of(), ReferralStateMachine.allowed(state, Set.of()), state.name());
        }
    }

    @Test
    void terminalStatesAllowNothingButTheSendersRedirectOfADecline() {
        Set<Side> both = EnumSet.allOf(Side.class);
        assertEquals(Set.of(), ReferralStateMachine.allowed(COMPLETED, both));
        assertEquals(Set.of(), ReferralStateMachine.allowed(CANCELLED, both));
        assertEquals(Set.of(), ReferralStateMachine.allowed(WITHDRAWN, both));
        assertEquals(Set.of(REDIRECT), ReferralStateMachine.allowed(DECLINED, both));
        assertEquals(Set.of(), ReferralStateMachine.allowed(DECLINED, Set.of(RECEIVER)));
    }

    @Test
    void allowedListsExactlyTheActionsNextAccepts() {
        for (ReferralState state : ReferralState.values()) {
            for (Side side : Side.values()) {
                Set<ReferralAction> expected = EnumSet.noneOf(ReferralAction.class);
                DESIGN.forEach((cell, to) -> {
                    if (cell.from() == state && cell.side() == side) {
                        expected.add(cell.action());
                    }
                });
                assertEquals(expected, ReferralStateMachine.allowed(state, Set.of(side)), state + " as " + side);
            }
        }
    }

    @Test
    void everyActionsEventIsATypeSubscribersCanName() {
        for (ReferralAction action : ReferralAction.values()) {
            assertTrue(
                    kz.qorgau.notification.EventTypes.isKnown(action.eventType()),
                    action.eventType() + " is missing from EventTypes");
        }
    }
}
