package com.engagementboard.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.engagementboard.EngagementBoardTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Requests no handler takes (an unknown address, a method or content type an address does not take) answer
 * problem details like every other error of the API: never Spring Boot's default error body.
 */
@EngagementBoardTest
class UnmatchedRequestTest {

    @Autowired
    MockMvc mvc;

    @Test
    void anUnknownAddressIsA404Problem() throws Exception {
        String body = problem(mvc.perform(get("/api/nope").with(httpBasic("employee", "demo"))
                .accept(MediaType.APPLICATION_JSON)).andExpect(status().isNotFound()));
        assertThat(body).contains("There is nothing at /api/nope").doesNotContain("static resource");
    }

    @Test
    void aMethodAnAddressDoesNotTakeIsA405ProblemNamingTheOnesItTakes() throws Exception {
        problem(mvc.perform(get("/api/charter/drafts").with(httpBasic("cmo", "demo"))
                .accept(MediaType.APPLICATION_JSON)).andExpect(status().isMethodNotAllowed())
                .andExpect(header().string("Allow", org.hamcrest.Matchers.containsString("POST"))));
        problem(mvc.perform(delete("/api/board").with(httpBasic("cmo", "demo"))
                .accept(MediaType.APPLICATION_JSON)).andExpect(status().isMethodNotAllowed()));
    }

    @Test
    void aContentTypeAnAddressDoesNotTakeIsA415Problem() throws Exception {
        problem(mvc.perform(post("/api/charter/drafts").with(httpBasic("cmo", "demo"))
                .contentType(MediaType.TEXT_PLAIN).content("title=x").accept(MediaType.APPLICATION_JSON))
                .andExpect(status().isUnsupportedMediaType()));
    }

    private static String problem(ResultActions result) throws Exception {
        String body = result.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andReturn().getResponse().getContentAsString();
        // Spring Boot's default error body has these; a problem has type, title, status and detail.
        assertThat(body).doesNotContain("\"timestamp\"").doesNotContain("\"error\"").contains("\"title\"")
                .contains("\"status\"");
        return body;
    }
}
