package com.engagementboard.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.security.web.firewall.RequestRejectedException;

/** What {@code /error} answers a client that is not a browser: problem details, never Spring Boot's default body. */
class ProblemErrorControllerTest {

    @Test
    void anAddressTheFirewallRefusesIsA400SayingWhatToChange() {
        Map<String, Object> problem = ProblemErrorController.problem(400,
                new RequestRejectedException("The request was rejected because the URL contained \";\""), "/api/a;b");
        assertThat(problem).containsEntry("status", 400).containsEntry("title", "Address refused")
                .doesNotContainKeys("timestamp", "error", "path", "message");
        assertThat((String) problem.get("detail")).contains("';'").doesNotContain("rejected because");
    }

    @Test
    void aServerFailureGivesOnlyAReference() {
        Map<String, Object> problem = ProblemErrorController.problem(500, new IllegalStateException("SQL state 23505"),
                "/api/x");
        assertThat(problem).containsEntry("status", 500).containsEntry("type", ServerErrors.TYPE.toString())
                .containsKey("reference");
        assertThat(problem.toString()).doesNotContain("SQL").doesNotContain("IllegalState");
    }

    @Test
    void errorAskedForItselfIsNotFound() {
        assertThat(ProblemErrorController.problem(null, null, null)).containsEntry("status", 404);
    }
}
