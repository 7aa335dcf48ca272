package com.engagementboard.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.engagementboard.EngagementBoardTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;

/** Sessions in the database, as every node of a cluster reads them (Spring Session JDBC). */
@EngagementBoardTest
class SessionStoreTest {

    @Autowired
    JdbcIndexedSessionRepository sessions;

    @Test
    void twoRequestsStoringTheSameNewAttributeAtOnceBothSucceed() {
        race(sessions);
    }

    private static <S extends Session> void race(SessionRepository<S> sessions) {
        S session = sessions.createSession();
        sessions.save(session);
        // Two requests of the session, each loaded before the other saved, as the Tasklist's first calls are.
        S first = sessions.findById(session.getId());
        S second = sessions.findById(session.getId());
        first.setAttribute("CAMUNDA_CSRF_TOKEN", "first");
        second.setAttribute("CAMUNDA_CSRF_TOKEN", "second");
        sessions.save(first);
        sessions.save(second);

        assertThat(sessions.findById(session.getId()).<String>getAttribute("CAMUNDA_CSRF_TOKEN")).isEqualTo("second");
        sessions.deleteById(session.getId());
        assertThat(sessions.findById(session.getId())).isNull();
    }
}
