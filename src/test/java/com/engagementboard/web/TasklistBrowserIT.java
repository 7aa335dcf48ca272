package com.engagementboard.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.engagementboard.organisation.JourneyStage;
import com.engagementboard.organisation.TouchpointKind;
import com.engagementboard.organisation.TouchpointRequest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Heads accept and decline charter rights, the chair resolves a dispute, founds the board, plans a summit's
 * touchpoints and orders an agenda, and a member starts an agenda item: each in the Camunda Tasklist as the
 * person does it (see {@link TasklistBrowserSupport}).
 */
class TasklistBrowserIT extends TasklistBrowserSupport {

    @Test
    void theBrandHeadAcceptsTheirRightsInTheTasklist() throws Exception {
        long charterId = submittedCharter("Card packaging " + UUID.randomUUID());
        String taskId = brandTaskOf(charterId);

        try {
            // Log in through the application's own login page.
            driver.get(base() + "/");
            wait.until(ExpectedConditions.urlContains("/login"));
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys("brand.head");
            driver.findElement(By.id("password")).sendKeys("demo");
            driver.findElement(By.cssSelector("button[type=submit]")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Welcome, Bruno Castell"));
            assertNoContentSecurityPolicyViolations("the login and home pages");

            // The Tasklist, straight on this charter's task (other tests may leave tasks of the same name).
            driver.get(base() + "/camunda/app/tasklist/default/#/?task=" + taskId);
            wait.until(ExpectedConditions.visibilityOfElementLocated(
                    By.xpath("//*[contains(@class,'task-filters')]//*[normalize-space(text())='All my tasks']")));
            wait.until(ExpectedConditions.visibilityOfElementLocated(
                    By.xpath("//*[normalize-space(text())=" + xpathLiteral(BRAND_TASK) + "]")));
            assertThat(driver.findElements(By.cssSelector(".ce-eol-banner")))
                    .as("the 'It is time to migrate' banner").noneMatch(WebElement::isDisplayed);
            assertThat(driver.findElements(By.xpath("//*[text()[contains(.,'It is time to migrate')]]")))
                    .as("the 'It is time to migrate' banner").noneMatch(WebElement::isDisplayed);

            wait.until(ExpectedConditions.elementToBeClickable(
                    By.xpath("//*[self::button or self::a][normalize-space()='Claim']"))).click();
            wait.until(d -> "brand.head".equals(assigneeOf(taskId)));

            // The Camunda Form: choose "Accept all rights" and complete.
            chooseRadio("Accept all rights");
            clickComplete();

            // The engine has the task as completed by brand.head, and the Tasklist showed no error.
            JsonNode finished = wait.until(d -> finishedTask(taskId));
            assertThat(finished.get("assignee").asText()).isEqualTo("brand.head");
            assertThat(finished.get("deleteReason").asText()).isEqualTo("completed");
            assertThat(driver.findElements(By.cssSelector(
                    ".page-notifications .alert-danger, .page-notifications .alert-error")))
                    .as("Tasklist error notifications").noneMatch(WebElement::isDisplayed);
            assertNoContentSecurityPolicyViolations("the Tasklist and its form");
        } catch (Throwable failure) {
            saveDiagnostics();
            throw failure;
        }
    }

    @Test
    void theChairWithdrawsAVersionOnItsPageAndAHeadReadsTheNoticeInTheTasklist() throws Exception {
        long charterId = submittedCharter("Withdrawn packaging " + UUID.randomUUID());
        String acceptance = brandTaskOf(charterId);
        String reason = "The regulator changed the packaging rules " + UUID.randomUUID().toString().substring(0, 8);
        try {
            // The chair withdraws the version on its page, with her reason.
            logIn("cmo");
            driver.get(base() + "/charter/" + charterId + "/withdraw");
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("reason"))).sendKeys(reason);
            driver.findElement(By.xpath("//button[normalize-space()='Withdraw this version']")).click();
            wait.until(d -> "WITHDRAWN".equals(getJson("/api/charter/drafts/" + charterId, "cmo").path("status")
                    .asText()));
            assertThat(finishedTask(acceptance)).as("the brand head's acceptance task ended").isNotNull();

            // The brand head's notice in the Tasklist: who withdrew it and why; nothing to answer.
            String notice = wait.until(d -> {
                JsonNode found = getJson("/engine-rest/task?processInstanceBusinessKey=charter-" + charterId
                        + "&taskDefinitionKey=Task_ReadWithdrawal&candidateGroup=head-brand", "brand.head");
                return found.isEmpty() ? null : found.get(0).get("id").asText();
            });
            logIn("brand.head");
            openAndClaim(notice, "Charter version withdrawn", "brand.head");
            wait.until(d -> formText().contains(reason));
            assertThat(formText()).contains("nothing for Brand & Reputation to accept");
            screenshot("charter-withdrawn-notice");
            clickComplete();
            completedBy(notice, "brand.head");
        } catch (Throwable failure) {
            saveDiagnostics();
            throw failure;
        }
    }

    @Test
    void theOperationsHeadDeclinesOneRightByPickingItInTheSearchableList() throws Exception {
        long charterId = submittedCharter("Card packaging declined " + UUID.randomUUID());
        String taskId = taskOf(charterId, OPERATIONS_TASK, "operations.head");

        try {
            logIn("operations.head");
            openAndClaim(taskId, OPERATIONS_TASK, "operations.head");
            chooseRadio("Decline some rights");

            // The picker: type to search the rights, pick one; the other stays accepted.
            WebElement search = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(
                    ".fjs-container .fjs-taglist input")));
            search.click();
            search.sendKeys("operate");
            By operate = By.xpath("//*[contains(@class,'fjs-dropdownlist-item')][normalize-space()="
                    + "'Card packaging: operate']");
            wait.until(ExpectedConditions.visibilityOfElementLocated(operate));
            assertThat(driver.findElements(By.cssSelector(".fjs-dropdownlist-item")))
                    .as("the search leaves only the operate right").hasSize(1);
            WebElement item = driver.findElement(operate);
            new Actions(driver).moveToElement(item).click().perform();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath(
                    "//*[contains(@class,'fjs-taglist-tag')][contains(normalize-space(),'Card packaging: operate')]")));

            WebElement reasonLabel = driver.findElement(By.xpath(
                    "//*[contains(@class,'fjs-container')]//label[starts-with(normalize-space(),'Why do you decline them?')]"));
            driver.findElement(By.id(reasonLabel.getDomAttribute("for"))).sendKeys("Packaging lines are run by brand.");
            wait.until(ExpectedConditions.elementToBeClickable(
                    By.xpath("//button[normalize-space()='Complete']"))).click();

            JsonNode finished = wait.until(d -> finishedTask(taskId));
            assertThat(finished.get("assignee").asText()).isEqualTo("operations.head");
            assertThat(driver.findElements(By.cssSelector(
                    ".page-notifications .alert-danger, .page-notifications .alert-error")))
                    .as("Tasklist error notifications").noneMatch(WebElement::isDisplayed);
            // Recorded by the process (its job runs in the background): OPERATE declined, BUILD accepted.
            String page = "/charter/" + charterId + "/functions/operations";
            wait.until(d -> {
                String html = body(page, "operations.head");
                return html.contains("DECLINED") && html.contains("ACCEPTED");
            });
        } catch (Throwable failure) {
            saveDiagnostics();
            throw failure;
        }
    }

    @Test
    void theChairPicksTheNewOwnerOfADisputedRightAndAWrongPickIsRefusedInWords() throws Exception {
        long charterId = submittedCharter("Card packaging disputed " + UUID.randomUUID());
        // Brand accepts; operations hands back OPERATE (both through the API, as the heads' own forms are tested above).
        String brand = taskOf(charterId, BRAND_TASK, "brand.head");
        assertThat(call("POST", "/api/charter/tasks/" + brand + "/complete", "brand.head", "application/json",
                "{\"decision\": \"ACCEPT_ALL\"}").statusCode()).isEqualTo(204);
        String operations = taskOf(charterId, OPERATIONS_TASK, "operations.head");
        String operate = null;
        JsonNode options = getJson("/engine-rest/task/" + operations + "/variables/rightOptions?deserializeValue=false",
                "operations.head").get("value");
        for (JsonNode option : options.isTextual() ? json.readTree(options.asText()) : options) {
            if (option.get("label").asText().endsWith(": operate")) {
                operate = option.get("value").asText();
            }
        }
        HttpResponse<String> declined = call("POST", "/api/charter/tasks/" + operations + "/complete",
                "operations.head", "application/json", "{\"decision\": \"DECLINE_SOME\", \"declinedRights\": ["
                        + operate + "], \"declineReason\": \"Brand runs the packaging line.\"}");
        assertThat(declined.statusCode()).as(declined.body()).isEqualTo(204);
        String dispute = taskOf(charterId, "Resolve disputed rights", "cmo");

        try {
            logIn("cmo");
            openAndClaim(dispute, "Resolve disputed rights", "cmo");
            chooseRadio("Re-allocate the disputed rights to other functions");
            // The row names the disputed right in words; its new owner is picked, not typed as a code.
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath("//*[contains(@class,'fjs-container')]"
                    + "//*[contains(normalize-space(),'Card packaging: operate (declined by Operations)')]")));
            WebElement reasoning = driver.findElement(By.id(driver.findElement(By.xpath(
                    "//*[contains(@class,'fjs-container')]//label[starts-with(normalize-space(),'Reasoning')]"))
                    .getDomAttribute("for")));
            reasoning.sendKeys("Brand runs the packaging line.");

            // Given back to the function that declined it: the server's check says why, in words, on the page.
            pick("New owner", "Operations");
            wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//button[normalize-space()='Complete']")))
                    .click();
            // Next to the row's picker, and in the Tasklist's notification, the field named as the form names it.
            String refusal = errorNextTo("New owner", "Operations declined Card packaging: operate");
            assertThat(refusal).contains("give it to another function").doesNotContain("ENGINE-")
                    .doesNotContain("Exception").doesNotContain("reallocations");
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath("//*[contains(@class,'page-notifications')]"
                    + "//*[contains(normalize-space(),'New owner of each disputed right')]")));
            screenshot("charter-dispute-refused");
            assertThat(finishedTask(dispute)).as("the refused form completed nothing").isNull();
            // The person reads it, closes it, and picks another owner.
            closeNotifications();

            pick("New owner", "Brand");
            screenshot("charter-dispute");
            wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//button[normalize-space()='Complete']")))
                    .click();
            JsonNode finished = wait.until(d -> finishedTask(dispute));
            assertThat(finished.get("assignee").asText()).isEqualTo("cmo");
            // Brand is asked to accept the right it now gets, told where it came from and why.
            String brandAgain = taskOf(charterId, "Accept 1 right for Brand & Reputation", "brand.head");
            // A text rendered from the register when the form is read (never stored), through /engine-rest too.
            assertThat(getJson("/engine-rest/task/" + brandAgain + "/form-variables?variableNames=rightsSummary",
                    "brand.head").get("rightsSummary").get("value").asText())
                    .contains("operate (re-allocated from Operations by Clara Martens)")
                    .contains("Why rights were re-allocated to you:** Brand runs the packaging line.");
        } catch (Throwable failure) {
            saveDiagnostics();
            throw failure;
        }
    }

    @Test
    void theChairFoundsTheBoardByPickingPeopleAndTimesAndATooHighQuorumIsRefusedInWords() throws Exception {
        // The first summit founds the board; a later one starts from the board as it is set up.
        HttpResponse<String> current = call("GET", "/api/board", "cmo", null, null);
        JsonNode before = current.statusCode() == 200 ? json.readTree(current.body()) : null;
        String summitKey = summitAtItsOutcome("Founding " + UUID.randomUUID());
        String outcome = summitTask(summitKey, "Task_DecideOutcome", "cmo");
        try {
            logIn("cmo");
            openAndClaim(outcome, "Found the board or name a body", "cmo");
            chooseRadio("Found the customer engagement board");
            // The board as it is set up comes pre-filled, people by name; the chair adds the CEO by typing her name.
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath(
                    "//*[contains(@class,'fjs-taglist-tag')][contains(normalize-space(),'Clara Martens')]")));
            WebElement members = driver.findElement(By.xpath("//*[contains(@class,'fjs-form-field-taglist')]"
                    + "[./label[normalize-space()='Members*']]//input"));
            addPerson(members, "Elena", "Elena Vasquez");
            addPerson(driver.findElement(By.xpath("//*[contains(@class,'fjs-form-field-taglist')]"
                    + "[./label[starts-with(normalize-space(),'Core group')]]//input")), "Elena", "Elena Vasquez");
            chooseOption("Weekday", "Tuesday");
            chooseOption("Time", "10:30");
            WebElement quorum = driver.findElement(By.xpath("//*[contains(@class,'fjs-form-field-number')]"
                    + "[./label[starts-with(normalize-space(),'Quorum')]]//input"));
            quorum.sendKeys(Keys.chord(Keys.CONTROL, "a"), "9");

            wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//button[normalize-space()='Complete']")))
                    .click();
            // Next to the quorum (the core group: the chair and the CEO, or more when the board already had a
            // larger one), and the notification names the field by its label, not by its variable.
            String refusal = errorNextTo("Quorum (core members needed for a decision)",
                    "is 9 but the core group has only");
            assertThat(refusal).doesNotContain("ENGINE-").doesNotContain("Exception");
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath("//*[contains(@class,'page-notifications')]"
                    + "//*[contains(normalize-space(),'Quorum (core members needed for a decision): is 9')]")));
            assertThat(driver.findElement(By.cssSelector(".page-notifications")).getText()).doesNotContain("boardQuorum");
            screenshot("summit-outcome-refused");
            closeNotifications();
            quorum.sendKeys(Keys.chord(Keys.CONTROL, "a"), "2");
            screenshot("summit-outcome");
            wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//button[normalize-space()='Complete']")))
                    .click();
            wait.until(d -> finishedTask(outcome));

            JsonNode founded = wait.until(d -> {
                JsonNode board = getJson("/api/board", "cmo");
                return board.get("cadence").get("dayOfWeek").asText().equals("TUESDAY") ? board : null;
            });
            assertThat(founded.get("cadence").get("time").asText()).isEqualTo("10:30");
            assertThat(founded.get("quorum").asInt()).isEqualTo(2);
            List<String> foundedMembers = new ArrayList<>();
            founded.get("members").forEach(m -> foundedMembers.add(m.asText()));
            assertThat(foundedMembers).contains("cmo", "ceo")
                    .hasSize(before == null ? 2 : before.get("members").size() + 1);
            List<String> foundedCore = new ArrayList<>();
            founded.get("core").forEach(m -> foundedCore.add(m.asText()));
            assertThat(foundedCore).contains("cmo", "ceo");
        } catch (Throwable failure) {
            saveDiagnostics();
            throw failure;
        } finally {
            if (before != null) {
                // Other tests of this run meet the board as it was.
                ObjectNode restore = before.deepCopy();
                restore.remove("decisionRule");
                HttpResponse<String> restored = call("PUT", "/api/board", "cmo", "application/json",
                        restore.toString());
                assertThat(restored.statusCode()).as(restored.body()).isEqualTo(200);
            }
        }
    }

    @Test
    void theChairPlansAnActivityByPickingItsTouchpointAndFunctionsAndAMissingActivityIsShownAtItsField()
            throws Exception {
        String key = summitAtThePlan("Plan rows " + UUID.randomUUID());
        String plan = summitTask(key, "Task_PlanTouchpoints", "cmo");
        try {
            logIn("cmo");
            openAndClaim(plan, "Plan the touchpoints", "cmo");
            pick("Touchpoint", "Product-launch");
            // Completed without the activity: the form itself says so next to the field, and nothing completes.
            wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//button[normalize-space()='Complete']")))
                    .click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath("//*[contains(@class,'fjs-form-field')]"
                    + "[./label[starts-with(normalize-space(),'Activity')]]//*[contains(@class,'fjs-form-field-error')]"
                    + "[contains(normalize-space(),'required')]")));
            screenshot("summit-plan-refused");
            assertThat(finishedTask(plan)).as("nothing completed").isNull();
            closeNotifications();

            driver.findElement(By.xpath("//*[contains(@class,'fjs-form-field')][./label[starts-with(normalize-space(),"
                    + "'Activity')]]//input")).sendKeys("Brief the front line, then the branches");
            addPerson(driver.findElement(By.xpath("//*[contains(@class,'fjs-form-field-taglist')]"
                    + "[./label[starts-with(normalize-space(),'Functions involved')]]//input")), "Marketing", "Marketing");
            pick("Design", "Marketing");
            pick("Operate", "Customer");
            screenshot("summit-plan");
            wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//button[normalize-space()='Complete']")))
                    .click();
            wait.until(d -> finishedTask(plan));
            JsonNode planned = getJson("/api/summits/" + key.substring("summit-".length()), "cmo").get("plan");
            assertThat(planned).hasSize(1);
            assertThat(planned.get(0).get("touchpoint").asText()).isEqualTo("product-launch-briefing");
            assertThat(planned.get(0).get("activity").asText()).isEqualTo("Brief the front line, then the branches");
            assertThat(planned.get(0).get("functions").asText()).isEqualTo("marketing");
            assertThat(planned.get(0).get("design").asText()).isEqualTo("marketing");
            assertThat(planned.get(0).get("operate").asText()).isEqualTo("service");
        } catch (Throwable failure) {
            saveDiagnostics();
            throw failure;
        }
    }

    @Test
    void theChairOrdersTheAgendaByRenumberingPlacesAndTwoItemsAtOnePlaceAreRefusedInWords() throws Exception {
        boardWithSalesHead();
        String run = UUID.randomUUID().toString().substring(0, 8);
        String firstTitle = "Shorter hold music " + run;
        String secondTitle = "Greeting in the customer's language " + run;
        long first = agendaItem(firstTitle);
        long second = agendaItem(secondTitle);
        HttpResponse<String> called = call("POST", "/api/board/meetings", "cmo", "application/json",
                "{\"at\": \"" + Instant.now().plus(Duration.ofDays(2)) + "\", \"reason\": \"Agenda in the browser " + run
                        + "\"}");
        assertThat(called.statusCode()).as(called.body()).isEqualTo(201);
        long meetingId = json.readTree(called.body()).get("id").asLong();
        String key = "meeting-" + meetingId;
        String meeting = runtime.createProcessInstanceQuery().processInstanceBusinessKey(key).singleResult().getId();
        management.createJobQuery().processInstanceId(meeting).activityId("TimerEvent_AgendaCutoff").list()
                .forEach(job -> management.executeJob(job.getId()));
        String prepare = summitTask(key, "Task_PrepareAgenda", "cmo");
        String name = getJson("/engine-rest/task/" + prepare, "cmo").get("name").asText();
        try {
            logIn("cmo");
            openAndClaim(prepare, name, "cmo");
            // A row per item, named by its title and its author; its place to renumber.
            By items = By.xpath("//*[contains(@class,'fjs-form-field-select')][./label[normalize-space()='Item']]"
                    + "//*[contains(@class,'fjs-select-display')]");
            By places = By.xpath("//*[contains(@class,'fjs-form-field-number')][./label[starts-with(normalize-space(),"
                    + "'Place')]]//input");
            wait.until(d -> d.findElements(items).stream().anyMatch(e -> e.getText().contains(secondTitle)));
            assertThat(driver.findElements(items)).anySatisfy(e -> assertThat(e.getText())
                    .isEqualTo(firstTitle + " (from Sanjay Patel)"));
            List<WebElement> rows = driver.findElements(items);
            List<WebElement> placeInputs = driver.findElements(places);
            assertThat(placeInputs).hasSameSizeAs(rows);

            // Two items at one place: the server's check says so, in words.
            for (WebElement place : placeInputs) {
                place.sendKeys(Keys.chord(Keys.CONTROL, "a"), "1");
            }
            wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//button[normalize-space()='Complete']")))
                    .click();
            errorNextTo("Place", "two items have place 1; give each item its own place");
            screenshot("board-agenda-refused");
            assertThat(finishedTask(prepare)).as("nothing completed").isNull();
            closeNotifications();

            // The greeting first, the hold music second, anything else after them.
            int next = 3;
            for (int i = 0; i < rows.size(); i++) {
                String text = rows.get(i).getText();
                String place = text.contains(secondTitle) ? "1" : text.contains(firstTitle) ? "2" : String.valueOf(next++);
                placeInputs.get(i).sendKeys(Keys.chord(Keys.CONTROL, "a"), place);
            }
            screenshot("board-agenda");
            wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//button[normalize-space()='Complete']")))
                    .click();
            wait.until(d -> finishedTask(prepare));
            List<Long> order = new ArrayList<>();
            for (JsonNode entry : getJson("/api/board/meetings/" + meetingId, "cmo").get("agenda")) {
                order.add(entry.get("itemId").asLong());
            }
            assertThat(order).containsSubsequence(second, first);
            assertThat(order.get(0)).isEqualTo(second);
        } catch (Throwable failure) {
            saveDiagnostics();
            throw failure;
        }
    }

    @Test
    void aMemberStartsAnAgendaItemInTheTasklistAndPicksItsTouchpointsAndAnAction() throws Exception {
        boardWithSalesHead();
        String title = "Shorter hold music " + UUID.randomUUID().toString().substring(0, 8);
        try {
            logIn("sales.head");
            driver.get(base() + "/camunda/app/tasklist/default/");
            wait.until(ExpectedConditions.elementToBeClickable(By.xpath(
                    "//*[self::a or self::button][normalize-space()='Start process']"))).click();
            wait.until(ExpectedConditions.elementToBeClickable(By.xpath(
                    "//*[contains(@class,'modal')]//a[normalize-space()='Board agenda item']"))).click();
            // The start form: words only; its touchpoints and actions come in the next step.
            fillText("Title", title);
            fillText("Decision asked of the board", "Cut the hold music to 30 seconds");
            fillText("Facts: customer behaviour", "Callers hang up after 90 seconds");
            screenshot("board-agenda-item");
            wait.until(ExpectedConditions.elementToBeClickable(By.xpath(
                    "//*[contains(@class,'modal')]//button[normalize-space()='Start']"))).click();

            String name = "Name the touchpoints and actions of: " + title;
            String details = null;
            Instant deadline = Instant.now().plus(STEP);
            while (details == null) {
                for (JsonNode task : getJson("/engine-rest/task?taskDefinitionKey=Task_NameDetails&assignee=sales.head",
                        "sales.head")) {
                    if (name.equals(task.get("name").asText())) {
                        details = task.get("id").asText();
                    }
                }
                assertThat(Instant.now()).as("the details task appeared").isBefore(deadline);
                Thread.sleep(200);
            }
            driver.get(base() + "/camunda/app/tasklist/default/#/?task=" + details);
            WebElement touchpoints = wait.until(ExpectedConditions.elementToBeClickable(By.xpath(
                    "//*[contains(@class,'fjs-form-field-taglist')][./label[starts-with(normalize-space(),"
                            + "'Touchpoints concerned')]]//input")));
            addPerson(touchpoints, "Call-centre", "Call-centre script");
            wait.until(ExpectedConditions.elementToBeClickable(By.xpath(
                    "//*[contains(@class,'fjs-form-field-dynamiclist')]//button[contains(normalize-space(),'Add')]")))
                    .click();
            pick("Touchpoint", "Call-centre");
            chooseOption("Who does it", "Its operate owner");
            fillText("What is to be done", "Record a 30-second message");
            screenshot("board-item-details");
            // The Tasklist said where the next step is ("You are assigned to the following tasks..."): read, closed.
            closeNotifications();
            wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//button[normalize-space()='Complete']")))
                    .click();
            String completed = details;
            wait.until(d -> finishedTask(completed));

            String instance = finishedTask(completed).get("processInstanceId").asText();
            String businessKey = getJson("/engine-rest/history/process-instance/" + instance, "admin")
                    .get("businessKey").asText();
            JsonNode item = getJson("/api/board/agenda-items/" + businessKey.substring(businessKey.indexOf('-') + 1),
                    "sales.head");
            assertThat(item.get("title").asText()).isEqualTo(title);
            assertThat(item.toString()).contains("call-centre-script").contains("Record a 30-second message");
        } catch (Throwable failure) {
            saveDiagnostics();
            throw failure;
        }
    }

    @Test
    void aHeadWithMoreRightsThanAPickerHoldsDeclinesOneByWritingItsLine() throws Exception {
        // Sixty rights for brand: more than the picker holds (40 in this test), so the form asks for lines.
        String run = UUID.randomUUID().toString().substring(0, 8);
        StringBuilder csv = new StringBuilder("touchpoint,right,function\n");
        for (int i = 0; i < 30; i++) {
            String code = "browser-" + run + "-" + i;
            touchpoints.create(new TouchpointRequest(code, "Browser touchpoint " + i + " of run " + run, null,
                    TouchpointKind.EXTERNAL_DIRECT, "Branch", JourneyStage.EXPERIENCE, 3));
            csv.append(code).append(",DESIGN,brand\n").append(code).append(",BUILD,operations\n")
                    .append(code).append(",OPERATE,operations\n").append(code).append(",RENEW,brand\n");
        }
        long charterId = submittedCharter("Many rights " + run, csv.toString());
        String name = "Accept 60 rights for Brand & Reputation";
        String taskId = taskOf(charterId, name, "brand.head");

        try {
            logIn("brand.head");
            openAndClaim(taskId, name, "brand.head");
            chooseRadio("Decline some rights");
            assertThat(driver.findElements(By.cssSelector(".fjs-container .fjs-taglist")))
                    .as("no picker for 60 rights").noneMatch(WebElement::isDisplayed);
            WebElement linesLabel = wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath(
                    "//*[contains(@class,'fjs-container')]//label[starts-with(normalize-space(),'Rights you decline')]")));
            driver.findElement(By.id(linesLabel.getDomAttribute("for"))).sendKeys("Browser touchpoint 7 of run " + run + ": renew");
            WebElement reasonLabel = driver.findElement(By.xpath(
                    "//*[contains(@class,'fjs-container')]//label[starts-with(normalize-space(),'Why do you decline them?')]"));
            driver.findElement(By.id(reasonLabel.getDomAttribute("for"))).sendKeys("Service renews this one.");
            wait.until(ExpectedConditions.elementToBeClickable(
                    By.xpath("//button[normalize-space()='Complete']"))).click();

            JsonNode finished = wait.until(d -> finishedTask(taskId));
            assertThat(finished.get("assignee").asText()).isEqualTo("brand.head");
            assertThat(driver.findElements(By.cssSelector(
                    ".page-notifications .alert-danger, .page-notifications .alert-error")))
                    .as("Tasklist error notifications").noneMatch(WebElement::isDisplayed);
            String page = "/charter/" + charterId + "/functions/brand";
            wait.until(d -> {
                String html = body(page, "brand.head");
                return html.split("DECLINED", -1).length == 2 && html.contains("ACCEPTED");
            });
        } catch (Throwable failure) {
            saveDiagnostics();
            throw failure;
        }
    }
}
