package com.engagementboard.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The board's forms in the Camunda Tasklist, each as its person fills it: a member reads the agenda, the chair
 * presents an item, a core member votes, the chair breaks the tie, the chair escalates and the CEO decides, the
 * owner of an action reports it done, the chair gives a blocked action back with more time, and an author adds
 * the facts to a returned item. Each form first refuses
 * something wrong with a message next to its field, and shows the context to decide by names and words (see
 * {@link TasklistBrowserSupport}). Screenshots in target/screenshots.
 */
class BoardFormsBrowserIT extends TasklistBrowserSupport {

    private static final DateTimeFormatter ENGINE_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");

    @Test
    void aMemberReadsTheAgendaTheChairPutsTheItemToTheVoteACoreMemberVotesAndTheChairBreaksTheTie() throws Exception {
        JsonNode before = boardWithTwoVoters();
        String run = UUID.randomUUID().toString().substring(0, 8);
        String title = "Shorter hold music " + run;
        try {
            long item = agendaItem(title);
            long meetingId = meetingWithAgendaPublished();
            String key = "meeting-" + meetingId;

            // The member's notice: the agenda by titles and the authors' names; nothing to enter.
            String notice = taskNamed(key, "Task_ReadAgenda", "sales.head", "Agenda of the board meeting on ");
            logIn("sales.head");
            openAssigned(notice);
            wait.until(d -> formText().contains(title));
            assertThat(formText()).contains(title + ", from Sanjay Patel").doesNotContain("sales.head")
                    .doesNotContain("(item ");
            screenshot("board-agenda-notice");
            readAndComplete();
            completedBy(notice, "sales.head");

            startMeeting(key);
            String present = taskNamed(key, "Task_PresentItem", "cmo", title);
            assertThat(dueOf(present)).as("the chair's item is due by the meeting's end")
                    .isEqualTo(millis(getJson("/api/board/meetings/" + meetingId, "cmo").get("endsAt").asText()));
            logIn("cmo");
            openAndClaim(present, nameOf(present), "cmo");
            // The item by its author's name and its facts.
            wait.until(d -> formText().contains("Callers hang up"));
            assertThat(formText()).contains("Decide: " + title).contains("Submitted by Sanjay Patel")
                    .doesNotContain("sales.head");
            // Completed without a course: the form says so next to the field, and nothing completes.
            readAndComplete();
            errorNextTo("The board's course", "Field is required.");
            assertThat(finishedTask(present)).as("the refused form completed nothing").isNull();
            screenshot("board-item-refused");
            closeNotifications(); // "An error happened while submitting the task form": read
            chooseRadio("Put it to the core group's vote");
            screenshot("board-item");
            readAndComplete();
            completedBy(present, "cmo");

            // A core member votes: the item by its author's name and facts; no vote, no completion.
            String retailVote = taskNamed(key, "Task_Vote", "retail.head", title);
            logIn("retail.head");
            openAssigned(retailVote);
            wait.until(d -> formText().contains("Callers hang up"));
            assertThat(formText()).contains("Submitted by Sanjay Patel").doesNotContain("sales.head");
            readAndComplete();
            errorNextTo("Your vote", "Field is required.");
            assertThat(finishedTask(retailVote)).as("the refused vote completed nothing").isNull();
            screenshot("board-vote-refused");
            closeNotifications(); // "An error happened while submitting the task form": read
            chooseRadio("Reject");
            fillText("Comment", "Callers stay on the line when the music is good.");
            screenshot("board-vote");
            readAndComplete();
            completedBy(retailVote, "retail.head");

            // The chair votes the other way (through /engine-rest): a tie.
            String chairVote = taskNamed(key, "Task_Vote", "cmo", title);
            complete(chairVote, "cmo", Map.of("vote", "APPROVE", "voteComment", "Shorter is kinder."));

            String tie = taskNamed(key, "Task_BreakTie", "cmo", title);
            assertThat(dueOf(tie)).as("the tie is due by the meeting's end")
                    .isEqualTo(millis(getJson("/api/board/meetings/" + meetingId, "cmo").get("endsAt").asText()));
            logIn("cmo");
            openAndClaim(tie, nameOf(tie), "cmo");
            // The votes: each voter by name, the vote in words, the comment.
            wait.until(d -> formText().contains("Rafael Ortega"));
            assertThat(formText()).contains("1 to approve, 1 to reject, 0 abstaining")
                    .contains("Rafael Ortega votes to reject: \u201cCallers stay on the line when the music is good.\u201d")
                    .contains("Clara Martens votes to approve: \u201cShorter is kinder.\u201d")
                    .doesNotContain("retail.head").doesNotContain("REJECT").doesNotContain("APPROVE");
            readAndComplete();
            errorNextTo("Your deciding vote", "Field is required.");
            assertThat(finishedTask(tie)).as("the refused tie-break completed nothing").isNull();
            screenshot("board-tie-refused");
            closeNotifications(); // "An error happened while submitting the task form": read
            chooseRadio("Approve");
            fillText("Comment", "The callers decide it.");
            screenshot("board-tie");
            readAndComplete();
            completedBy(tie, "cmo");

            JsonNode decision = decisionOf(item);
            assertThat(decision.get("outcome").asText()).isEqualTo("APPROVED");
            assertThat(decision.get("tieBrokenBy").asText()).isEqualTo("cmo");
            assertThat(decision.get("votes").asText())
                    .contains("retail.head: REJECT (Callers stay on the line when the music is good.)")
                    .contains("cmo: APPROVE (Shorter is kinder.)");
        } catch (Throwable failure) {
            saveDiagnostics();
            throw failure;
        } finally {
            restore(before);
        }
    }

    @Test
    void theChairEscalatesAnItemTheCeoApprovesItAndTheOwnerReportsItsActionDone() throws Exception {
        JsonNode before = boardWithTwoVoters();
        String run = UUID.randomUUID().toString().substring(0, 8);
        String title = "Close branches on Saturdays " + run;
        try {
            HttpResponse<String> created = call("POST", "/api/board/agenda-items", "sales.head", "application/json",
                    json.writeValueAsString(Map.of("title", title, "decisionAsked", "Decide: " + title, "touchpoints",
                            List.of("call-centre-script"), "facts", Map.of("customerBehaviour",
                                    "Footfall fell by half on Saturdays"), "actions", List.of(Map.of("touchpoint",
                                    "call-centre-script", "description", "Tell callers the new opening hours " + run,
                                    "build", false, "dueInDays", 10)))));
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            long item = json.readTree(created.body()).get("id").asLong();
            long meetingId = meetingWithAgendaPublished();
            String key = "meeting-" + meetingId;
            startMeeting(key);

            // Escalated without a recommendation: refused next to the field.
            String present = taskNamed(key, "Task_PresentItem", "cmo", title);
            logIn("cmo");
            openAndClaim(present, nameOf(present), "cmo");
            chooseRadio("Escalate it to the CEO");
            readAndComplete();
            errorNextTo("The board's recommendation to the CEO", "Field is required.");
            assertThat(finishedTask(present)).as("the refused escalation completed nothing").isNull();
            screenshot("board-item-escalate-refused");
            closeNotifications(); // "An error happened while submitting the task form": read
            fillText("The board's recommendation to the CEO", "Close them, and tell callers first.");
            screenshot("board-item-escalate");
            readAndComplete();
            completedBy(present, "cmo");

            // The CEO: who escalated, what the board recommends and asks, the facts, by names; due in working days.
            String escalation = taskNamed(key, "Task_DecideEscalation", "ceo", title);
            assertThat(dueOf(escalation)).as("the CEO's task is due in a few working days")
                    .isAfter(Instant.now().plus(Duration.ofDays(3)).minus(Duration.ofMinutes(5)))
                    .isBefore(Instant.now().plus(Duration.ofDays(5)).plus(Duration.ofMinutes(5)));
            logIn("ceo");
            openAndClaim(escalation, nameOf(escalation), "ceo");
            wait.until(d -> formText().contains("Footfall fell by half"));
            assertThat(formText()).contains("Escalated by Clara Martens, the board's chair.")
                    .contains("The board recommends: Close them, and tell callers first.")
                    .contains("Decide: " + title).contains("Submitted by Sanjay Patel")
                    .contains("by its operate owner, within 10 days")
                    .doesNotContain("sales.head").doesNotContain("cmo").doesNotContain("OPERATE");
            chooseRadio("Approve");
            readAndComplete();
            errorNextTo("Your reasoning, or your question to the board", "Field is required.");
            assertThat(finishedTask(escalation)).as("the refused decision completed nothing").isNull();
            screenshot("board-escalation-refused");
            closeNotifications(); // "An error happened while submitting the task form": read
            fillText("Your reasoning, or your question to the board", "Agreed: tell callers a month ahead.");
            screenshot("board-escalation");
            readAndComplete();
            completedBy(escalation, "ceo");

            JsonNode decision = decisionOf(item);
            assertThat(decision.get("outcome").asText()).isEqualTo("APPROVED");
            assertThat(decision.get("escalated").asBoolean()).isTrue();
            assertThat(decision.get("ceoDecision").asText()).isEqualTo("APPROVE");
            assertThat(decision.get("ceoComment").asText()).isEqualTo("Agreed: tell callers a month ahead.");
            assertThat(decision.get("recommendation").asText()).isEqualTo("Close them, and tell callers first.");

            // The approved item's action, for the touchpoint's operate owner: done, in words, or refused.
            JsonNode action = actionOf(decision.get("id").asLong());
            String actionTask = taskNamed("action-" + action.get("id").asText(), "Task_CarryOutAction", "admin",
                    "Tell callers the new opening hours " + run);
            String owner = ownerOf(actionTask);
            logIn(owner);
            openAndClaim(actionTask, nameOf(actionTask), owner);
            wait.until(d -> formText().contains("Sanjay Patel"));
            assertThat(formText()).contains("Decided by the board: " + title).contains("an item from Sanjay Patel")
                    .contains("done by its operate owner").doesNotContain("OPERATE").doesNotContain("sales.head");
            readAndComplete();
            errorNextTo("What was done, or what blocks it", "Field is required.");
            assertThat(finishedTask(actionTask)).as("the refused report completed nothing").isNull();
            screenshot("board-action-refused");
            closeNotifications(); // "An error happened while submitting the task form": read
            fillText("What was done, or what blocks it", "The new hours play before the menu since Monday.");
            screenshot("board-action");
            readAndComplete();
            completedBy(actionTask, owner);
            long actionId = action.get("id").asLong();
            JsonNode done = wait.until(d -> {
                for (JsonNode a : getJson("/api/board/actions?status=DONE&size=100", "cmo").get("content")) {
                    if (a.get("id").asLong() == actionId) {
                        return a;
                    }
                }
                return null;
            });
            assertThat(done.get("report").asText()).isEqualTo("The new hours play before the menu since Monday.");
            assertThat(done.get("doneBy").asText()).isEqualTo(owner);
        } catch (Throwable failure) {
            saveDiagnostics();
            throw failure;
        } finally {
            restore(before);
        }
    }

    @Test
    void theAuthorAddsTheMissingFactsToAReturnedItemAndANoChoiceIsRefusedAtItsField() throws Exception {
        boardWithSalesHead();
        String title = "Greeting in the customer's language " + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> created = call("POST", "/api/board/agenda-items", "sales.head", "application/json",
                json.writeValueAsString(Map.of("title", title, "decisionAsked", "Decide: " + title, "touchpoints",
                        List.of("call-centre-script"))));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        long item = json.readTree(created.body()).get("id").asLong();
        String task = taskNamed("item-" + item, "Task_CompleteFactBase", "sales.head", title);
        try {
            logIn("sales.head");
            openAssigned(task);
            wait.until(d -> formText().contains(title));
            assertThat(formText()).contains("Your item was returned: " + title).contains("brings no fact base");
            readAndComplete();
            errorNextTo("What now?", "Field is required.");
            assertThat(finishedTask(task)).as("the refused form completed nothing").isNull();
            screenshot("board-fact-base-refused");
            closeNotifications(); // "An error happened while submitting the task form": read
            fillText("Facts: customer behaviour", "A third of callers ask for another language first.");
            chooseRadio("Resubmit with these facts");
            screenshot("board-fact-base");
            readAndComplete();
            completedBy(task, "sales.head");
            JsonNode resubmitted = wait.until(d -> {
                JsonNode found = getJson("/api/board/agenda-items/" + item, "sales.head");
                return "QUEUED".equals(found.get("status").asText()) ? found : null;
            });
            assertThat(resubmitted.get("factBase").asText())
                    .contains("A third of callers ask for another language first.");
        } catch (Throwable failure) {
            saveDiagnostics();
            throw failure;
        }
    }

    @Test
    void theChairGivesABlockedActionBackToItsOwnerWithMoreTimeAndANoChoiceIsRefusedAtItsField() throws Exception {
        JsonNode before = boardWithTwoVoters();
        String run = UUID.randomUUID().toString().substring(0, 8);
        String title = "Call back within a day " + run;
        String description = "Set up the call-back queue " + run;
        try {
            HttpResponse<String> created = call("POST", "/api/board/agenda-items", "sales.head", "application/json",
                    json.writeValueAsString(Map.of("title", title, "decisionAsked", "Decide: " + title, "touchpoints",
                            List.of("call-centre-script"), "facts", Map.of("customerBehaviour",
                                    "Callers who wait a day for a call back leave"), "actions", List.of(Map.of(
                                    "touchpoint", "call-centre-script", "description", description,
                                    "build", false, "dueInDays", 10)))));
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            long item = json.readTree(created.body()).get("id").asLong();
            long meetingId = meetingWithAgendaPublished();
            String key = "meeting-" + meetingId;
            startMeeting(key);

            // The board approves it (through /engine-rest: the chair puts it to the vote, the core group votes).
            String present = taskNamed(key, "Task_PresentItem", "cmo", title);
            HttpResponse<String> claimed = call("POST", "/engine-rest/task/" + present + "/claim", "cmo",
                    "application/json", "{\"userId\": \"cmo\"}");
            assertThat(claimed.statusCode()).as(claimed.body()).isEqualTo(204);
            complete(present, "cmo", Map.of("itemAction", "VOTE"));
            for (String voter : List.of("cmo", "retail.head")) {
                complete(taskNamed(key, "Task_Vote", voter, title), voter,
                        Map.of("vote", "APPROVE", "voteComment", "A day is too long."));
            }
            JsonNode action = actionOf(decisionOf(item).get("id").asLong());
            String actionKey = "action-" + action.get("id").asText();

            // Its owner reports it blocked (through /engine-rest).
            String carryOut = taskNamed(actionKey, "Task_CarryOutAction", "admin", description);
            String owner = ownerOf(carryOut);
            HttpResponse<String> taken = call("POST", "/engine-rest/task/" + carryOut + "/claim", owner,
                    "application/json", "{\"userId\": \"" + owner + "\"}");
            assertThat(taken.statusCode()).as(taken.body()).isEqualTo(204);
            String blocker = "The telephony vendor has not delivered the queue " + run;
            complete(carryOut, owner, Map.of("actionOutcome", "BLOCKED", "actionReport", blocker));

            // The chair, in the Tasklist: what blocks it, in the owner's words; no choice, no completion.
            String blocked = taskNamed(actionKey, "Task_DecideBlockedAction", "cmo", description);
            logIn("cmo");
            openAndClaim(blocked, nameOf(blocked), "cmo");
            wait.until(d -> formText().contains(blocker));
            assertThat(formText()).contains(description).contains("is blocked");
            readAndComplete();
            errorNextTo("Your decision", "Field is required.");
            assertThat(finishedTask(blocked)).as("the refused decision completed nothing").isNull();
            screenshot("board-action-blocked-refused");
            closeNotifications(); // "An error happened while submitting the task form": read
            chooseRadio("Give it back to its owner with more time");
            chooseOption("More time", "two more weeks");
            fillText("Your note to the owner (why it goes on, or why it is cancelled)",
                    "Chase the vendor; two more weeks.");
            screenshot("board-action-blocked");
            readAndComplete();
            completedBy(blocked, "cmo");

            // Back with its owner, due two weeks on at the earliest.
            String again = taskNamed(actionKey, "Task_CarryOutAction", "admin", description);
            assertThat(again).isNotEqualTo(carryOut);
            assertThat(dueOf(again)).isAfter(Instant.now().plus(Duration.ofDays(13)));
        } catch (Throwable failure) {
            saveDiagnostics();
            throw failure;
        } finally {
            restore(before);
        }
    }

    // --- helpers (candidates for TasklistBrowserSupport) ------------------------------------------------

    /**
     * A board whose core group is the chair and the head of retail (quorum 2: their two votes can tie), with the
     * head of sales and the CEO as members. The board as it was, to restore (null when there was none).
     */
    private JsonNode boardWithTwoVoters() throws Exception {
        HttpResponse<String> current = call("GET", "/api/board", "cmo", null, null);
        JsonNode before = current.statusCode() == 200 ? json.readTree(current.body()) : null;
        ObjectNode board = (ObjectNode) json.readTree("""
                {"chair": "cmo", "members": ["cmo", "sales.head", "retail.head", "ceo"], "core": ["cmo", "retail.head"],
                 "quorum": 2,
                 "cadence": {"type": "WEEKLY", "dayOfWeek": "MONDAY", "time": "09:00", "timeZone": "Europe/Amsterdam"}}
                """);
        HttpResponse<String> setUp = call("PUT", "/api/board", "cmo", "application/json", board.toString());
        assertThat(setUp.statusCode()).as(setUp.body()).isEqualTo(200);
        return before;
    }

    /** Other tests of this run meet the board as it was. */
    @Test
    void theChairCallsAMeetingOffOnItsPageAndAMemberReadsTheNoticeInTheTasklist() throws Exception {
        boardWithSalesHead();
        HttpResponse<String> called = call("POST", "/api/board/meetings", "cmo", "application/json",
                "{\"at\": \"" + Instant.now().plus(Duration.ofDays(2)) + "\", \"reason\": \"To be called off\"}");
        assertThat(called.statusCode()).as(called.body()).isEqualTo(201);
        long meetingId = json.readTree(called.body()).get("id").asLong();
        String key = "meeting-" + meetingId;
        String reason = "The regulator's hearing takes the whole board " + UUID.randomUUID().toString().substring(0, 8);
        try {
            // The chair calls it off on the meeting's page, with her reason.
            logIn("cmo");
            driver.get(base() + "/board/meetings/" + meetingId + "/call-off");
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("reason"))).sendKeys(reason);
            screenshot("meeting-call-off");
            driver.findElement(By.xpath("//button[normalize-space()='Call the meeting off']")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"),
                    "This meeting was called off on"));
            assertThat(getJson("/api/board/meetings/" + meetingId, "cmo").get("status").asText())
                    .isEqualTo("CANCELLED");

            // A member's notice in the Tasklist: why; nothing to answer.
            String notice = taskNamed(key, "Task_ReadCallOff", "sales.head", "called off");
            logIn("sales.head");
            openAssigned(notice);
            wait.until(d -> formText().contains(reason));
            screenshot("board-meeting-called-off-notice");
            readAndComplete();
            completedBy(notice, "sales.head");
        } catch (Throwable failure) {
            saveDiagnostics();
            throw failure;
        }
    }

    private void restore(JsonNode before) throws Exception {
        if (before != null) {
            ObjectNode board = before.deepCopy();
            board.remove("decisionRule");
            HttpResponse<String> restored = call("PUT", "/api/board", "cmo", "application/json", board.toString());
            assertThat(restored.statusCode()).as(restored.body()).isEqualTo(200);
        }
    }

    /**
     * An extraordinary meeting in two days whose agenda has closed and whose order the chair has kept as proposed
     * (through /engine-rest, as the form submits it): the members' notices are out. Its id.
     */
    private long meetingWithAgendaPublished() throws Exception {
        HttpResponse<String> called = call("POST", "/api/board/meetings", "cmo", "application/json",
                "{\"at\": \"" + Instant.now().plus(Duration.ofDays(2)) + "\", \"reason\": \"Board forms in the browser\"}");
        assertThat(called.statusCode()).as(called.body()).isEqualTo(201);
        long meetingId = json.readTree(called.body()).get("id").asLong();
        String key = "meeting-" + meetingId;
        fire(key, "TimerEvent_AgendaCutoff");
        String prepare = summitTask(key, "Task_PrepareAgenda", "cmo");
        assertThat(dueOf(prepare)).as("the agenda is due by the meeting's time")
                .isEqualTo(millis(json.readTree(called.body()).get("scheduledAt").asText()));
        String order = getJson("/engine-rest/task/" + prepare + "/variables/agendaOrder?deserializeValue=false", "cmo")
                .get("value").asText();
        HttpResponse<String> claimed = call("POST", "/engine-rest/task/" + prepare + "/claim", "cmo",
                "application/json", "{\"userId\": \"cmo\"}");
        assertThat(claimed.statusCode()).as(claimed.body()).isEqualTo(204);
        ObjectNode body = json.createObjectNode();
        ObjectNode agendaOrder = body.putObject("variables").putObject("agendaOrder");
        agendaOrder.put("type", "Json");
        agendaOrder.put("value", order);
        HttpResponse<String> done = call("POST", "/engine-rest/task/" + prepare + "/complete", "cmo",
                "application/json", body.toString());
        assertThat(done.statusCode()).as(done.body()).isEqualTo(204);
        return meetingId;
    }

    /** The meeting's time has come: its timer fires now. */
    private void startMeeting(String key) {
        fire(key, "BoundaryEvent_MeetingStarts");
    }

    /** The open task at the step whose name contains {@code name} (other items share the step), once reached. */
    private String taskNamed(String businessKey, String step, String user, String name) throws InterruptedException {
        Instant deadline = Instant.now().plus(STEP);
        while (true) {
            for (JsonNode task : getJson("/engine-rest/task?processInstanceBusinessKey=" + businessKey
                    + "&taskDefinitionKey=" + step, user)) {
                boolean forUser = "admin".equals(user) || task.path("assignee").isNull()
                        || user.equals(task.path("assignee").asText());
                if (forUser && task.get("name").asText().contains(name)) {
                    return task.get("id").asText();
                }
            }
            assertThat(Instant.now()).as("the step " + step + " named '" + name + "' was reached").isBefore(deadline);
            Thread.sleep(200);
        }
    }

    private String nameOf(String taskId) {
        return getJson("/engine-rest/task/" + taskId, "admin").get("name").asText();
    }

    private Instant dueOf(String taskId) {
        JsonNode due = getJson("/engine-rest/task/" + taskId, "admin").get("due");
        assertThat(due.isNull()).as("task " + taskId + " has a due date").isFalse();
        return OffsetDateTime.parse(due.asText(), ENGINE_DATE).toInstant();
    }

    /**
     * Clicks Complete once the person has read and closed the Tasklist's notifications (a refused submit leaves
     * "An error happened while submitting the task form" over the button).
     */
    private void readAndComplete() {
        closeNotifications();
        clickComplete();
    }

    /** An instant of the API, to the millisecond the engine keeps of a date. */
    private static Instant millis(String instant) {
        return Instant.parse(instant).truncatedTo(ChronoUnit.MILLIS);
    }

    /** The register's decision on the item, once the process has recorded it. */
    private JsonNode decisionOf(long itemId) {
        return wait.until(d -> {
            for (JsonNode decision : getJson("/api/board/decisions?size=100", "cmo").get("content")) {
                if (decision.get("itemId").asLong() == itemId) {
                    return decision;
                }
            }
            return null;
        });
    }

    /** The open action the decision created. */
    private JsonNode actionOf(long decisionId) {
        return wait.until(d -> {
            for (JsonNode action : getJson("/api/board/actions?status=OPEN&size=100", "cmo").get("content")) {
                if (action.get("decisionId").asLong() == decisionId) {
                    return action;
                }
            }
            return null;
        });
    }

    /** A person of the task's candidate group: who carries the action out. */
    private String ownerOf(String taskId) {
        for (JsonNode link : getJson("/engine-rest/task/" + taskId + "/identity-links?type=candidate", "admin")) {
            if (!link.path("groupId").isNull()) {
                String group = link.get("groupId").asText();
                JsonNode users = getJson("/engine-rest/user?memberOfGroup=" + group, "admin");
                for (JsonNode user : users) {
                    if (user.get("id").asText().equals("cmo") || !group.equals("board-chair")) {
                        return user.get("id").asText();
                    }
                }
            }
        }
        throw new AssertionError("no candidate group with a person on task " + taskId);
    }
}
