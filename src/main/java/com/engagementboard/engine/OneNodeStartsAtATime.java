package com.engagementboard.engine;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

/**
 * Nodes of a cluster start one after another on their shared PostgreSQL database. Started at the same
 * moment on an empty database, two nodes both created Camunda's tables and one of them failed
 * ({@code ENGINE-03017 ... duplicate key value violates unique constraint "pg_type_typname_nsp_index"}); the
 * start's own writes after that (users and groups, the demo organisation, filters, the board's first
 * meeting) look before they insert, which two nodes can do at the same moment. Flyway's lock and Camunda's
 * deployment lock each cover one step only.
 *
 * <p>So the node takes a PostgreSQL advisory lock, on a connection of its own, as soon as the data source
 * exists (before Flyway, the engine or anything else uses it) and gives it back when the node is ready, or
 * when its start fails. A node killed while starting loses its connection and, with it, the lock. A node
 * that finds the lock taken waits (and says so in its log). Advisory locks belong to one database, so
 * installations on other databases of the same server do not wait for each other. The embedded H2 database
 * belongs to one node: no lock there.
 */
@Component
class OneNodeStartsAtATime implements BeanPostProcessor, ApplicationListener<ApplicationReadyEvent>, DisposableBean {

    /** The lock's key, shared by every node of this application ("EB start"); Flyway uses keys of its own. */
    static final long LOCK_KEY = 0x45_42_5f_73_74_61_72_74L;

    private static final Logger LOG = LoggerFactory.getLogger(OneNodeStartsAtATime.class);

    private Connection holder;
    private boolean tried;

    @Override
    public synchronized Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof DataSource dataSource && !tried) {
            tried = true;
            lock(dataSource);
        }
        return bean;
    }

    private void lock(DataSource dataSource) {
        try {
            Connection connection = dataSource.getConnection();
            if (!"PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
                connection.close();
                return;
            }
            if (!tryLock(connection)) {
                LOG.info("Another node is starting on this database; this one starts when that one is ready");
                execute(connection, "select pg_advisory_lock(" + LOCK_KEY + ")");
            }
            holder = connection;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not take the start lock on the database", e);
        }
    }

    private static boolean tryLock(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("select pg_try_advisory_lock(" + LOCK_KEY + ")")) {
            return result.next() && result.getBoolean(1);
        }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        release();
    }

    /** A failed start destroys the beans: the next node need not wait for this process to end. */
    @Override
    public void destroy() {
        release();
    }

    private synchronized void release() {
        if (holder == null) {
            return;
        }
        try (Connection connection = holder) {
            execute(connection, "select pg_advisory_unlock(" + LOCK_KEY + ")");
        } catch (SQLException e) {
            LOG.warn("Could not give back the start lock; it goes with the connection: {}", e.toString());
        } finally {
            holder = null;
        }
    }
}
