package com.engagementboard.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.engagementboard.DemoApi;
import com.engagementboard.organisation.TouchpointService;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
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
 * What the browser tests of the Camunda Tasklist share: a real (headless) Chromium logged in through the
 * application's login page, the moves a person makes in a Camunda Form (pick, choose, type, add a row,
 * complete), and the engine and API reads that check what the form did. Tests are skipped where
 * /usr/bin/chromium or /usr/bin/chromedriver is missing, and fail there when {@code CI=true}: CI installs both.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "camunda.bpm.job-execution.enabled=true", "camunda.bpm.job-execution.wait-time-in-millis=200",
                "camunda.bpm.job-execution.max-wait=500",
                // The picker holds 500 rights; 40 here lets a head of 60 rights meet the lines field.
                "engagement-board.charter.picker-rights=40" })
abstract class TasklistBrowserSupport {

    static final File CHROMIUM = new File("/usr/bin/chromium");
    static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");
    static final Duration STEP = Duration.ofSeconds(30);

    static final String CSV = """
            touchpoint,right,function
            card-packaging,DESIGN,brand
            card-packaging,BUILD,operations
            card-packaging,OPERATE,operations
            card-packaging,RENEW,brand
            """;
    static final String BRAND_TASK = "Accept 2 rights for Brand & Reputation";
    static final String OPERATIONS_TASK = "Accept 2 rights for Operations";

    @LocalServerPort
    int port;

    @Autowired
    TouchpointService touchpoints;

    @Autowired
    RuntimeService runtime;

    @Autowired
    com.engagementboard.charter.CharterDrafts charterDrafts;

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbcTemplate;

    @Autowired
    ManagementService management;

    final ObjectMapper json = new ObjectMapper();

    ChromeDriverService service;
    WebDriver driver;
    WebDriverWait wait;
    Path profile;

    @BeforeEach
    void startBrowser() throws IOException {
        boolean ci = "true".equalsIgnoreCase(System.getenv("CI"));
        for (File tool : List.of(CHROMIUM, CHROMEDRIVER)) {
            if (ci) {
                assertThat(tool.canExecute()).as("CI installs " + tool + " (Debian's chromium, chromium-driver)").isTrue();
            }
            Assumptions.assumeTrue(tool.canExecute(), "no " + tool + " on this machine");
        }
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

    /** Picks an option of a searchable select by typing part of its name and clicking it, as a person does. */
    void pick(String label, String typed) {
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
    void screenshot(String name) {
        try {
            // The name may hold a folder ("pages/my-work"): it is made too.
            Path file = Paths.get("target", "screenshots").resolve(name + ".png");
            Files.createDirectories(file.getParent());
            File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), file, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Closes the Tasklist's notifications, as a person who has read them does (they cover Complete). */
    void closeNotifications() {
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
    void addPerson(WebElement picker, String typed, String name) {
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
    void chooseOption(String label, String option) {
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
    String summitAtItsOutcome(String title) throws Exception {
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
    String summitAtThePlan(String title) throws Exception {
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
    String summitTask(String businessKey, String step, String user) throws InterruptedException {
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
    void complete(String taskId, String user, Map<String, Object> fields) throws Exception {
        ObjectNode variables = json.createObjectNode();
        fields.forEach((name, value) -> variables.putObject(name).putPOJO("value", value));
        ObjectNode body = json.createObjectNode();
        body.set("variables", variables);
        HttpResponse<String> done = call("POST", "/engine-rest/task/" + taskId + "/complete", user,
                "application/json", body.toString());
        assertThat(done.statusCode()).as(taskId + ": " + done.body()).isEqualTo(204);
    }

    /**
     * A board with the head of sales among its members (other tests of this class found their own board): the
     * board as it is, with him added, or a small one for the chair and him.
     */
    void boardWithSalesHead() throws Exception {
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
    long agendaItem(String title) throws Exception {
        HttpResponse<String> created = call("POST", "/api/board/agenda-items", "sales.head", "application/json",
                json.writeValueAsString(Map.of("title", title, "decisionAsked", "Decide: " + title, "touchpoints",
                        List.of("call-centre-script"), "facts", Map.of("customerBehaviour", "Callers hang up"))));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return json.readTree(created.body()).get("id").asLong();
    }

    /** Types into a text field or text area of the Camunda Form, found by its label. */
    void fillText(String label, String text) {
        wait.until(ExpectedConditions.elementToBeClickable(By.xpath(fieldXpath(label)
                + "//*[self::input or self::textarea]"))).sendKeys(text);
    }

    /** Replaces what a text, text area or number field of the Camunda Form holds, as a person retyping it. */
    void retype(String label, String text) {
        WebElement input = wait.until(ExpectedConditions.elementToBeClickable(By.xpath(fieldXpath(label)
                + "//*[self::input or self::textarea]")));
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", input);
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
        input.sendKeys(text);
    }

    /** The field of the Camunda Form whose label reads {@code label} (with or without the asterisk of required). */
    static String fieldXpath(String label) {
        return "//*[contains(@class,'fjs-form-field')][./label[normalize-space()=" + xpathLiteral(label)
                + " or normalize-space()=" + xpathLiteral(label + "*") + "]]";
    }

    /** Clicks the Tasklist's Complete button under the form. */
    void clickComplete() {
        WebElement complete = wait.until(ExpectedConditions.elementToBeClickable(
                By.xpath("//button[normalize-space()='Complete']")));
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", complete);
        complete.click();
    }

    /**
     * The message shown next to the field labelled {@code label} once it contains {@code text}: where a person
     * who entered something wrong reads what to mend.
     */
    String errorNextTo(String label, String text) {
        By error = By.xpath(fieldXpath(label) + "//*[contains(@class,'fjs-form-field-error')][contains(normalize-space(),"
                + xpathLiteral(text) + ")]");
        // form-js renders the message anew as the form settles: read it again when the one found has gone.
        return wait.until(d -> {
            try {
                return d.findElements(error).stream().filter(WebElement::isDisplayed).map(WebElement::getText)
                        .findFirst().orElse(null);
            } catch (org.openqa.selenium.StaleElementReferenceException rendered) {
                return null;
            }
        });
    }

    /** Waits until the task has ended, completed by {@code user}; the Tasklist showed no error. */
    JsonNode completedBy(String taskId, String user) {
        JsonNode finished = wait.until(d -> finishedTask(taskId));
        assertThat(finished.get("assignee").asText()).isEqualTo(user);
        assertThat(finished.get("deleteReason").asText()).isEqualTo("completed");
        assertThat(driver.findElements(By.cssSelector(
                ".page-notifications .alert-danger, .page-notifications .alert-error")))
                .as("Tasklist error notifications").noneMatch(WebElement::isDisplayed);
        return finished;
    }

    /** The visible text of the Camunda Form: what the person reads before deciding. */
    String formText() {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".fjs-container"))).getText();
    }

    long submittedCharter(String title) throws IOException, InterruptedException {
        return submittedCharter(title, CSV);
    }

    long submittedCharter(String title, String csv) throws IOException, InterruptedException {
        // One version is in acceptance at a time: the chair withdraws what an earlier test left out there.
        com.engagementboard.charter.CharterFixtures.noVersionInAcceptance(charterDrafts, jdbcTemplate);
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
    void logIn(String user) {
        if (driver.getCurrentUrl() != null && driver.getCurrentUrl().startsWith(base())) {
            driver.manage().deleteAllCookies(); // another person at the same browser: the session is dropped
        }
        driver.get(base() + "/");
        wait.until(ExpectedConditions.urlContains("/login"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys(user);
        driver.findElement(By.id("password")).sendKeys("demo");
        driver.findElement(By.cssSelector("button[type=submit]")).click();
        // The home page greets the person by name ("At a glance").
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Welcome, "));
    }

    /** The Tasklist, straight on the task (other tests may leave tasks of the same name), claimed. */
    void openAndClaim(String taskId, String name, String user) {
        driver.get(base() + "/camunda/app/tasklist/default/#/?task=" + taskId);
        wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.xpath("//*[normalize-space(text())=" + xpathLiteral(name) + "]")));
        wait.until(ExpectedConditions.elementToBeClickable(
                By.xpath("//*[self::button or self::a][normalize-space()='Claim']"))).click();
        wait.until(d -> user.equals(assigneeOf(taskId)));
    }

    /** The Tasklist on a task already assigned to the person logged in (a vote, a notice, their own step). */
    void openAssigned(String taskId) {
        driver.get(base() + "/camunda/app/tasklist/default/#/?task=" + taskId);
        String name = getJson("/engine-rest/task/" + taskId, "admin").get("name").asText();
        wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.xpath("//*[normalize-space(text())=" + xpathLiteral(name) + "]")));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".fjs-container")));
    }

    /** Fires the case's timers at the activity now, as the job executor does once they are due. */
    void fire(String businessKey, String activityId) {
        String instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(businessKey).singleResult()
                .getId();
        List<org.camunda.bpm.engine.runtime.Job> timers = wait.until(d -> {
            List<org.camunda.bpm.engine.runtime.Job> jobs = management.createJobQuery().processInstanceId(instance)
                    .activityId(activityId).list();
            return jobs.isEmpty() ? null : jobs;
        });
        timers.forEach(job -> management.executeJob(job.getId()));
    }

    /** Chooses a radio option of the Camunda Form by its label. */
    void chooseRadio(String text) {
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

    String body(String path, String user) {
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
    void assertNoContentSecurityPolicyViolations(String where) {
        List<String> violations = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .map(LogEntry::getMessage)
                .filter(message -> message.contains("Content Security Policy") || message.contains("Content-Security-Policy"))
                .toList();
        assertThat(violations).as("CSP violations on " + where).isEmpty();
    }

    String base() {
        return "http://localhost:" + port;
    }

    HttpResponse<String> call(String method, String path, String user, String contentType, String body)
            throws IOException, InterruptedException {
        return new DemoApi(port).call(method, path, user, contentType, body);
    }

    JsonNode getJson(String path, String user) {
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
    String brandTaskOf(long charterId) throws InterruptedException {
        return taskOf(charterId, BRAND_TASK, "brand.head");
    }

    /** A head's task of this charter by its name, once the process has created it. */
    String taskOf(long charterId, String name, String user) throws InterruptedException {
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

    String assigneeOf(String taskId) {
        JsonNode task = getJson("/engine-rest/task/" + taskId, "admin");
        return task.path("assignee").isNull() ? null : task.path("assignee").asText(null);
    }

    /** The historic task once it has ended, else null. */
    JsonNode finishedTask(String taskId) {
        JsonNode tasks = getJson("/engine-rest/history/task?finished=true&taskId=" + taskId, "admin");
        return tasks.isEmpty() ? null : tasks.get(0);
    }

    static String xpathLiteral(String text) {
        return text.contains("'") ? "\"" + text + "\"" : "'" + text + "'";
    }

    void saveDiagnostics() {
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

    static void deleteQuietly(Path dir) {
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
