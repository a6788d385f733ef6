package kz.qorgau.safecontact;

import java.util.EnumSet;
import java.util.Set;

/** The ways an agency may try to reach her, and which of her data each one uses. */
public enum Channel {
    PHONE_CALL(Uses.PHONE),
    SMS(Uses.PHONE),
    MESSENGER(Uses.PHONE),
    EMAIL(Uses.EMAIL),
    HOME_VISIT(Uses.ADDRESS),
    LETTER(Uses.ADDRESS);

    /** The item of her contact data a channel needs. */
    public enum Uses {
        PHONE,
        ADDRESS,
        EMAIL
    }

    private final Uses uses;

    Channel(Uses uses) {
        this.uses = uses;
    }

    public Uses uses() {
        return uses;
    }

    public static Set<Channel> using(Uses data) {
        Set<Channel> channels = EnumSet.noneOf(Channel.class);
        for (Channel channel : values()) {
            if (channel.uses == data) {
                channels.add(channel);
            }
        }
        return channels;
    }
}
