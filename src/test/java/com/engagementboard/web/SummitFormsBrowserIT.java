package com.engagementboard.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The summit's forms as its people fill them in the Camunda Tasklist: the participant's pre-work, the chair
 * opening the summit, drafting the vision, a participant objecting, the chair answering the objections, and the
 * ecosystem sourcing. Each form first refuses something wrong next to its field, then completes; each shows the
 * context its person decides on, people by name (the plan and the outcome: {@link TasklistBrowserIT}).
 */
class SummitFormsBrowserIT extends TasklistBrowserSupport {

    private static final String REQUIRED = "Field is required.";

    @Test
    void aParticipantGivesThePreWorkStageByStageAndTheChairOpensTheSummitSeeingWhosePreWorkIsMissing()
            throws Exception {
        String title = "Pre-work " + UUID.randomUUID();
        String key = convene(title, "marketing.head", "sales.head");
        String preWork = assignedTask(key, "Task_AssessJourney", "marketing.head");
        try {
            logIn("marketing.head");
            openAssigned(preWork);
            // Completed empty: the first required answer says so, and nothing completes.
            clickComplete();
            inView(errorNextTo("Today", REQUIRED));
            // Today and wanted of the three stages every participant answers; the other stages are optional.
            assertThat(driver.findElements(By.xpath("//*[contains(@class,'fjs-form-field-error')]"
                    + "[contains(normalize-space()," + xpathLiteral(REQUIRED) + ")]"))).hasSize(6);
            assertThat(finishedTask(preWork)).as("nothing completed").isNull();
            screenshot("summit-pre-work-refused");
            closeNotifications();

            // Stages in the journey's order: Consider (1), Evaluate (2), Buy (3), Experience (4), Advocate, Bond.
            fillNth("Today", 1, "Ads nobody remembers");
            fillNth("Wanted", 1, "Friends recommend us");
            fillNth("Evidence", 1, "Brand tracker Q3");
            fillNth("Today", 3, "Forms on paper");
            fillNth("Wanted", 3, "Open an account in ten minutes");
            fillNth("Today", 4, "Callers wait twelve minutes");
            fillNth("Wanted", 4, "Answered at once");
            leaveField();
            screenshot("summit-pre-work");
            clickComplete();
            completedBy(preWork, "marketing.head");

            JsonNode report = summit(key);
            assertThat(participant(report, "marketing.head").get("preWorkSubmitted").asBoolean()).isTrue();
            assertThat(participant(report, "sales.head").get("preWorkSubmitted").asBoolean()).isFalse();
            assertThat(assessment(report, "marketing.head", "CONSIDER").get("today").asText())
                    .isEqualTo("Ads nobody remembers");
            assertThat(assessment(report, "marketing.head", "CONSIDER").get("evidence").asText())
                    .isEqualTo("Brand tracker Q3");
            assertThat(assessment(report, "marketing.head", "BUY").get("wanted").asText())
                    .isEqualTo("Open an account in ten minutes");
            assertThat(assessment(report, "marketing.head", "EXPERIENCE").get("today").asText())
                    .isEqualTo("Callers wait twelve minutes");

            // The chair opens the summit knowing whose pre-work is missing, by name.
            logIn("cmo");
            String open = summitTask(key, "Task_OpenSummit", "cmo");
            openAndClaim(open, "Open " + title, "cmo");
            String text = formText();
            assertThat(text).contains("Pre-work missing (1 of 2)").contains("Pre-work in (1 of 2)")
                    .doesNotContain("marketing.head").doesNotContain("sales.head");
            String missing = text.substring(text.indexOf("Pre-work missing"), text.indexOf("Pre-work in ("));
            String in = text.substring(text.indexOf("Pre-work in ("));
            assertThat(missing).contains("Sanjay Patel").doesNotContain("Mira Hoffmann");
            assertThat(in).contains("Mira Hoffmann").doesNotContain("Sanjay Patel");
            screenshot("summit-open");
            clickComplete();
            completedBy(open, "cmo");

            JsonNode opened = summit(key);
            assertThat(opened.get("status").asText()).isEqualTo("IN_SESSION");
            assertThat(texts(opened.get("missingPreWork"))).containsExactly("sales.head");
            summitTask(key, "Task_DraftVision", "cmo");
        } catch (Throwable failure) {
            saveDiagnostics();
            throw failure;
        }
    }

    @Test
    void theChairCancelsASummitOnItsPageAndAParticipantReadsTheNoticeInTheTasklist() throws Exception {
        String title = "Cancelled " + UUID.randomUUID();
        String key = convene(title, "marketing.head");
        String id = key.substring("summit-".length());
        String reason = "The merger talks take the whole leadership team this month.";
        try {
            // The chair cancels on the summit's page, with her reason.
            logIn("cmo");
            driver.get(base() + "/summits/" + id);
            WebElement why = wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath(
                    "//form[contains(@action,'/cancel')]//textarea")));
            why.sendKeys(reason);
            screenshot("summit-cancel");
            driver.findElement(By.xpath("//form[contains(@action,'/cancel')]//button[@type='submit']")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "Cancelled by"));
            assertThat(summit(key).get("status").asText()).isEqualTo("CANCELLED");

            // The participant's notice in the Tasklist: who, why; nothing to answer.
            String notice = assignedTask(key, "Task_ReadCancellation", "marketing.head");
            logIn("marketing.head");
            openAssigned(notice);
            wait.until(d -> formText().contains(reason));
            assertThat(formText()).contains(title).contains("The chair, Clara Martens, cancelled")
                    .contains("nothing more is asked of you");
            screenshot("summit-cancelled-notice");
            clickComplete();
            completedBy(notice, "marketing.head");
        } catch (Throwable failure) {
            saveDiagnostics();
            throw failure;
        }
    }

    @Test
    void aSummitNobodyClosedLapsesAndAParticipantReadsTheNoticeInTheTasklist() throws Exception {
        String title = "Lapsed " + UUID.randomUUID();
        String key = convene(title, "marketing.head");
        try {
            // Nobody brings it to its close long after its day: its lapse timer runs, as the job executor would.
            String instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(key).singleResult()
                    .getId();
            management.createJobQuery().processInstanceId(instance).activityId("StartEvent_SummitLapses").list()
                    .forEach(job -> management.executeJob(job.getId()));
            assertThat(summit(key).get("status").asText()).isEqualTo("CANCELLED");

            // The participant's notice in the Tasklist: what lapsed, when, why; nothing to answer.
            String notice = assignedTask(key, "Task_ReadLapse", "marketing.head");
            logIn("marketing.head");
            openAssigned(notice);
            wait.until(d -> formText().contains("lapsed"));
            assertThat(formText()).contains(title).contains("neither closed nor cancelled within 14 days")
                    .contains("It founded nothing");
            screenshot("summit-lapsed-notice");
            clickComplete();
            completedBy(notice, "marketing.head");
        } catch (Throwable failure) {
            saveDiagnostics();
            throw failure;
        }
    }

    @Test
    void theChairDraftsTheVisionSeeingEachParticipantsJourneyGapsByNameAndAnEmptyVisionIsRefused() throws Exception {
        String key = convene("Vision " + UUID.randomUUID(), "marketing.head", "sales.head");
        complete(assignedTask(key, "Task_AssessJourney", "marketing.head"), "marketing.head", Map.of(
                "today_CONSIDER", "Ads nobody remembers", "wanted_CONSIDER", "Friends recommend us",
                "today_BUY", "Forms on paper", "wanted_BUY", "Open an account in ten minutes",
                "today_EXPERIENCE", "Callers wait twelve minutes", "wanted_EXPERIENCE", "Answered at once"));
        complete(summitTask(key, "Task_OpenSummit", "cmo"), "cmo", Map.of());
        String vision = summitTask(key, "Task_DraftVision", "cmo");
        String drafted = "Advice first, in one voice " + UUID.randomUUID();
        try {
            logIn("cmo");
            openAndClaim(vision, "Draft the engagement vision", "cmo");
            String text = formText();
            assertThat(text).contains("Mira Hoffmann, Consider: today “Ads nobody remembers”; wanted “Friends "
                    + "recommend us”")
                    .contains("Mira Hoffmann, Buy: today “Forms on paper”; wanted “Open an account in ten minutes”")
                    .contains("Mira Hoffmann, Experience: today “Callers wait twelve minutes”; wanted “Answered at once”")
                    .contains("No pre-work from: Sanjay Patel")
                    .doesNotContain("marketing.head").doesNotContain("sales.head");
            assertThat(text.indexOf(", Consider:")).isLessThan(text.indexOf(", Buy:"));

            // The field may start from the last summit's vision: emptied, it is refused next to it.
            clear("Vision");
            clickComplete();
            inView(errorNextTo("Vision", REQUIRED));
            assertThat(finishedTask(vision)).as("nothing completed").isNull();
            screenshot("summit-vision-refused");
            closeNotifications();

            fillText("Vision", drafted);
            leaveField();
            screenshot("summit-vision");
            clickComplete();
            completedBy(vision, "cmo");
            assertThat(summit(key).get("vision").asText()).isEqualTo(drafted);
            summitTask(key, "Task_EndorseVision", "marketing.head");
        } catch (Throwable failure) {
            saveDiagnostics();
            throw failure;
        }
    }

    @Test
    void aParticipantObjectsOnlyWithAReasonAndTheChairRevisesSeeingTheVisionAndWhoObjectedByName() throws Exception {
        String tag = UUID.randomUUID().toString();
        String title = "Objections " + tag;
        String key = convene(title, "marketing.head");
        preWorkAndOpen(key, "marketing.head");
        String objected = "Be the cheapest bank " + tag;
        String revised = "Customers choose us for advice " + tag;
        complete(summitTask(key, "Task_DraftVision", "cmo"), "cmo", Map.of("vision", objected));
        String endorse = assignedTask(key, "Task_EndorseVision", "marketing.head");
        try {
            logIn("marketing.head");
            openAssigned(endorse);
            assertThat(formText()).contains(objected);
            // Objecting without saying why is refused next to the reason.
            chooseRadio("I object");
            clickComplete();
            inView(errorNextTo("Why do you object?", REQUIRED));
            assertThat(finishedTask(endorse)).as("nothing completed").isNull();
            screenshot("summit-endorse-refused");
            closeNotifications();

            fillText("Why do you object?", "Price is not a relationship");
            leaveField();
            screenshot("summit-endorse");
            clickComplete();
            completedBy(endorse, "marketing.head");
            JsonNode objection = participant(summit(key), "marketing.head");
            assertThat(objection.get("endorsement").asText()).isEqualTo("OBJECT");
            assertThat(objection.get("objection").asText()).isEqualTo("Price is not a relationship");

            // The chair reads the vision objected to, who objected by name and why.
            logIn("cmo");
            String answer = summitTask(key, "Task_AnswerObjections", "cmo");
            openAndClaim(answer, "Answer the objections to the vision", "cmo");
            String text = formText();
            assertThat(text).contains("The vision objected to").contains(objected)
                    .contains("Mira Hoffmann: Price is not a relationship").doesNotContain("marketing.head");
            // Revising without the revised vision is refused next to it.
            chooseRadio("Revise the vision and ask again");
            clear("Revised vision");
            clickComplete();
            inView(errorNextTo("Revised vision", REQUIRED));
            assertThat(finishedTask(answer)).as("nothing completed").isNull();
            screenshot("summit-objections-refused");
            closeNotifications();

            fillText("Revised vision", revised);
            // The vision objected to stays in view while the revision is typed.
            assertThat(driver.findElement(By.xpath("//*[contains(@class,'fjs-form-field-text')]"
                    + "[.//*[normalize-space()='The vision objected to']]")).getText()).contains(objected)
                    .doesNotContain(revised);
            leaveField();
            screenshot("summit-objections");
            clickComplete();
            completedBy(answer, "cmo");
            JsonNode report = summit(key);
            assertThat(report.get("vision").asText()).isEqualTo(revised);
            assertThat(report.get("visionRounds").asInt()).isEqualTo(2);
            // Everyone is asked again, about the revision.
            assertThat(assignedTask(key, "Task_EndorseVision", "marketing.head")).isNotEqualTo(endorse);
        } catch (Throwable failure) {
            saveDiagnostics();
            throw failure;
        }
    }

    @Test
    void theChairDecidesTheSourcingElementByElementAndPartnersWithoutNamesAreRefused() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String key = summitAtThePlan("Sourcing " + tag);
        complete(summitTask(key, "Task_PlanTouchpoints", "cmo"), "cmo", Map.of("plan",
                "touchpoint,activity,functions,dependsOn,design,build,operate,renew\n"
                        + "product-launch-briefing,Brief the front line,marketing product,,marketing,product,service,"
                        + "marketing"));
        String sourcing = summitTask(key, "Task_DecideSourcing", "cmo");
        try {
            logIn("cmo");
            openAndClaim(sourcing, "Decide the ecosystem sourcing", "cmo");
            // Elements in the form's order: content, data, product, experience, brand.
            chooseRadioOf(1, "Partners");
            chooseRadioOf(2, "Mixed");
            chooseRadioOf(3, "In-house");
            chooseRadioOf(4, "In-house");
            chooseRadioOf(5, "In-house");
            fillPartners(2, "Insight Partners " + tag);
            for (int element = 1; element <= 5; element++) {
                fillNth("Reason", element, "Reason " + element + " " + tag);
            }
            // The content element is sourced from partners nobody named: refused next to its partners.
            clickComplete();
            inView(wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath("(" + partnersXpath() + ")[1]"
                    + "//*[contains(@class,'fjs-form-field-error')][contains(normalize-space()," + xpathLiteral(REQUIRED)
                    + ")]"))));
            assertThat(driver.findElements(By.xpath("(" + partnersXpath() + ")[2]"
                    + "//*[contains(@class,'fjs-form-field-error')]"))).as("the named partners are fine").isEmpty();
            assertThat(finishedTask(sourcing)).as("nothing completed").isNull();
            screenshot("summit-sourcing-refused");
            closeNotifications();

            fillPartners(1, "Agency North " + tag);
            leaveField();
            screenshot("summit-sourcing");
            clickComplete();
            completedBy(sourcing, "cmo");

            Map<String, JsonNode> decided = new LinkedHashMap<>();
            summit(key).get("sourcing").forEach(s -> decided.put(s.get("element").asText(), s));
            assertThat(decided).hasSize(5);
            assertThat(decided.get("CONTENT_COMMUNICATIONS").get("mode").asText()).isEqualTo("PARTNER");
            assertThat(decided.get("CONTENT_COMMUNICATIONS").get("partners").asText()).isEqualTo("Agency North " + tag);
            assertThat(decided.get("CONTENT_COMMUNICATIONS").get("reason").asText()).isEqualTo("Reason 1 " + tag);
            assertThat(decided.get("DATA_ANALYTICS").get("mode").asText()).isEqualTo("MIXED");
            assertThat(decided.get("DATA_ANALYTICS").get("partners").asText()).isEqualTo("Insight Partners " + tag);
            for (String element : List.of("PRODUCT_INNOVATION", "EXPERIENCE_DESIGN", "BRAND_REPUTATION")) {
                assertThat(decided.get(element).get("mode").asText()).as(element).isEqualTo("IN_HOUSE");
                assertThat(decided.get(element).get("partners").isNull()).as(element).isTrue();
            }
            assertThat(decided.get("BRAND_REPUTATION").get("reason").asText()).isEqualTo("Reason 5 " + tag);
            summitTask(key, "Task_DecideOutcome", "cmo");
        } catch (Throwable failure) {
            saveDiagnostics();
            throw failure;
        }
    }

    // --- helpers (candidates for TasklistBrowserSupport) ---------------------------------------

    /** A summit convened through the API by the chair, with these participants: its business key. */
    private String convene(String title, String... participants) throws Exception {
        HttpResponse<String> convened = call("POST", "/api/summits", "cmo", "application/json",
                json.writeValueAsString(Map.of("title", title, "at", Instant.now().plus(Duration.ofDays(7)).toString(),
                        "participants", List.of(participants))));
        assertThat(convened.statusCode()).as(convened.body()).isEqualTo(201);
        return "summit-" + json.readTree(convened.body()).get("id").asText();
    }

    /** The participant's pre-work through /engine-rest, then the chair opens the summit. */
    private void preWorkAndOpen(String key, String participant) throws Exception {
        Map<String, Object> preWork = new LinkedHashMap<>();
        for (String stage : List.of("CONSIDER", "BUY", "EXPERIENCE")) {
            preWork.put("today_" + stage, "Today at " + stage.toLowerCase());
            preWork.put("wanted_" + stage, "Wanted at " + stage.toLowerCase());
        }
        complete(assignedTask(key, "Task_AssessJourney", participant), participant, preWork);
        complete(summitTask(key, "Task_OpenSummit", "cmo"), "cmo", Map.of());
    }

    /** The open task at the step assigned to the user (a participant's own), once the process has reached it. */
    private String assignedTask(String businessKey, String step, String user) throws InterruptedException {
        Instant deadline = Instant.now().plus(STEP);
        while (true) {
            JsonNode found = getJson("/engine-rest/task?processInstanceBusinessKey=" + businessKey
                    + "&taskDefinitionKey=" + step + "&assignee=" + user, user);
            if (!found.isEmpty()) {
                return found.get(0).get("id").asText();
            }
            assertThat(Instant.now()).as("the step " + step + " of " + user + " was reached within 30 s")
                    .isBefore(deadline);
            Thread.sleep(200);
        }
    }

    /**
     * The message next to a field, in the middle of the screen (where the refusal's screenshot shows it). The
     * message is located again: form-js renders it anew meanwhile.
     */
    private void inView(String message) {
        WebElement error = wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath(
                "//*[contains(@class,'fjs-form-field-error')][normalize-space()=" + xpathLiteral(message.strip()) + "]")));
        inView(error);
    }

    private void inView(WebElement element) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
    }

    /** The person moves on from the field typed in: form-js checks it again when it loses the focus. */
    private void leaveField() {
        ((JavascriptExecutor) driver).executeScript("if (document.activeElement) { document.activeElement.blur(); }");
        wait.until(d -> d.findElements(By.cssSelector(".fjs-form-field-error")).stream().noneMatch(WebElement::isDisplayed));
    }

    /** Types into the n-th (from 1) text field or area of that label, where a form repeats a label per stage. */
    private void fillNth(String label, int n, String text) {
        type(By.xpath("(" + fieldXpath(label) + ")[" + n + "]//*[self::input or self::textarea]"), text);
    }

    /** The partners text fields (a radio option is labelled "Partners" too). */
    private static String partnersXpath() {
        return "//*[contains(@class,'fjs-form-field-textfield')][./label[normalize-space()='Partners'"
                + " or normalize-space()='Partners*']]";
    }

    /** Types the partners of the n-th of the elements shown with partners. */
    private void fillPartners(int n, String text) {
        type(By.xpath("(" + partnersXpath() + ")[" + n + "]//input"), text);
    }

    private void type(By input, String text) {
        WebElement field = wait.until(ExpectedConditions.elementToBeClickable(input));
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", field);
        field.sendKeys(text);
    }

    /** Empties a text field or area, as a person selecting all it holds and deleting it. */
    private void clear(String label) {
        WebElement input = wait.until(ExpectedConditions.elementToBeClickable(By.xpath(fieldXpath(label)
                + "//*[self::input or self::textarea]")));
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", input);
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
        wait.until(d -> input.getDomProperty("value").isEmpty());
    }

    /** Chooses an option of the n-th (from 1) radio group, where a form repeats its options per element. */
    private void chooseRadioOf(int n, String option) {
        By label = By.xpath("(//*[contains(@class,'fjs-container')]//*[contains(@class,'fjs-form-field-radio')])[" + n
                + "]//label[normalize-space()=" + xpathLiteral(option) + "]");
        WebElement choice = wait.until(ExpectedConditions.elementToBeClickable(label));
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", choice);
        choice.click();
        wait.until(d -> d.findElement(label).findElement(By.xpath(".//input[@type='radio']")).isSelected());
    }

    private JsonNode summit(String key) {
        return getJson("/api/summits/" + key.substring("summit-".length()), "cmo");
    }

    private static JsonNode participant(JsonNode report, String user) {
        for (JsonNode p : report.get("participants")) {
            if (user.equals(p.get("user").asText())) {
                return p;
            }
        }
        throw new AssertionError("no participant " + user + " in " + report);
    }

    private static JsonNode assessment(JsonNode report, String user, String stage) {
        for (JsonNode a : report.get("assessments")) {
            if (user.equals(a.get("user").asText()) && stage.equals(a.get("stage").asText())) {
                return a;
            }
        }
        throw new AssertionError("no assessment of " + user + " at " + stage + " in " + report.get("assessments"));
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new java.util.ArrayList<>();
        array.forEach(a -> texts.add(a.asText()));
        return texts;
    }
}
