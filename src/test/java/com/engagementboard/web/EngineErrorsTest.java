package com.engagementboard.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.hibernate.StaleStateException;
import org.junit.jupiter.api.Test;
import org.springframework.orm.ObjectOptimisticLockingFailureException;

/**
 * How the engine doors ({@code /engine-rest}, the Tasklist's API) answer races: the loser of two people
 * changing one thing, or of two clicks on one task, gets a 409 it can act on, never a 500.
 */
class EngineErrorsTest {

    private final EngineRestConfig.EngineErrors errors = new EngineRestConfig.EngineErrors(null);

    @SuppressWarnings("unchecked")
    private static Map<String, Object> body(Response response) {
        return (Map<String, Object>) response.getEntity();
    }

    @Test
    void theEnginesAndTheApplicationsOptimisticLocksAreAConflict() {
        for (Throwable race : new Throwable[] {
                new OptimisticLockingException("ENGINE-03005 Entity was updated by another transaction"),
                new ObjectOptimisticLockingFailureException("agenda_item", 7L),
                new StaleStateException("Batch update returned unexpected row count from update [0]") }) {
            Response response = errors.toResponse(new RestException(Response.Status.INTERNAL_SERVER_ERROR,
                    new ProcessEngineException("Cannot complete task", race), "Cannot complete task"));
            assertThat(response.getStatus()).as(race.getClass().getSimpleName()).isEqualTo(409);
            assertThat(body(response).get("message")).isEqualTo(
                    "Someone else changed this at the same time. Reload and try again.");
        }
    }

    @Test
    void aUniqueRecordTheWinnerWroteFirstIsAConflictNotAServerError() {
        // Two clicks on one vote: the loser's insert meets uk_board_vote before the engine's own lock trips.
        Exception duplicate = new ProcessEngineException("Cannot complete task", new org.springframework.dao
                .DataIntegrityViolationException("could not execute statement",
                        new java.sql.SQLException("duplicate key", "23505")));
        org.springframework.mock.web.MockHttpServletRequest completion = new org.springframework.mock.web
                .MockHttpServletRequest("POST", "/engine-rest/task/57f6/complete");
        org.springframework.web.context.request.RequestContextHolder.setRequestAttributes(
                new org.springframework.web.context.request.ServletRequestAttributes(completion));
        try {
            Response response = errors.toResponse(new RestException(Response.Status.INTERNAL_SERVER_ERROR, duplicate,
                    "Cannot complete task"));
            assertThat(response.getStatus()).isEqualTo(409);
            assertThat(body(response)).containsEntry("type", "urn:engagement-board:problem:concurrent-change");
            assertThat((String) body(response).get("detail")).doesNotContain("duplicate", "23505");
        } finally {
            org.springframework.web.context.request.RequestContextHolder.resetRequestAttributes();
        }
        // Anywhere else (a group created twice in Admin) the record exists: retrying cannot help, and it says so.
        Response elsewhere = errors.toResponse(new RestException(Response.Status.INTERNAL_SERVER_ERROR, duplicate,
                "Cannot create group"));
        assertThat(elsewhere.getStatus()).isEqualTo(409);
        assertThat(body(elsewhere)).containsEntry("type", "urn:engagement-board:problem:conflict");
        assertThat((String) body(elsewhere).get("detail")).startsWith("A record with this id or name exists already");
    }

    @Test
    void completingATaskThatIsNoLongerOpenIsAConflictNamedInWords() {
        Response response = errors.toResponse(new RestException(Response.Status.INTERNAL_SERVER_ERROR,
                new NullValueException("Cannot find task with id 57f6: task is null"),
                "Cannot complete task 57f6: Cannot find task with id 57f6: task is null"));
        assertThat(response.getStatus()).isEqualTo(409);
        assertThat(body(response)).containsEntry("type", "urn:engagement-board:problem:task-no-longer-open");
        assertThat((String) body(response).get("message")).startsWith("This task is no longer open")
                .doesNotContain("57f6").doesNotContain("null");
    }

    @Test
    void modifyingAnInstanceThatHasEndedIsNotFoundNamedInWords() {
        Response response = errors.toResponse(new org.camunda.bpm.engine.ProcessEngineException("ENGINE-13036 Process "
                + "instance 'fb53' cannot be modified. The process instance does not exist"));
        assertThat(response.getStatus()).isEqualTo(404);
        assertThat((String) body(response).get("message")).startsWith("This process instance does not run")
                .doesNotContain("fb53").doesNotContain("ENGINE");
    }

    @Test
    void anyOtherMissingValueIsStillAServerErrorWithAReference() {
        Response response = errors.toResponse(new NullValueException("deploymentId is null"));
        assertThat(response.getStatus()).isEqualTo(500);
        assertThat(body(response)).containsEntry("type", ServerErrors.TYPE.toString());
        assertThat((String) body(response).get("message")).doesNotContain("deploymentId");
    }

    /** What a message sent by hand failed to bring: the sender's mistake, 400 naming the variable. */
    private static final class MissingFromMessage extends ProcessEngineException implements RefusedVariable {

        MissingFromMessage() {
            super("Process variable 'charterVersionId' (Long) is missing: the message must bring it");
        }

        @Override
        public String variable() {
            return "charterVersionId";
        }
    }

    @Test
    void aVariableAMessageDidNotBringIsABadRequestNamingIt() {
        Response response = errors.toResponse(new ProcessEngineException("Cannot correlate message",
                new MissingFromMessage()));
        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(body(response)).containsEntry("field", "charterVersionId");
        assertThat((String) body(response).get("message")).contains("the message must bring it");
    }

    @Test
    void everyAnswerIsAProblemThatKeepsCamundasMessageForTheWebapps() {
        Response response = errors.toResponse(new RestException(Response.Status.BAD_REQUEST,
                "Cannot submit task form 57f6: Unsupported value type 'Nope'"));
        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(response.getMediaType().toString()).isEqualTo("application/problem+json");
        assertThat(body(response)).containsEntry("status", 400).containsEntry("title", "Bad Request")
                .containsEntry("type", Problems.INVALID_INPUT.toString())
                .containsEntry("detail", "Cannot submit task form 57f6: Unsupported value type 'Nope'")
                .containsEntry("message", "Cannot submit task form 57f6: Unsupported value type 'Nope'");
    }

    @Test
    void malformedJsonIsAProblemWithItsPlaceButNotTheParsersWords() throws Exception {
        com.fasterxml.jackson.core.JsonParseException unreadable = null;
        try {
            new com.fasterxml.jackson.databind.ObjectMapper().readTree("{bad");
        } catch (com.fasterxml.jackson.core.JsonParseException e) {
            unreadable = e;
        }
        Response response = new EngineRestConfig.JsonParseMapper().toResponse(unreadable);
        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(response.getMediaType().toString()).isEqualTo("application/problem+json");
        assertThat((String) body(response).get("detail")).startsWith("The body is not well-formed JSON (line 1, column 2)")
                .doesNotContain("Unexpected character").doesNotContain("expecting");
    }

    @Test
    void jsonOfTheWrongShapeNamesTheMemberNotTheClass() throws Exception {
        com.fasterxml.jackson.databind.JsonMappingException shape = null;
        try {
            new com.fasterxml.jackson.databind.ObjectMapper().readValue("{\"variables\":\"x\"}",
                    org.camunda.bpm.engine.rest.dto.task.CompleteTaskDto.class);
        } catch (com.fasterxml.jackson.databind.JsonMappingException e) {
            shape = e;
        }
        Response response = new EngineRestConfig.JsonMappingMapper().toResponse(shape);
        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(body(response)).containsEntry("field", "variables")
                .containsEntry("detail", "variables: has the wrong type; expected an object.");
    }

    @Test
    void jerseysOwnRefusalsAreProblemsInWordsWithTheAllowHeader() {
        Response notAllowed = errors.toResponse(new jakarta.ws.rs.NotAllowedException("POST"));
        assertThat(notAllowed.getStatus()).isEqualTo(405);
        assertThat(notAllowed.getHeaderString("Allow")).contains("POST");
        assertThat((String) body(notAllowed).get("detail")).contains("does not take this method").contains("POST");
        Response notFound = errors.toResponse(new jakarta.ws.rs.NotFoundException());
        assertThat(notFound.getStatus()).isEqualTo(404);
        assertThat(notFound.getMediaType().toString()).isEqualTo("application/problem+json");
        assertThat((String) body(notFound).get("detail")).startsWith("There is nothing at this address")
                .doesNotContain("HTTP 404");
    }

    @Test
    void aNullPointerExceptionIsTheServersFailureWithAReferenceOnly() {
        // A null where the engine doors read variables is refused before Camunda reads it (EngineBodyCheck).
        NullPointerException ours = new NullPointerException("dto is null");
        Response response = errors.toResponse(ours);
        assertThat(response.getStatus()).isEqualTo(500);
        assertThat(body(response)).containsKey("reference");
        assertThat((String) body(response).get("detail")).doesNotContain("dto");
    }
}
