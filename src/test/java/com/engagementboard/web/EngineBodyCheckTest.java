package com.engagementboard.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class EngineBodyCheckTest {

    private final EngineBodyCheck check = new EngineBodyCheck();

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "null | The body must be a JSON object",
            "'' | The body must be a JSON object",
            "'   ' | The body must be a JSON object",
            "[] | The body must be a JSON object",
            "42 | The body must be a JSON object",
            "{\"variables\": \"x\"} | variables: must be an object of variables",
            "{\"variables\": []} | variables: must be an object of variables",
            "{\"variables\": {\"decision\": null}} | variables.decision: must be an object with its value",
            "{\"variables\": {\"decision\": \"ACCEPT_ALL\"}} | variables.decision: must be an object with its value",
            "{\"variables\": {\"declineReason\": {\"value\": \"a\\u0000b\"}}} | variables.declineReason: holds a control character",
            "{\"variables\": {\"declineReason\": {\"value\": \"half \\ud83d\"}}} | variables.declineReason: holds a control character",
            "{\"variables\": {\"a\\u0007b\": {\"value\": \"x\"}}} | variables: a variable's name holds a control character" })
    void aNullOrAMisshapenVariableIsNamed(String body, String refusal) {
        assertThat(check.refusal(body.getBytes(StandardCharsets.UTF_8))).startsWith(refusal);
    }

    @ParameterizedTest
    @ValueSource(strings = { "{}", "{\"variables\": null}", "{\"variables\": {}}",
            "{\"variables\": {\"decision\": {\"value\": \"ACCEPT_ALL\", \"type\": \"String\"}}}",
            "{\"variables\": {\"decision\": {\"value\": null}}}", "{ not json", "{\"variables\":",
            "{\"variables\": {\"declineReason\": {\"value\": \"Tabs\\tand\\nlines, and a whole emoji \\ud83d\\ude00\"}}}" })
    void whatTheEngineCanReadOrItsMappersNameGoesOn(String body) {
        assertThat(check.refusal(body.getBytes(StandardCharsets.UTF_8))).isNull();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = { "application/json | true", "Application/JSON; charset=UTF-8 | true",
            "application/problem+json | false", "text/plain | false", "nonsense | false" })
    void everySpellingOfJsonIsChecked(String contentType, boolean checked) {
        assertThat(EngineBodyCheck.json(contentType)).isEqualTo(checked);
    }

    @org.junit.jupiter.api.Test
    void aSegmentsParametersDoNotHideTheTaskCompletion() {
        org.springframework.mock.web.MockHttpServletRequest request = new org.springframework.mock.web.MockHttpServletRequest(
                "POST", "/engine-rest/task/42/complete;x=1");
        request.setServletPath("/engine-rest");
        request.setPathInfo("/task/42;a=b/complete;x=1");
        request.setContentType("Application/JSON");
        assertThat(EngineBodyCheck.path(request)).isEqualTo("/engine-rest/task/42/complete");
        assertThat(check.shouldNotFilter(request)).isFalse();
    }
}
