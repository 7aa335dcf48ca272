package com.engagementboard.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.engagementboard.organisation.JourneyStage;
import com.engagementboard.organisation.TouchpointKind;
import com.engagementboard.organisation.TouchpointRequest;
import com.engagementboard.organisation.TouchpointService;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A head of function accepts their charter rights the way people do it: in a real (headless) Chromium,
 * logging in through the application's login page and completing the Camunda Form in the Tasklist.
 * Skipped where /usr/bin/chromium or /usr/bin/chromedriver is missing; CI installs both.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "camunda.bpm.job-execution.enabled=true", "camunda.bpm.job-execution.wait-time-in-millis=200",
                "camunda.bpm.job-execution.max-wait=500",
                // The picker holds 500 rights; 40 here lets a head of 60 rights meet the lines field.
                "engagement-board.charter.picker-rights=40" })
class TasklistBrowserIT {

    private static final File CHROMIUM = new File("/usr/bin/chromium");
    private static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");
    private static final Duration STEP = Duration.ofSeconds(30);

    private static final String CSV = """
            touchpoint,right,function
            card-packaging,DESIGN,brand
            card-packaging,BUILD,operations
            card-packaging,OPERATE,operations
            card-packaging,RENEW,brand
            """;
    private static final String BRAND_TASK = "Accept 2 rights for Brand & Reputation";
    private static final String OPERATIONS_TASK = "Accept 2 rights for Operations";

    @LocalServerPort
    int port;

    @Autowired
    TouchpointService touchpoints;

    @Autowired
    RuntimeService runtime;

    @Autowired
    ManagementService management;

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    private ChromeDriverService service;
    private WebDriver driver;
    private WebDriverWait wait;
    private Path profile;

    @BeforeEach
    void startBrowser() throws IOException {
        Assumptions.assumeTrue(CHROMIUM.canExecute(), "no Chromium at " + CHROMIUM);
        Assumptions.assumeTrue(CHROMEDRIVER.canExecute(), "no chromedriver at " + CHROMEDRIVER);
        profile = Files.createTempDirectory("tasklist-browser-it-");
        // An explicit driver and browser: Selenium Manager never looks anything up or downloads anything.
        service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER).usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.getPath());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync",
                "--window-size=1400,900", "--user-data-dir=" + profile.toAbsolutePath());
        // The browser's console, to check that no Content-Security-Policy blocks anything.
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        driver = new ChromeDriver(service, options);
        wait = new WebDriverWait(driver, STEP, Duration.ofMillis(200));
    }

    @AfterEach
    void stopBrowser() {
        try {
            if (driver != null) {
                driver.quit();
            }
        } finally {
            driver = null;
            if (service != null) {
                service.stop();
                service = null;
            }
            deleteQuietly(profile);
        }
    }

    @Test
    void theBrandHeadAcceptsTheirRightsInTheTasklist() throws Exception {
        String title = "Card packaging " + UUID.randomUUID();
        HttpResponse<String> created = call("POST", "/api/charter/drafts?title="
                + URLEncoder.encode(title, StandardCharsets.UTF_8), "cmo", "text/csv", CSV);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        long charterId = json.readTree(created.body()).get("id").asLong();
        HttpResponse<String> submitted = call("POST", "/api/charter/drafts/" + charterId + "/submit", "cmo", null,
                null);
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(200);
        String taskId = brandTaskOf(charterId);

        try {
            // Log in through the application's own login page.
            driver.get(base() + "/");
            wait.until(ExpectedConditions.urlContains("/login"));
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys("brand.head");
            driver.findElement(By.id("password")).sendKeys("demo");
            driver.findElement(By.cssSelector("button[type=submit]")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Welcome, brand.head"));
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
            WebElement label = wait.until(ExpectedConditions.elementToBeClickable(By.xpath(
                    "//*[contains(@class,'fjs-container')]//label[normalize-space()='Accept all rights']")));
            String forId = label.getDomAttribute("for");
            By radio = forId != null && !forId.isBlank() ? By.id(forId)
                    : By.xpath("//*[contains(@class,'fjs-container')]//label[normalize-space()='Accept all rights']"
                            + "//input[@type='radio']");
            label.click();
            wait.until(d -> {
                WebElement input = d.findElement(radio);
                if (!input.isSelected()) {
                    ((JavascriptExecutor) d).executeScript("arguments[0].click();", input);
                }
                return d.findElement(radio).isSelected();
            });
            wait.until(ExpectedConditions.elementToBeClickable(
                    By.xpath("//button[normalize-space()='Complete']"))).click();

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
            search.sendKeys("OPERATE");
            By operate = By.xpath("//*[contains(@class,'fjs-dropdownlist-item')][contains(normalize-space(),"
                    + "'(card-packaging): OPERATE')]");
            wait.until(ExpectedConditions.visibilityOfElementLocated(operate));
            assertThat(driver.findElements(By.cssSelector(".fjs-dropdownlist-item")))
                    .as("the search leaves only the OPERATE right").hasSize(1);
            WebElement item = driver.findElement(operate);
            new Actions(driver).moveToElement(item).click().perform();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath(
                    "//*[contains(@class,'fjs-taglist-tag')][contains(normalize-space(),'OPERATE')]")));

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
            if (option.get("label").asText().contains("OPERATE")) {
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
            WebElement refusal = wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath(
                    "//*[contains(normalize-space(text()),'Operations declined Card packaging: operate')]")));
            assertThat(refusal.getText()).contains("give it to another function").doesNotContain("ENGINE-")
                    .doesNotContain("Exception");
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
            // Brand is asked to accept the right it now gets.
            taskOf(charterId, "Accept 1 right for Brand & Reputation", "brand.head");
        } catch (Throwable failure) {
            saveDiagnostics();
            throw failure;
        }
    }

    /** Picks an option of a searchable select by typing part of its name and clicking it, as a person does. */
    private void pick(String label, String typed) {
        WebElement field = wait.until(ExpectedConditions.elementToBeClickable(By.xpath(
                "//*[contains(@class,'fjs-container')]//*[contains(@class,'fjs-form-field-select')][./label[normalize-space()="
                        + xpathLiteral(label) + " or normalize-space()=" + xpathLiteral(label + "*")
                        + "]]//input[contains(@class,'fjs-input')]")));
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", field);
        field.click();
        field.sendKeys(Keys.chord(Keys.CONTROL, "a"),
                Keys.BACK_SPACE);
        field.sendKeys(typed);
        By option = By.xpath("//*[contains(@class,'fjs-dropdownlist-item')][contains(normalize-space()," + xpathLiteral(typed)
                + ")]");
        WebElement item = wait.until(ExpectedConditions.visibilityOfElementLocated(option));
        new Actions(driver).moveToElement(item).click().perform();
    }

    /** A picture of the page as the person sees it, under target/screenshots. */
    private void screenshot(String name) {
        try {
            Path dir = Files.createDirectories(Paths.get("target", "screenshots"));
            File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), dir.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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
            WebElement refusal = wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath(
                    "//*[contains(normalize-space(text()),'boardQuorum: is 9 but the core group has only')]")));
            // (the core group: the chair and the CEO, or more when the board already had a larger one)
            assertThat(refusal.getText()).doesNotContain("ENGINE-").doesNotContain("Exception");
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

    /** Closes the Tasklist's notifications, as a person who has read them does (they cover Complete). */
    private void closeNotifications() {
        for (WebElement close : driver.findElements(By.cssSelector(".page-notifications .close"))) {
            try {
                if (close.isDisplayed()) {
                    close.click();
                }
            } catch (org.openqa.selenium.StaleElementReferenceException alreadyGone) {
                // the Tasklist dismissed it by itself meanwhile
            }
        }
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".page-notifications .alert")));
    }

    /** Adds a person to a people picker by typing part of their name and clicking it. */
    private void addPerson(WebElement picker, String typed, String name) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", picker);
        picker.click();
        picker.sendKeys(typed);
        WebElement person = wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath(
                "//*[contains(@class,'fjs-dropdownlist-item')][contains(normalize-space()," + xpathLiteral(name) + ")]")));
        new Actions(driver).moveToElement(person).click().perform();
        wait.until(d -> picker.findElement(By.xpath("./ancestor::*[contains(@class,'fjs-form-field-taglist')]"))
                .getText().contains(name));
        picker.sendKeys(Keys.ESCAPE); // closes the list of names, as a person moving on would
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".fjs-dropdownlist-item")));
    }

    /** Chooses an option of a (non-searchable) select by its label, as a person clicks it. */
    private void chooseOption(String label, String option) {
        By display = By.xpath("//*[contains(@class,'fjs-form-field-select')][./label[normalize-space()="
                + xpathLiteral(label) + " or normalize-space()=" + xpathLiteral(label + "*")
                + "]]//*[contains(@class,'fjs-select-display')]");
        By item = By.xpath("//*[contains(@class,'fjs-dropdownlist-item')][normalize-space()=" + xpathLiteral(option)
                + "]");
        // In view first (a list opening below the fold closes again); a list another field left open may take
        // the first click: the person looks and clicks again.
        for (int attempt = 0; attempt < 3; attempt++) {
            WebElement field = wait.until(ExpectedConditions.elementToBeClickable(display));
            ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", field);
            field.click();
            try {
                WebElement choice = new WebDriverWait(driver, Duration.ofSeconds(5))
                        .until(ExpectedConditions.visibilityOfElementLocated(item));
                new Actions(driver).moveToElement(choice).click().perform();
            } catch (org.openqa.selenium.TimeoutException notOpened) {
                continue;
            }
            if (driver.findElement(display).getText().strip().equals(option)) {
                return;
            }
        }
        assertThat(driver.findElement(display).getText()).as("the select '" + label + "'").isEqualTo(option);
    }

    /**
     * A summit run to its last step as its people would answer each form (through /engine-rest): pre-work,
     * opening, vision, endorsement, plan, sourcing. Its business key.
     */
    private String summitAtItsOutcome(String title) throws Exception {
        String key = summitAtThePlan(title);
        complete(summitTask(key, "Task_PlanTouchpoints", "cmo"), "cmo", Map.of("plan",
                "touchpoint,activity,functions,dependsOn,design,build,operate,renew\n"
                        + "product-launch-briefing,Brief the front line,marketing product,,marketing,product,service,"
                        + "marketing"));
        Map<String, Object> sourcing = new LinkedHashMap<>();
        for (String element : List.of("CONTENT_COMMUNICATIONS", "DATA_ANALYTICS", "PRODUCT_INNOVATION",
                "EXPERIENCE_DESIGN", "BRAND_REPUTATION")) {
            sourcing.put("mode_" + element, "IN_HOUSE");
            sourcing.put("reason_" + element, "Core to us");
        }
        complete(summitTask(key, "Task_DecideSourcing", "cmo"), "cmo", sourcing);
        return key;
    }

    /** A summit convened through the API, its people's forms answered through /engine-rest up to the plan. */
    private String summitAtThePlan(String title) throws Exception {
        HttpResponse<String> convened = call("POST", "/api/summits", "cmo", "application/json",
                "{\"title\": \"" + title + "\", \"at\": \"" + Instant.now().plus(Duration.ofDays(7))
                        + "\", \"participants\": [\"marketing.head\"]}");
        assertThat(convened.statusCode()).as(convened.body()).isEqualTo(201);
        String key = "summit-" + json.readTree(convened.body()).get("id").asText();
        Map<String, Object> preWork = new LinkedHashMap<>();
        for (String stage : List.of("CONSIDER", "BUY", "EXPERIENCE")) {
            preWork.put("today_" + stage, "Today at " + stage.toLowerCase());
            preWork.put("wanted_" + stage, "Wanted at " + stage.toLowerCase());
        }
        complete(summitTask(key, "Task_AssessJourney", "marketing.head"), "marketing.head", preWork);
        complete(summitTask(key, "Task_OpenSummit", "cmo"), "cmo", Map.of());
        complete(summitTask(key, "Task_DraftVision", "cmo"), "cmo", Map.of("vision", "One voice to the customer."));
        complete(summitTask(key, "Task_EndorseVision", "marketing.head"), "marketing.head",
                Map.of("endorsement", "ENDORSE"));
        return key;
    }

    /** The summit's open task at the step, as the user sees it, once the process has reached it. */
    private String summitTask(String businessKey, String step, String user) throws InterruptedException {
        Instant deadline = Instant.now().plus(STEP);
        while (true) {
            JsonNode found = getJson("/engine-rest/task?processInstanceBusinessKey=" + businessKey
                    + "&taskDefinitionKey=" + step, user);
            if (!found.isEmpty()) {
                return found.get(0).get("id").asText();
            }
            assertThat(Instant.now()).as("the step " + step + " was reached within 30 s").isBefore(deadline);
            Thread.sleep(200);
        }
    }

    /** Completes a task through /engine-rest with the form's fields, as the user. */
    private void complete(String taskId, String user, Map<String, Object> fields) throws Exception {
        ObjectNode variables = json.createObjectNode();
        fields.forEach((name, value) -> variables.putObject(name).putPOJO("value", value));
        ObjectNode body = json.createObjectNode();
        body.set("variables", variables);
        HttpResponse<String> done = call("POST", "/engine-rest/task/" + taskId + "/complete", user,
                "application/json", body.toString());
        assertThat(done.statusCode()).as(taskId + ": " + done.body()).isEqualTo(204);
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
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath(
                    "//*[contains(normalize-space(text()),'two items have place 1; give each item its own place')]")));
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

    /**
     * A board with the head of sales among its members (other tests of this class found their own board): the
     * board as it is, with him added, or a small one for the chair and him.
     */
    private void boardWithSalesHead() throws Exception {
        HttpResponse<String> current = call("GET", "/api/board", "cmo", null, null);
        ObjectNode board;
        if (current.statusCode() == 200) {
            board = (ObjectNode) json.readTree(current.body());
            board.remove("decisionRule");
            List<String> members = new ArrayList<>();
            board.get("members").forEach(m -> members.add(m.asText()));
            if (members.contains("sales.head")) {
                return;
            }
            ((com.fasterxml.jackson.databind.node.ArrayNode) board.get("members")).add("sales.head");
        } else {
            board = (ObjectNode) json.readTree("""
                    {"chair": "cmo", "members": ["cmo", "sales.head"], "core": ["cmo"], "quorum": 1,
                     "cadence": {"type": "WEEKLY", "dayOfWeek": "MONDAY", "time": "09:00", "timeZone": "Europe/Amsterdam"}}
                    """);
        }
        HttpResponse<String> setUp = call("PUT", "/api/board", "cmo", "application/json", board.toString());
        assertThat(setUp.statusCode()).as(setUp.body()).isEqualTo(200);
    }

    /** A board member's item for the next agenda, with its facts: its id. */
    private long agendaItem(String title) throws Exception {
        HttpResponse<String> created = call("POST", "/api/board/agenda-items", "sales.head", "application/json",
                json.writeValueAsString(Map.of("title", title, "decisionAsked", "Decide: " + title, "touchpoints",
                        List.of("call-centre-script"), "facts", Map.of("customerBehaviour", "Callers hang up"))));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return json.readTree(created.body()).get("id").asLong();
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

    /** Types into a text field or text area of the Camunda Form, found by its label. */
    private void fillText(String label, String text) {
        wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//*[contains(@class,'fjs-form-field')]"
                + "[./label[normalize-space()=" + xpathLiteral(label) + " or normalize-space()=" + xpathLiteral(label + "*")
                + "]]//*[self::input or self::textarea]"))).sendKeys(text);
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
            driver.findElement(By.id(linesLabel.getDomAttribute("for"))).sendKeys("browser-" + run + "-7,RENEW");
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

    private long submittedCharter(String title) throws IOException, InterruptedException {
        return submittedCharter(title, CSV);
    }

    private long submittedCharter(String title, String csv) throws IOException, InterruptedException {
        HttpResponse<String> created = call("POST", "/api/charter/drafts?title="
                + URLEncoder.encode(title, StandardCharsets.UTF_8), "cmo", "text/csv", csv);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        long charterId = json.readTree(created.body()).get("id").asLong();
        HttpResponse<String> submitted = call("POST", "/api/charter/drafts/" + charterId + "/submit", "cmo", null,
                null);
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(200);
        return charterId;
    }

    /** Logs in through the application's own login page. */
    private void logIn(String user) {
        driver.get(base() + "/");
        wait.until(ExpectedConditions.urlContains("/login"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys(user);
        driver.findElement(By.id("password")).sendKeys("demo");
        driver.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Welcome, " + user));
    }

    /** The Tasklist, straight on the task (other tests may leave tasks of the same name), claimed. */
    private void openAndClaim(String taskId, String name, String user) {
        driver.get(base() + "/camunda/app/tasklist/default/#/?task=" + taskId);
        wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.xpath("//*[normalize-space(text())=" + xpathLiteral(name) + "]")));
        wait.until(ExpectedConditions.elementToBeClickable(
                By.xpath("//*[self::button or self::a][normalize-space()='Claim']"))).click();
        wait.until(d -> user.equals(assigneeOf(taskId)));
    }

    /** Chooses a radio option of the Camunda Form by its label. */
    private void chooseRadio(String text) {
        WebElement label = wait.until(ExpectedConditions.elementToBeClickable(By.xpath(
                "//*[contains(@class,'fjs-container')]//label[normalize-space()=" + xpathLiteral(text) + "]")));
        String forId = label.getDomAttribute("for");
        By radio = forId != null && !forId.isBlank() ? By.id(forId)
                : By.xpath("//*[contains(@class,'fjs-container')]//label[normalize-space()=" + xpathLiteral(text)
                        + "]//input[@type='radio']");
        label.click();
        wait.until(d -> {
            WebElement input = d.findElement(radio);
            if (!input.isSelected()) {
                ((JavascriptExecutor) d).executeScript("arguments[0].click();", input);
            }
            return d.findElement(radio).isSelected();
        });
    }

    private String body(String path, String user) {
        try {
            HttpResponse<String> response = call("GET", path, user, null, null);
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Chromium reports what a Content-Security-Policy refused as console errors. */
    private void assertNoContentSecurityPolicyViolations(String where) {
        List<String> violations = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .map(LogEntry::getMessage)
                .filter(message -> message.contains("Content Security Policy") || message.contains("Content-Security-Policy"))
                .toList();
        assertThat(violations).as("CSP violations on " + where).isEmpty();
    }

    private String base() {
        return "http://localhost:" + port;
    }

    private HttpResponse<String> call(String method, String path, String user, String contentType, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode getJson(String path, String user) {
        try {
            HttpResponse<String> response = call("GET", path, user, null, null);
            assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
            return json.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The brand head's acceptance task of this charter, once the process has created it. */
    private String brandTaskOf(long charterId) throws InterruptedException {
        return taskOf(charterId, BRAND_TASK, "brand.head");
    }

    /** A head's task of this charter by its name, once the process has created it. */
    private String taskOf(long charterId, String name, String user) throws InterruptedException {
        Instant deadline = Instant.now().plus(STEP);
        while (true) {
            for (JsonNode task : getJson("/engine-rest/task?processInstanceBusinessKey=charter-" + charterId, user)) {
                if (name.equals(task.get("name").asText())) {
                    return task.get("id").asText();
                }
            }
            assertThat(Instant.now()).as("the task '" + name + "' appeared within 30 s").isBefore(deadline);
            Thread.sleep(200);
        }
    }

    private String assigneeOf(String taskId) {
        JsonNode task = getJson("/engine-rest/task/" + taskId, "admin");
        return task.path("assignee").isNull() ? null : task.path("assignee").asText(null);
    }

    /** The historic task once it has ended, else null. */
    private JsonNode finishedTask(String taskId) {
        JsonNode tasks = getJson("/engine-rest/history/task?finished=true&taskId=" + taskId, "admin");
        return tasks.isEmpty() ? null : tasks.get(0);
    }

    private static String xpathLiteral(String text) {
        return text.contains("'") ? "\"" + text + "\"" : "'" + text + "'";
    }

    private void saveDiagnostics() {
        if (driver == null) {
            return;
        }
        try {
            Path dir = Files.createDirectories(Paths.get("target", "failsafe-reports"));
            String name = getClass().getSimpleName() + "-" + System.currentTimeMillis();
            File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), dir.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
            Files.writeString(dir.resolve(name + ".html"), "<!-- " + driver.getCurrentUrl() + " -->\n"
                    + driver.getPageSource());
        } catch (RuntimeException | IOException e) {
            System.err.println("Could not save browser diagnostics: " + e);
        }
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            List<Path> all = paths.sorted(Comparator.reverseOrder()).toList();
            for (Path p : all) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // Chromium may still hold a lock file for a moment; the temp directory is cleaned up eventually.
        }
    }
}
