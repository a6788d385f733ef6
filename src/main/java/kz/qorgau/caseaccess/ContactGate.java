package kz.qorgau.caseaccess;

import java.util.EnumMap;
import java.util.Map;
import kz.qorgau.caseaccess.ContactRelease.ContactRulesStanding;

/**
 * Which items of her contact data an agency other than her case's lead does not get although her consent covers
 * them, as a plain function of her safe-contact rules. The lead agency collected the data and keeps it; every
 * other agency gets her phone, e-mail, address and the places an order protects only after acknowledging the
 * current rules, and never one of the first three when no channel that uses it is safe.
 */
public final class ContactGate {

    private ContactGate() {}

    /** @param rules where her rules stand for the agency; null when none were recorded */
    public static Map<DataItem, Withholding> withheld(ContactRulesStanding rules) {
        Map<DataItem, Withholding> withheld = new EnumMap<>(DataItem.class);
        if (rules == null) {
            withheld.put(DataItem.SURVIVOR_PHONE, Withholding.NO_CONTACT_RULES);
            withheld.put(DataItem.SURVIVOR_ADDRESS, Withholding.NO_CONTACT_RULES);
            withheld.put(DataItem.SURVIVOR_EMAIL, Withholding.NO_CONTACT_RULES);
            withheld.put(DataItem.ORDER_PLACES, Withholding.NO_CONTACT_RULES);
            return withheld;
        }
        Withholding unread = rules.acknowledged() ? null : Withholding.RULES_NOT_ACKNOWLEDGED;
        // An unsafe channel is named even before acknowledgement: acknowledging will not release it.
        Withholding phone = rules.phoneSafe() ? unread : Withholding.CHANNEL_UNSAFE;
        Withholding address = rules.addressSafe() ? unread : Withholding.CHANNEL_UNSAFE;
        Withholding email = rules.emailSafe() ? unread : Withholding.CHANNEL_UNSAFE;
        if (phone != null) {
            withheld.put(DataItem.SURVIVOR_PHONE, phone);
        }
        if (address != null) {
            withheld.put(DataItem.SURVIVOR_ADDRESS, address);
        }
        if (email != null) {
            withheld.put(DataItem.SURVIVOR_EMAIL, email);
        }
        // The places an order keeps him from are mostly her home: they go where her address goes.
        if (address != null) {
            withheld.put(DataItem.ORDER_PLACES, address);
        }
        return withheld;
    }
}
