package db.migration;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * A sequence for the charter's allocations, drawn 50 at a time (Hibernate's pooled optimizer), so that a
 * charter's thousands of rights are inserted in JDBC batches: with identity ids each insert was a round
 * trip of its own. It starts past the ids in use (and past the block the optimizer reads below the value
 * it draws). In Java because the start value is computed, in a form both H2 and PostgreSQL accept.
 */
public class V8__Allocation_sequence extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        long start;
        try (Statement read = connection.createStatement();
                ResultSet max = read.executeQuery("select coalesce(max(id), 0) + 51 from charter_allocation")) {
            max.next();
            start = max.getLong(1);
        }
        try (Statement create = connection.createStatement()) {
            create.execute("create sequence charter_allocation_seq start with " + start + " increment by 50");
        }
    }
}
