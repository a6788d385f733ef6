package kz.qorgau.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import kz.qorgau.security.Role;

/**
 * Calls one endpoint as every role from every relation to the object and checks each cell's status, and
 * that a refusal is a problem detail. Failures are collected, so one run shows the whole wrong table.
 */
public final class AccessMatrix {

    /** How the caller's agency stands to the object: owns it (or is a referral's end), or not, or elsewhere. */
    public enum Relation {
        OWN,
        SENDER,
        RECEIVER,
        OTHER_AGENCY,
        OTHER_TENANT
    }

    public interface Call {
        Response apply(Role role, Relation relation);
    }

    public interface Expect<T> {
        T apply(Role role, Relation relation);
    }

    /** The people who work cases. */
    public static final Set<Role> CASE_WORKERS =
            EnumSet.of(Role.POLICE_INSPECTOR, Role.SOCIAL_WORKER, Role.NGO_CASEWORKER, Role.HOTLINE_OPERATOR);

    private AccessMatrix() {}

    public static Set<Role> with(Set<Role> roles, Role... more) {
        Set<Role> all = EnumSet.copyOf(roles);
        all.addAll(List.of(more));
        return all;
    }

    /** The usual rule of an object endpoint: the role must have the function, then see the object. */
    public static int objectRule(Set<Role> mayCall, Role role, Relation relation, int success) {
        if (!mayCall.contains(role)) {
            return 403;
        }
        boolean sees = switch (relation) {
            case OWN, SENDER, RECEIVER -> true;
            case OTHER_AGENCY -> role == Role.COORDINATOR;
            case OTHER_TENANT -> false;
        };
        return sees ? success : 404;
    }

    public static void assertMatrix(Set<Relation> relations, Call call, Expect<Integer> expected) {
        assertMatrix(relations, call, expected, (role, relation) -> true, response -> true);
    }

    public static void assertMatrix(
            Set<Relation> relations,
            Call call,
            Expect<Integer> expected,
            Expect<Boolean> expectedContent,
            Function<Response, Boolean> content) {
        List<String> wrong = new ArrayList<>();
        for (Role role : Role.values()) {
            for (Relation relation : relations) {
                Response response = call.apply(role, relation);
                int want = expected.apply(role, relation);
                String cell = role + " x " + relation;
                if (response.statusCode() != want) {
                    wrong.add(
                            cell + ": expected " + want + " got " + response.statusCode() + " " + response.asString());
                } else if (want >= 400 && !response.contentType().startsWith("application/problem+json")) {
                    wrong.add(cell + ": " + want + " without a problem detail");
                } else if (want < 300 && !content.apply(response).equals(expectedContent.apply(role, relation))) {
                    wrong.add(cell + ": expected the object " + (expectedContent.apply(role, relation) ? "" : "not ")
                            + "to be listed");
                }
            }
        }
        assertEquals(List.of(), wrong);
    }

    /**
     * The same check for a test's own relations to its object: every role from every relation, each cell's status,
     * and a problem detail for each refusal.
     */
    public static <R extends Enum<R>> void assertTable(
            Class<R> relations,
            java.util.function.BiFunction<Role, R, Response> call,
            java.util.function.BiFunction<Role, R, Integer> expected) {
        List<String> wrong = new ArrayList<>();
        for (Role role : Role.values()) {
            for (R relation : relations.getEnumConstants()) {
                Response response = call.apply(role, relation);
                int want = expected.apply(role, relation);
                if (response.statusCode() != want) {
                    wrong.add(role + " x " + relation + ": expected " + want + " got " + response.statusCode() + " "
                            + response.asString());
                } else if (want >= 400 && !response.contentType().startsWith("application/problem+json")) {
                    wrong.add(role + " x " + relation + ": " + want + " without a problem detail");
                }
            }
        }
        assertEquals(List.of(), wrong, wrong.size() + " cells differ");
    }
}
