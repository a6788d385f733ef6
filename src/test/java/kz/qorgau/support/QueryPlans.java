package kz.qorgau.support;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** What PostgreSQL would do with a statement: the lines of an EXPLAIN, as one text to look for an index in. */
public final class QueryPlans {

    private QueryPlans() {}

    public static String explain(Statement statement, String explain) throws SQLException {
        StringBuilder plan = new StringBuilder();
        try (ResultSet rows = statement.executeQuery(explain)) {
            while (rows.next()) {
                plan.append(rows.getString(1)).append('\n');
            }
        }
        return plan.toString();
    }
}
