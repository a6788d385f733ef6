package kz.qorgau.common;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;

/** Values of native query rows, whose Java types depend on the driver and Hibernate's mapping of the column. */
public final class SqlValues {

    private SqlValues() {}

    /** A timestamptz column as an Instant; null stays null. */
    public static Instant instant(Object value) {
        if (value == null || value instanceof Instant) {
            return (Instant) value;
        }
        if (value instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        return ((Timestamp) value).toInstant();
    }

    /** A date column as a LocalDate; null stays null. */
    public static java.time.LocalDate localDate(Object value) {
        if (value == null || value instanceof java.time.LocalDate) {
            return (java.time.LocalDate) value;
        }
        return ((java.sql.Date) value).toLocalDate();
    }
}
