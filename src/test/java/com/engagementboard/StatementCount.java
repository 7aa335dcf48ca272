package com.engagementboard;

import jakarta.persistence.EntityManagerFactory;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;

/**
 * How many SQL statements Hibernate prepared while some code ran: a test that a page of a list is a
 * few queries, the same for a page of one row as for a page of many (not one more query per row).
 * Statistics are switched on only around the code; tests run one after another in the shared context.
 */
public final class StatementCount {

    /** Code that may throw, as a MockMvc call does. */
    @FunctionalInterface
    public interface Work {
        void run() throws Exception;
    }

    private StatementCount() {
    }

    public static long of(EntityManagerFactory persistence, Work work) throws Exception {
        Statistics statistics = persistence.unwrap(SessionFactory.class).getStatistics();
        boolean wasEnabled = statistics.isStatisticsEnabled();
        statistics.clear();
        statistics.setStatisticsEnabled(true);
        try {
            work.run();
            return statistics.getPrepareStatementCount();
        } finally {
            statistics.setStatisticsEnabled(wasEnabled);
        }
    }
}
