package com.engagementboard.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.engagementboard.charter.TouchpointCharterProcess;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The charter's forms that follow the heads' acceptance, each in the Camunda Tasklist as its person uses it:
 * the chair chases a function that has not answered, a renew owner reviews the charter in force and proposes a
 * change, the chair takes the proposal up, and a head reads the board's ruling on a disputed right. Each form
 * with something wrong entered first shows the message next to the field and completes nothing.
 */
class CharterFormsBrowserIT extends TasklistBrowserSupport {

    @org.springframework.beans.factory.annotation.Autowired
    org.camunda.bpm.engine.TaskService tasks;

    @Test
    void theChairChasesAFunctionThatHasNotAnsweredAndANoteOfSpacesIsRefusedNextToIt() throws Exception {
        long charterId = submittedCharter("Chased " + UUID.randomUUID());
        accept(charterId, BRAND_TASK, "brand.head");
        taskOf(charterId, OPERATIONS_TASK, "operations.head");
        // Operations stays silent past the escalation date: the timer fires, as the job executor would fire it.
        fire(TouchpointCharterProcess.businessKey(charterId), TouchpointCharterProcess.Elements.ACCEPTANCE_ESCALATED);
        String name = "Chase Operations: acceptance overdue";
        String chase = taskOf(charterId, name, "cmo");
        try {
            logIn("cmo");
            openAndClaim(chase, name, "cmo");
            // Whom to chase, by name, for which version and how many rights.
            wait.until(d -> formText().contains("Oliver Brandt"));
            assertThat(formText()).contains("head of Operations").contains("was asked to accept 2 rights of charter "
                    + "version").doesNotContain("operations.head");

            clickComplete();
            errorNextTo("What did you do?", "Field is required.");
            fillText("What did you do?", "   ");
            errorNextTo("What did you do?", "spaces alone are not an answer");
            screenshot("charter-chase-refused");
            assertThat(finishedTask(chase)).as("nothing completed").isNull();
            closeNotifications(); // read: the Tasklist's "could not submit" notice goes

            retype("What did you do?", "Called Oliver; Operations answers by Friday.");
            screenshot("charter-chase");
            clickComplete();
            completedBy(chase, "cmo");
            JsonNode note = getJson("/engine-rest/history/variable-instance?variableName=chaseNote&processInstanceId="
                    + finishedTask(chase).get("processInstanceId").asText(), "admin");
            assertThat(note.toString()).contains("Called Oliver; Operations answers by Friday.");
        } catch (Throwable failure) {
            saveDiagnostics();
            throw failure;
        }
    }

    @Test
    void aRenewOwnerProposesAChangeInTheReviewAndTheChairTakesItUp() throws Exception {
        long charterId = submittedCharter("Reviewed " + UUID.randomUUID());
        accept(charterId, BRAND_TASK, "brand.head");
        accept(charterId, OPERATIONS_TASK, "operations.head");
        // In force once both answered: the process waits for its review, whose timer fires now.
        fire(TouchpointCharterProcess.businessKey(charterId), TouchpointCharterProcess.Elements.REVIEW_DUE);
        String name = "Review the touchpoint charter";
        String review = taskOf(charterId, name, "brand.head");
        try {
            logIn("brand.head");
            openAndClaim(review, name, "brand.head");
            // The touchpoints brand renews, by name.
            wait.until(d -> formText().contains("Card packaging"));
            assertThat(formText()).doesNotContain("card-packaging");
            chooseRadio("Propose changes");
            String proposal = "Changes you propose (touchpoint, right, owner and why)";
            clickComplete();
            errorNextTo(proposal, "Field is required.");
            screenshot("charter-review-refused");
            assertThat(finishedTask(review)).as("nothing completed").isNull();
            closeNotifications();
            fillText(proposal, "Operations should renew the card packaging: it runs the line.");
            screenshot("charter-review");
            clickComplete();
            completedBy(review, "brand.head");
            // The other renew owners of a charter carried over from earlier versions confirm it as it is (their
            // own form is this one; on a database other tests have used, there are some).
            for (org.camunda.bpm.engine.task.Task other : tasks.createTaskQuery()
                    .processInstanceBusinessKey(TouchpointCharterProcess.businessKey(charterId))
                    .taskDefinitionKey(TouchpointCharterProcess.Elements.REVIEW_CHARTER).list()) {
                tasks.complete(other.getId(), java.util.Map.of(TouchpointCharterProcess.Variables.REVIEW_DECISION,
                        TouchpointCharterProcess.CONFIRM));
            }

            // The chair takes the proposal up: who proposed it, by function and name.
            String takeUp = taskOf(charterId, "Take up the proposed amendment", "cmo");
            logIn("cmo");
            openAndClaim(takeUp, "Take up the proposed amendment", "cmo");
            wait.until(d -> formText().contains("Operations should renew the card packaging"));
            assertThat(formText()).contains("Brand & Reputation").contains("Bruno Castell")
                    .doesNotContain("brand.head");
            screenshot("charter-amendment");
            clickComplete();
            completedBy(takeUp, "cmo");
        } catch (Throwable failure) {
            saveDiagnostics();
            throw failure;
        }
    }

    @Test
    void aHeadReadsTheBoardsRulingOnTheirDisputedRight() throws Exception {
        boardWithSalesHead();
        long charterId = submittedCharter("Ruled " + UUID.randomUUID());
        accept(charterId, BRAND_TASK, "brand.head");
        String operations = taskOf(charterId, OPERATIONS_TASK, "operations.head");
        HttpResponse<String> declined = call("POST", "/api/charter/tasks/" + operations + "/complete",
                "operations.head", "application/json", "{\"decision\": \"DECLINE_SOME\", \"declinedLines\": "
                        + "\"card-packaging,OPERATE\", \"declineReason\": \"Brand runs the packaging line.\"}");
        assertThat(declined.statusCode()).as(declined.body()).isEqualTo(204);
        String dispute = taskOf(charterId, "Resolve disputed rights", "cmo");
        HttpResponse<String> sent = call("POST", "/api/charter/tasks/" + dispute + "/complete", "cmo",
                "application/json", "{\"resolution\": \"SEND_TO_BOARD\", \"reallocations\": "
                        + "\"card-packaging,OPERATE,brand\", \"resolutionNote\": \"Let the board weigh it.\"}");
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(204);
        // The board approves the proposal: its register resumes the charter with the ruling, as a meeting does.
        String instance = runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey(TouchpointCharterProcess.businessKey(charterId)).singleResult().getId();
        wait.until(d -> runtime.createEventSubscriptionQuery().processInstanceId(instance)
                .eventName(TouchpointCharterProcess.MESSAGE_BOARD_RULED).count() == 1);
        runtime.createMessageCorrelation(TouchpointCharterProcess.MESSAGE_BOARD_RULED).processInstanceId(instance)
                .setVariable(TouchpointCharterProcess.Variables.BOARD_APPROVED, true)
                // The words come as the board sends them: transient, recorded on the rights, never stored.
                .setVariable(TouchpointCharterProcess.Variables.RULING_SUMMARY, org.camunda.bpm.engine.variable
                        .Variables.stringValue("The board approved the proposal: brand operates the card packaging line.",
                                true))
                .correlate();
        String name = "The board's ruling on your rights";
        String ruling = taskOf(charterId, name, "operations.head");
        try {
            logIn("operations.head");
            openAndClaim(ruling, name, "operations.head");
            wait.until(d -> formText().contains("brand operates the card packaging line"));
            screenshot("charter-ruling");
            clickComplete();
            completedBy(ruling, "operations.head");
        } catch (Throwable failure) {
            saveDiagnostics();
            throw failure;
        }
    }

    /** A head accepts all their rights through the API (their form is tested in TasklistBrowserIT). */
    private void accept(long charterId, String taskName, String head) throws Exception {
        String task = taskOf(charterId, taskName, head);
        HttpResponse<String> accepted = call("POST", "/api/charter/tasks/" + task + "/complete", head,
                "application/json", "{\"decision\": \"ACCEPT_ALL\"}");
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(204);
    }
}
