package com.engagementboard.web;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.EnumSet;
import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * How {@code /api} answers a refused transition: 409 problem details with the reason, whether the
 * refusal reaches the controller as it is or wrapped by the engine (a task listener's refusal is).
 * No endpoint of the API today can ask for a forbidden move, so two stand-ins throw it.
 */
class IllegalTransitionProblemTest {

    enum State { RETURNED, DECIDED }

    @RestController
    static class Refusing {

        static IllegalTransitionException refusal() {
            return new IllegalTransitionException("Agenda item 12", State.DECIDED, "withdrawn",
                    EnumSet.of(State.RETURNED));
        }

        @PostMapping("/api/refused")
        void refused() {
            throw refusal();
        }

        @PostMapping("/api/refused-in-the-engine")
        void refusedInTheEngine() {
            throw new ProcessEngineException("Exception while invoking TaskListener", refusal());
        }
    }

    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new Refusing())
            .setControllerAdvice(new ProblemDetailsAdvice()).build();

    @Test
    void aRefusedTransitionIsAConflictWithItsReason() throws Exception {
        for (String path : new String[] { "/api/refused", "/api/refused-in-the-engine" }) {
            mvc.perform(post(path))
                    .andExpect(status().isConflict())
                    .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                    .andExpect(jsonPath("$.type").value(Problems.ILLEGAL_TRANSITION.toString()))
                    .andExpect(jsonPath("$.title").value("Not possible in its current state"))
                    .andExpect(jsonPath("$.detail").value("Agenda item 12 is DECIDED, so it cannot be withdrawn; that "
                            + "is possible only when it is RETURNED."))
                    .andExpect(jsonPath("$.subject").value("Agenda item 12"))
                    .andExpect(jsonPath("$.state").value("DECIDED"));
        }
    }
}
