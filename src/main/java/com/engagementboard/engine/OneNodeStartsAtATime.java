package com.engagementboard.engine;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;
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
 * that finds the lock taken waits, says so in its log every 30 seconds, and gives up after
 * {@code engagement-board.cluster.start-lock-timeout} (15 minutes). Advisory locks belong to one database, so
 * installations on other databases of the same server do not wait for each other. The embedded H2 database
 * belongs to one node: no lock there.
 */
@Component
class OneNodeStartsAtATime implements BeanPostProcessor, ApplicationListener<ApplicationReadyEvent>, DisposableBean {

    /** The lock's key, shared by every node of this application ("EB start"); Flyway uses keys of its own. */
    static final long LOCK_KEY = 0x45_42_5f_73_74_61_72_74L;

    private static final Logger LOG = LoggerFactory.getLogger(OneNodeStartsAtATime.class);

    private final Duration timeout;
    private Connection holder;
    private boolean tried;

    /** {@code engagement-board.cluster.start-lock-timeout} (15 minutes): how long a node waits for another's start. */
    OneNodeStartsAtATime(Environment environment) {
        this.timeout = environment.getProperty("engagement-board.cluster.start-lock-timeout", Duration.class,
                Duration.ofMinutes(15));
    }

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
                await(connection);
            }
            holder = connection;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not take the start lock on the database", e);
        }
    }

    /**
     * Waits for the node that holds the lock, saying so every 30 seconds (a waiting node is neither live nor
     * ready: its web server has not started), and gives up after the timeout, so that a node stuck in its start
     * does not hold every other one for ever.
     */
    private void await(Connection connection) throws SQLException {
        long started = System.nanoTime();
        LOG.warn("Another node is starting on this database; this one starts when that one is ready (waiting at "
                + "most {})", timeout);
        long nextWord = 30;
        while (!tryLock(connection)) {
            long waited = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);
            if (waited >= timeout.toSeconds()) {
                connection.close();
                throw new IllegalStateException("Another node has been starting on this database for " + timeout
                        + " and still holds the start lock; see its log, or raise "
                        + "engagement-board.cluster.start-lock-timeout");
            }
            if (waited >= nextWord) {
                LOG.warn("Still waiting for another node's start after {} s", waited);
                nextWord += 30;
            }
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                connection.close();
                throw new IllegalStateException("Interrupted while waiting for another node's start", e);
            }
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
