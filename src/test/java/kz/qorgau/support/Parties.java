package kz.qorgau.support;

import java.util.UUID;
import kz.qorgau.security.Role;
import kz.qorgau.support.AccessMatrix.Relation;

/**
 * The callers of the access matrices: the almaty network's police precinct (which owns the objects and
 * sends the referrals), its social protection department (their receiver), an agency of almaty unrelated
 * to them, and the astana network.
 */
public final class Parties {

    public final Network almaty;
    public final Network astana;
    public final UUID unrelated;

    private Parties() {
        almaty = Network.of("almaty");
        astana = Network.of("astana");
        unrelated = almaty.register(almaty.uniqueName("Unrelated legal aid"), "LEGAL_AID", "[\"LEGAL_AID\"]");
    }

    public static Parties create() {
        return new Parties();
    }

    /** A token of the role at the agency that stands in the given relation to the objects. */
    public String token(Role role, Relation relation) {
        return switch (relation) {
            case OWN, SENDER -> almaty.token(role, almaty.police);
            case RECEIVER -> almaty.token(role, almaty.socialProtection);
            case OTHER_AGENCY -> almaty.token(role, unrelated);
            case OTHER_TENANT ->
                TestTokens.tenant("astana").agency(astana.police).roles(role).sign();
        };
    }
}
