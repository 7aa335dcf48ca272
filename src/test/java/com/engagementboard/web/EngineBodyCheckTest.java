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
            "[] | The body must be a JSON object",
            "42 | The body must be a JSON object",
            "{\"variables\": \"x\"} | variables: must be an object of variables",
            "{\"variables\": []} | variables: must be an object of variables",
            "{\"variables\": {\"decision\": null}} | variables.decision: must be an object with its value",
            "{\"variables\": {\"decision\": \"ACCEPT_ALL\"}} | variables.decision: must be an object with its value" })
    void aNullOrAMisshapenVariableIsNamed(String body, String refusal) {
        assertThat(check.refusal(body.getBytes(StandardCharsets.UTF_8))).startsWith(refusal);
    }

    @ParameterizedTest
    @ValueSource(strings = { "{}", "{\"variables\": null}", "{\"variables\": {}}",
            "{\"variables\": {\"decision\": {\"value\": \"ACCEPT_ALL\", \"type\": \"String\"}}}",
            "{\"variables\": {\"decision\": {\"value\": null}}}", "", "{ not json", "{\"variables\":" })
    void whatTheEngineCanReadOrItsMappersNameGoesOn(String body) {
        assertThat(check.refusal(body.getBytes(StandardCharsets.UTF_8))).isNull();
    }
}
