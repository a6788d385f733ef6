package kz.qorgau.common;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** Which failures mean the database is away (503) rather than a defect (500). */
class DatabaseUnreachableTest {

    @Test
    void aCommitTheServerCutShortIsTheDatabaseAway() {
        // As Narayana reports it: the driver's error suppressed inside the XAException, not its cause.
        Exception xa = new Exception("Error trying to transactionCommit local transaction");
        xa.addSuppressed(new SQLException("FATAL: terminating connection due to administrator command", "57P01"));
        Exception rollback = new Exception("ARJUNA016053: Could not commit transaction.");
        rollback.addSuppressed(xa);
        assertTrue(DatabaseUnreachable.isCause(new RuntimeException("Error invoking subclass method", rollback)));
    }

    @Test
    void aConstraintViolationIsNot() {
        assertFalse(DatabaseUnreachable.isCause(new RuntimeException(new SQLException("duplicate key", "23505"))));
    }
}
