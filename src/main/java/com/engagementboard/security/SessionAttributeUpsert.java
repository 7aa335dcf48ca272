package com.engagementboard.security;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * Two requests of one session at once (the Tasklist sends several as it opens) may both store the same
 * new attribute; Spring Session stores a new attribute with a plain INSERT, so the second broke the
 * table's key and answered 500 (spring-session issue 1213). The attribute is written as an upsert
 * instead: PostgreSQL's {@code ON CONFLICT} (Spring Session's own customizer) and H2's {@code MERGE}.
 */
@Component
class SessionAttributeUpsert implements SessionRepositoryCustomizer<JdbcIndexedSessionRepository> {

    static final String H2_UPSERT = """
            MERGE INTO %TABLE_NAME%_ATTRIBUTES (SESSION_PRIMARY_ID, ATTRIBUTE_NAME, ATTRIBUTE_BYTES)
            KEY (SESSION_PRIMARY_ID, ATTRIBUTE_NAME) VALUES (?, ?, ?)""";

    private final DataSource dataSource;

    SessionAttributeUpsert(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void customize(JdbcIndexedSessionRepository sessions) {
        String database;
        try (Connection connection = dataSource.getConnection()) {
            database = connection.getMetaData().getDatabaseProductName();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not tell which database holds the sessions", e);
        }
        if ("PostgreSQL".equals(database)) {
            new PostgreSqlJdbcIndexedSessionRepositoryCustomizer().customize(sessions);
        } else if ("H2".equals(database)) {
            sessions.setCreateSessionAttributeQuery(H2_UPSERT);
        }
    }
}
