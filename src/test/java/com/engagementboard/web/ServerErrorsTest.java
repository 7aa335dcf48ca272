package com.engagementboard.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A failure inside the application's API reaches the client as a 500 problem with a reference, and
 * none of the failure's text. (The doors of the engine and the webapps: {@code WebSecurityIT}.)
 */
class ServerErrorsTest {

    private static final String SQL_FAILURE = "ENGINE-03083 Exception while executing Batch Database Operations "
            + "with message 'org.h2.jdbc.JdbcSQLIntegrityConstraintViolationException: Unique index or primary key "
            + "violation: \"PUBLIC.PRIMARY_KEY_8 ON PUBLIC.ACT_ID_USER(ID_)\"; SQL statement: insert into ACT_ID_USER'";

    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new FailingController())
            .setControllerAdvice(new ProblemDetailsAdvice()).build();

    @Test
    void anEngineFailureIsA500WithAReferenceAndNoEngineText() throws Exception {
        String body = mvc.perform(get("/engine-failure"))
                .andExpect(status().isInternalServerError())
                .andExpect(jsonPath("$.title").value(ServerErrors.TITLE))
                .andExpect(jsonPath("$.reference").isString())
                .andReturn().getResponse().getContentAsString();
        assertThat(body).doesNotContain("ENGINE-", "org.", "SQL", "Exception", "ACT_ID_USER", "at com.");
    }

    @Test
    void anyOtherFailureToo() throws Exception {
        String body = mvc.perform(get("/other-failure"))
                .andExpect(status().isInternalServerError())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("reference")))
                .andReturn().getResponse().getContentAsString();
        assertThat(body).doesNotContain("NullPointer", "Exception", "select", "at com.");
    }

    @RestController
    static class FailingController {

        @GetMapping("/engine-failure")
        String engine() {
            throw new ProcessEngineException(SQL_FAILURE);
        }

        @GetMapping("/other-failure")
        String other() {
            throw new IllegalStateException("NullPointerException in select * from ACT_RU_TASK",
                    new NullPointerException());
        }
    }
}
