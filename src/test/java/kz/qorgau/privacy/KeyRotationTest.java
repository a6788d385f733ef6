package kz.qorgau.privacy;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import javax.crypto.spec.SecretKeySpec;
import kz.qorgau.casefile.SurvivorReencryption;
import kz.qorgau.security.Role;
import kz.qorgau.support.Flows;
import kz.qorgau.support.Network;
import kz.qorgau.support.OwnerDatabase;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * A key rotation: the service runs with a new active key beside the old one, values sealed under the old
 * key still open, and the re-encryption job moves every survivor onto the new key.
 */
@QuarkusTest
@TestProfile(KeyRotationTest.Rotated.class)
class KeyRotationTest {

    public static class Rotated implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "qorgau.encryption.keys.rotated-2026b",
                    "q1uTq7m3v2fK0u3X9m1Yb6rN2cH8dP4sW7eL5tA0gQk=",
                    "qorgau.encryption.active-key",
                    "rotated-2026b");
        }
    }

    @Inject
    SurvivorReencryption reencryption;

    @Test
    void survivorsSealedUnderTheOldKeyStayReadableAndMoveToTheNewOne() throws Exception {
        Network almaty = Network.of("almaty");
        String inspector = almaty.token(Role.POLICE_INSPECTOR, almaty.police);
        UUID caseId = Flows.caseFile(inspector);
        UUID survivor = sealUnderTheOldKey(caseId);
        assertEquals("demo-2026a", keyOf(survivor));

        given().auth()
                .oauth2(inspector)
                .get("/api/v1/cases/" + caseId)
                .then()
                .statusCode(200)
                .body("survivor.fullName", equalTo("Aigerim Sultanova"), "survivor.phone", equalTo("+7 701 555 12 12"));
        reencryption.reencryptAll();
        assertEquals("rotated-2026b", keyOf(survivor));
        given().auth()
                .oauth2(inspector)
                .get("/api/v1/cases/" + caseId)
                .then()
                .statusCode(200)
                .body(
                        "survivor.fullName",
                        equalTo("Aigerim Sultanova"),
                        "survivor.address",
                        equalTo("Almaty, Abay ave 10, apt 5"));
        // The search hashes do not depend on the encryption key: she is still found.
        given().auth()
                .oauth2(inspector)
                .queryParam("survivorPhone", "+77015551212")
                .get("/api/v1/cases")
                .then()
                .statusCode(200)
                .body("items.id", org.hamcrest.Matchers.hasItem(caseId.toString()));
    }

    /** Re-seals her values as a deployment before the rotation would have written them. */
    private UUID sealUnderTheOldKey(UUID caseId) throws Exception {
        byte[] oldKey = Base64.getDecoder()
                .decode(ConfigProvider.getConfig().getValue("qorgau.encryption.keys.demo-2026a", String.class));
        FieldCipher old = new FieldCipher(Map.of("demo-2026a", new SecretKeySpec(oldKey, "AES")), "demo-2026a");
        try (Connection c = OwnerDatabase.connect();
                PreparedStatement update = c.prepareStatement("""
                update survivor set key_id = 'demo-2026a', full_name_sealed = ?, birth_date_sealed = ?, phone_sealed = ?,
                    address_sealed = ? where id = (select survivor_id from case_file where id = ?) returning id""")) {
            UUID survivor = survivorOf(c, caseId);
            update.setBytes(1, old.seal("Aigerim Sultanova", "survivor/almaty/" + survivor + "/full_name"));
            update.setBytes(2, old.seal("1991-04-02", "survivor/almaty/" + survivor + "/birth_date"));
            update.setBytes(3, old.seal("+7 701 555 12 12", "survivor/almaty/" + survivor + "/phone"));
            update.setBytes(4, old.seal("Almaty, Abay ave 10, apt 5", "survivor/almaty/" + survivor + "/address"));
            update.setObject(5, caseId);
            update.execute();
            return survivor;
        }
    }

    private static UUID survivorOf(Connection c, UUID caseId) throws Exception {
        try (PreparedStatement select = c.prepareStatement("select survivor_id from case_file where id = ?")) {
            select.setObject(1, caseId);
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                return rs.getObject(1, UUID.class);
            }
        }
    }

    private String keyOf(UUID survivor) throws Exception {
        try (Connection c = OwnerDatabase.connect();
                PreparedStatement select = c.prepareStatement("select key_id from survivor where id = ?")) {
            select.setObject(1, survivor);
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }
}
