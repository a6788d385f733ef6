package kz.qorgau.safecontact;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How it is safe to contact her, as plain Java: for every channel whether it is safe and on which days and hours,
 * and what decides whether a contact may be made and which of her contact data may leave the lead agency.
 */
public record ContactRules(Map<Channel, ChannelRule> channels) {

    /**
     * One channel: unsafe, or safe on these days (every day when empty) between these local times (all day when
     * both are absent; {@code until} is exclusive).
     */
    public record ChannelRule(boolean safe, Set<DayOfWeek> days, LocalTime from, LocalTime until) {

        public static final ChannelRule UNSAFE = new ChannelRule(false, Set.of(), null, null);

        public ChannelRule {
            days = days == null ? Set.of() : Set.copyOf(days);
        }

        boolean allows(ZonedDateTime at) {
            if (!safe) {
                return false;
            }
            if (!days.isEmpty() && !days.contains(at.getDayOfWeek())) {
                return false;
            }
            if (from == null) {
                return true;
            }
            LocalTime time = at.toLocalTime();
            return !time.isBefore(from) && time.isBefore(until);
        }

        String window() {
            String on = days.isEmpty()
                    ? "every day"
                    : days.stream()
                            .sorted()
                            .map(d -> d.getDisplayName(TextStyle.FULL, Locale.ENGLISH))
                            .collect(Collectors.joining(", "));
            return from == null ? on : on + " " + from + "–" + until;
        }
    }

    /** Why a contact may not be made. */
    public record Refusal(String type, String detail) {}

    public ContactRules {
        Map<Channel, ChannelRule> all = new EnumMap<>(Channel.class);
        for (Channel channel : Channel.values()) {
            all.put(channel, channels.getOrDefault(channel, ChannelRule.UNSAFE));
        }
        channels = Map.copyOf(all);
    }

    /** What is wrong with the rules as given, field by field; empty when they can be recorded. */
    public static List<String[]> problems(Map<Channel, ChannelRule> given) {
        List<String[]> problems = new ArrayList<>();
        for (Channel channel : Channel.values()) {
            ChannelRule rule = given.get(channel);
            String field = "channels[" + channel + "]";
            if (rule == null) {
                problems.add(new String[] {"channels", "must say whether " + channel + " is safe"});
            } else if (!rule.safe() && (!rule.days().isEmpty() || rule.from() != null || rule.until() != null)) {
                problems.add(new String[] {field, "an unsafe channel has no safe days or hours"});
            } else if ((rule.from() == null) != (rule.until() == null)) {
                problems.add(new String[] {field, "from and until go together"});
            } else if (rule.from() != null && !rule.from().isBefore(rule.until())) {
                problems.add(new String[] {field, "from must be before until"});
            }
        }
        return problems;
    }

    /** Whether an agency may use this channel at that moment (in her network's time zone), and if not, why. */
    public Optional<Refusal> refusal(Channel channel, ZonedDateTime at) {
        ChannelRule rule = channels.get(channel);
        if (!rule.safe()) {
            return Optional.of(new Refusal(
                    "channel-unsafe", name(channel) + " is marked unsafe for her: it must not be used at all"));
        }
        if (!rule.allows(at)) {
            return Optional.of(new Refusal(
                    "outside-safe-hours",
                    name(channel) + " is safe only " + rule.window() + " (" + at.getZone() + "); "
                            + at.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " "
                            + at.toLocalTime().withSecond(0).withNano(0) + " is outside that"));
        }
        return Optional.empty();
    }

    /**
     * Whether these rules allow a contact the current ones do not: a channel made safe, or safe on another day or
     * at another hour. Only her case's lead agency may loosen her rules; any agency on her case may tighten them.
     */
    public boolean loosens(ContactRules current) {
        for (Channel channel : Channel.values()) {
            ChannelRule now = current.channels.get(channel);
            ChannelRule proposed = channels.get(channel);
            if (!proposed.safe()) {
                continue;
            }
            if (!now.safe()) {
                return true;
            }
            boolean moreDays = now.days().isEmpty()
                    ? false
                    : proposed.days().isEmpty() || !now.days().containsAll(proposed.days());
            LocalTime nowFrom = now.from() == null ? LocalTime.MIN : now.from();
            LocalTime nowUntil = now.until() == null ? LocalTime.MAX : now.until();
            LocalTime proposedFrom = proposed.from() == null ? LocalTime.MIN : proposed.from();
            LocalTime proposedUntil = proposed.until() == null ? LocalTime.MAX : proposed.until();
            if (moreDays || proposedFrom.isBefore(nowFrom) || proposedUntil.isAfter(nowUntil)) {
                return true;
            }
        }
        return false;
    }

    /** Whether any channel that uses this item of her data is safe at some time. */
    public boolean releases(Channel.Uses data) {
        return Channel.using(data).stream().anyMatch(c -> channels.get(c).safe());
    }

    private static String name(Channel channel) {
        return switch (channel) {
            case PHONE_CALL -> "A phone call";
            case SMS -> "A text message";
            case MESSENGER -> "A messenger";
            case EMAIL -> "An e-mail";
            case HOME_VISIT -> "A home visit";
            case LETTER -> "A letter";
        };
    }
}
