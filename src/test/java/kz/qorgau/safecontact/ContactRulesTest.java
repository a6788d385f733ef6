package kz.qorgau.safecontact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.Set;
import kz.qorgau.safecontact.ContactRules.ChannelRule;
import org.junit.jupiter.api.Test;

class ContactRulesTest {

    static final ZoneId ALMATY = ZoneId.of("Asia/Almaty");

    /** Calls on weekdays before six; nothing else. */
    static final ContactRules RULES = new ContactRules(Map.of(
            Channel.PHONE_CALL,
            new ChannelRule(
                    true,
                    Set.of(
                            DayOfWeek.MONDAY,
                            DayOfWeek.TUESDAY,
                            DayOfWeek.WEDNESDAY,
                            DayOfWeek.THURSDAY,
                            DayOfWeek.FRIDAY),
                    LocalTime.of(9, 0),
                    LocalTime.of(18, 0))));

    static ZonedDateTime at(String local) {
        return LocalDateTime.parse(local).atZone(ALMATY);
    }

    @Test
    void aCallIsAllowedOnlyOnItsDaysBetweenItsHours() {
        // 2026-12-02 is a Wednesday.
        assertTrue(RULES.refusal(Channel.PHONE_CALL, at("2026-12-02T09:00")).isEmpty());
        assertTrue(RULES.refusal(Channel.PHONE_CALL, at("2026-12-02T17:59")).isEmpty());
        assertEquals(
                "outside-safe-hours",
                RULES.refusal(Channel.PHONE_CALL, at("2026-12-02T18:00"))
                        .orElseThrow()
                        .type());
        assertEquals(
                "outside-safe-hours",
                RULES.refusal(Channel.PHONE_CALL, at("2026-12-02T08:59"))
                        .orElseThrow()
                        .type());
        assertEquals(
                "outside-safe-hours",
                RULES.refusal(Channel.PHONE_CALL, at("2026-12-05T11:00"))
                        .orElseThrow()
                        .type());
    }

    @Test
    void aChannelNotStatedIsUnsafe() {
        assertEquals(
                "channel-unsafe",
                RULES.refusal(Channel.SMS, at("2026-12-02T11:00")).orElseThrow().type());
        assertTrue(RULES.releases(Channel.Uses.PHONE));
        assertFalse(RULES.releases(Channel.Uses.ADDRESS));
        assertFalse(RULES.releases(Channel.Uses.EMAIL));
    }

    @Test
    void theRefusalSaysWhenItIsSafe() {
        String detail = RULES.refusal(Channel.PHONE_CALL, at("2026-12-02T19:00"))
                .orElseThrow()
                .detail();
        assertTrue(detail.contains("Monday, Tuesday, Wednesday, Thursday, Friday 09:00–18:00"), detail);
        assertTrue(detail.contains("Wednesday 19:00"), detail);
    }

    @Test
    void problemsAreNamedPerChannel() {
        assertEquals(6, ContactRules.problems(Map.of()).size());
        Map<Channel, ChannelRule> halfWindow = new java.util.EnumMap<>(Channel.class);
        for (Channel channel : Channel.values()) {
            halfWindow.put(channel, ChannelRule.UNSAFE);
        }
        halfWindow.put(Channel.SMS, new ChannelRule(true, Set.of(), LocalTime.NOON, null));
        halfWindow.put(Channel.LETTER, new ChannelRule(true, Set.of(), LocalTime.NOON, LocalTime.NOON));
        halfWindow.put(Channel.EMAIL, new ChannelRule(false, Set.of(DayOfWeek.MONDAY), null, null));
        assertEquals(3, ContactRules.problems(halfWindow).size());
    }

    @Test
    void narrowerDaysOrHoursOrAnUnsafeChannelTightenAnythingElseLoosens() {
        ContactRules narrower = new ContactRules(Map.of(
                Channel.PHONE_CALL,
                new ChannelRule(true, Set.of(DayOfWeek.MONDAY), LocalTime.of(10, 0), LocalTime.of(17, 0))));
        assertFalse(narrower.loosens(RULES));
        assertFalse(new ContactRules(Map.of()).loosens(RULES));
        assertTrue(RULES.loosens(narrower));
        ContactRules everyDay = new ContactRules(
                Map.of(Channel.PHONE_CALL, new ChannelRule(true, Set.of(), LocalTime.of(9, 0), LocalTime.of(18, 0))));
        assertTrue(everyDay.loosens(RULES));
        ContactRules allDay = new ContactRules(Map.of(
                Channel.PHONE_CALL,
                new ChannelRule(
                        true,
                        Set.of(
                                DayOfWeek.MONDAY,
                                DayOfWeek.TUESDAY,
                                DayOfWeek.WEDNESDAY,
                                DayOfWeek.THURSDAY,
                                DayOfWeek.FRIDAY),
                        null,
                        null)));
        assertTrue(allDay.loosens(RULES));
        ContactRules textsToo = new ContactRules(Map.of(
                Channel.PHONE_CALL,
                RULES.channels().get(Channel.PHONE_CALL),
                Channel.SMS,
                new ChannelRule(true, Set.of(), null, null)));
        assertTrue(textsToo.loosens(RULES));
    }
}
