package db.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.LinkedHashSet;
import java.util.Set;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Fills the search rows of the decision register (V7) for the decisions written before them: one row
 * per touchpoint and per function code of each decision's comma-separated columns. In Java rather than
 * SQL because splitting a string into rows has no form that both H2 and PostgreSQL understand, and a
 * join against today's touchpoints and functions would miss the codes of those removed since.
 */
public class V7_1__Decision_search_rows extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        try (Statement read = connection.createStatement();
                ResultSet decisions = read.executeQuery("select id, touchpoints, functions from board_decision");
                PreparedStatement touchpoint = connection.prepareStatement(
                        "insert into board_decision_touchpoint (decision_id, touchpoint_code) values (?, ?)");
                PreparedStatement function = connection.prepareStatement(
                        "insert into board_decision_function (decision_id, function_code) values (?, ?)")) {
            while (decisions.next()) {
                long id = decisions.getLong(1);
                add(touchpoint, id, decisions.getString(2));
                add(function, id, decisions.getString(3));
            }
            touchpoint.executeBatch();
            function.executeBatch();
        }
    }

    private static void add(PreparedStatement insert, long decisionId, String codes) throws Exception {
        if (codes == null) {
            return;
        }
        Set<String> distinct = new LinkedHashSet<>();
        for (String code : codes.split(",")) {
            if (!code.isBlank()) {
                distinct.add(code.trim());
            }
        }
        for (String code : distinct) {
            insert.setLong(1, decisionId);
            insert.setString(2, code);
            insert.addBatch();
        }
    }
}
