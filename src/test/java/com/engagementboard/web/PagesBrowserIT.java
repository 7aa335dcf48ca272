package com.engagementboard.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.Collectors;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The application's own pages in a real browser, as their people use them: the chair sees a gap in the charter
 * matrix, a head opens their acceptance from "My work" straight into the Tasklist's form and accepts, and the
 * chair's matrix shows the rights accepted; the minutes of a meeting download as a PDF; and every page of the
 * navigation renders for every role, without an error page or a console error, at 1280 and at 390 pixels wide
 * (no sideways scrolling of the page itself on a phone). Screenshots under target/screenshots/pages.
 *
 * <p>The company is set up once, through the API and the processes as its people would: a charter in force for
 * every demo touchpoint but one (the social-media care nobody owns yet: four gaps), a second version in acceptance
 * that gives marketing three rights and brand one, a board with a sitting meeting that decided one item (with an
 * action at its touchpoint) and sent another to the CEO, and a summit under way. The tests run in order: the tour
 * comes last, over what the first ones left.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PagesBrowserIT extends TasklistBrowserSupport {

    /** The touchpoint no version gives to anybody: its four rights are gaps. */
    static final String GAP_TOUCHPOINT = "social-media-care";
    static final String MARKETING_TASK = "Accept 3 rights for Marketing";
    static final int WIDE = 1280;
    static final int NARROW = 390;
    static final List<String> ROLES = List.of("cmo", "marketing.head", "ceo", "employee", "admin");
    /** The titles of the product's error pages (templates/error). */
    static final List<String> ERROR_TITLES = List.of("Not allowed", "Not found", "Not possible",
            "Something went wrong");

    private static boolean companySetUp;
    private static long versionInAcceptance;
    private static long sittingMeeting;
    /** The touchpoints the version in acceptance gives marketing the design of. */
    private static final List<String> MARKETING_DESIGNS = new ArrayList<>();
    /** The touchpoints' names by code. */
    private static final Map<String, String> NAMES = new LinkedHashMap<>();

    @Test
    @Order(1)
    void theChairSeesAGapAHeadAcceptsFromMyWorkAndTheChairSeesTheRightsAccepted() throws Exception {
        company();
        try {
            // The chair opens the charter from the navigation and sees the gap.
            logIn("cmo");
            viewport(WIDE, 900);
            navigateTo("Charter");
            WebElement gap = cell(GAP_TOUCHPOINT, "Design");
            assertThat(gap.getDomAttribute("class")).contains("cell-gap");
            assertThat(gap.getDomAttribute("data-state")).isEqualTo("gap");
            assertThat(text(gap)).contains("Gap");
            for (String right : List.of("Build", "Operate", "Renew")) {
                assertThat(cell(GAP_TOUCHPOINT, right).getDomAttribute("data-state")).as(right).isEqualTo("gap");
            }
            for (String touchpoint : MARKETING_DESIGNS) {
                WebElement asked = cell(touchpoint, "Design");
                assertThat(asked.getDomAttribute("data-state")).as(touchpoint).isEqualTo("pending");
                assertThat(text(asked)).contains("Marketing").contains("Pending");
            }
            assertThat(cell("call-centre-script", "Build").getDomAttribute("data-state")).isEqualTo("effective");
            assertNoConsoleErrors("the charter matrix");

            // The head of marketing: the task in "My work", straight into its form in the Tasklist.
            logIn("marketing.head");
            WebElement task = wait.until(ExpectedConditions.elementToBeClickable(By.xpath(
                    "//*[@id='my-work']//a[contains(@class,'task')][normalize-space()=" + xpathLiteral(MARKETING_TASK)
                            + "]")));
            String taskId = taskOf(versionInAcceptance, MARKETING_TASK, "marketing.head");
            assertThat(task.getDomAttribute("href")).contains(taskId);
            screenshot("pages/my-work-marketing-head");
            task.click();
            wait.until(ExpectedConditions.urlContains("/camunda/app/tasklist/"));
            wait.until(ExpectedConditions.visibilityOfElementLocated(
                    By.xpath("//*[normalize-space(text())=" + xpathLiteral(MARKETING_TASK) + "]")));
            wait.until(ExpectedConditions.elementToBeClickable(
                    By.xpath("//*[self::button or self::a][normalize-space()='Claim']"))).click();
            wait.until(d -> "marketing.head".equals(assigneeOf(taskId)));
            // The rights asked, by the touchpoints' names.
            wait.until(d -> formText().contains(NAMES.get(MARKETING_DESIGNS.get(0))));
            chooseRadio("Accept all rights");
            screenshot("pages/acceptance-form");
            clickComplete();
            completedBy(taskId, "marketing.head");

            // The chair again: marketing's rights are accepted, waiting for the version to take force.
            logIn("cmo");
            navigateTo("Charter");
            for (String touchpoint : MARKETING_DESIGNS) {
                WebElement accepted = cell(touchpoint, "Design");
                assertThat(text(accepted)).as(touchpoint).contains("Marketing").contains("Accepted, not in force yet");
            }
            WebElement brand = cell("call-centre-script", "Renew");
            assertThat(brand.getDomAttribute("data-state")).isEqualTo("pending");
            assertThat(text(brand)).contains("Brand & Reputation").contains("Pending");
            assertThat(cell(GAP_TOUCHPOINT, "Design").getDomAttribute("data-state")).isEqualTo("gap");
            fullPageScreenshot("pages/charter-matrix-accepted-" + WIDE);
            assertNoConsoleErrors("the charter matrix after the acceptance");
        } catch (Throwable failure) {
            saveDiagnostics();
            throw failure;
        }
    }

    @Test
    @Order(2)
    void theMinutesOfASittingMeetingDownloadAsAPdf() throws Exception {
        company();
        try {
            logIn("cmo");
            navigateTo("Meetings");
            driver.get(base() + "/board/meetings/" + sittingMeeting);
            WebElement pdf = wait.until(ExpectedConditions.elementToBeClickable(
                    By.xpath("//a[normalize-space()='Minutes as PDF']")));
            HttpResponse<byte[]> download = asInBrowser(pdf.getDomProperty("href"));
            assertThat(download.statusCode()).isEqualTo(200);
            assertThat(download.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/pdf"));
            assertThat(new String(download.body(), 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
            Path dir = Files.createDirectories(Paths.get("target", "screenshots", "pages"));
            Files.write(dir.resolve("minutes-" + sittingMeeting + ".pdf"), download.body());

            // The minutes page names the decided item.
            driver.findElement(By.xpath("//a[normalize-space()='Minutes']")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "Weekend opening"));
            assertNoConsoleErrors("the minutes");
        } catch (Throwable failure) {
            saveDiagnostics();
            throw failure;
        }
    }

    @Test
    @Order(3)
    void everyPageOfTheNavigationRendersForEveryRoleWideAndOnAPhone() throws Exception {
        company();
        Map<String, List<String>> narrowOverflow = new LinkedHashMap<>();
        try {
            for (String role : ROLES) {
                logIn(role);
                viewport(WIDE, 900);
                Map<String, String> nav = navigation();
                String fullName = driver.findElement(By.cssSelector("header.top .who")).getText().strip();
                assertThat(nav).as("the navigation of " + role).containsKeys("At a glance", "Charter", "Decisions",
                        "Meetings", "Actions", "Changes", "Summits", "Organisation", "Tasklist", "API");
                if (role.equals("admin")) {
                    assertThat(nav).containsKeys("Cockpit", "Admin");
                } else {
                    assertThat(nav).doesNotContainKeys("Cockpit", "Admin");
                }
                Map<String, String> pages = new LinkedHashMap<>(nav);
                if (role.equals("cmo")) {
                    pages.putAll(detailPages());
                    overflowIsMeasured();
                }
                for (Map.Entry<String, String> page : pages.entrySet()) {
                    String url = page.getValue();
                    if (leavesThePages(url)) {
                        assertLoads(role, page.getKey(), url, fullName);
                        continue;
                    }
                    for (int width : List.of(WIDE, NARROW)) {
                        viewport(width, width == WIDE ? 900 : 844);
                        String where = page.getKey() + " (" + url + ") for " + role + " at " + width + " px";
                        driver.get(url);
                        assertRendered(where, url);
                        if (width == NARROW && overflowsSideways()) {
                            narrowOverflow.computeIfAbsent(role, r -> new ArrayList<>()).add(page.getKey()
                                    + ": " + widths());
                        }
                        if (role.equals("cmo")) {
                            fullPageScreenshot("pages/" + slug(page.getKey()) + "-" + width);
                        }
                    }
                }
                // Back from the Tasklist, Cockpit, Admin and the API: still logged in.
                driver.get(base() + "/");
                wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"),
                        "Welcome, " + fullName));
            }
            assertThat(narrowOverflow).as("pages wider than a 390 px phone (the page scrolls sideways)").isEmpty();
        } catch (Throwable failure) {
            saveDiagnostics();
            throw failure;
        }
    }

    // --- the company, set up once through the API and the processes -------------------------------------------

    private void company() throws Exception {
        if (companySetUp) {
            return;
        }
        List<String> codes = new ArrayList<>();
        for (JsonNode t : getJson("/api/touchpoints?size=100", "cmo").get("content")) {
            codes.add(t.get("code").asText());
            NAMES.put(t.get("code").asText(), t.get("name").asText());
        }
        assertThat(codes).contains(GAP_TOUCHPOINT, "call-centre-script");
        codes.remove(GAP_TOUCHPOINT);
        codes.remove("call-centre-script");
        codes.add(0, "call-centre-script");

        // Version 1: every demo touchpoint but one, accepted by every head: in force.
        List<String> design = List.of("marketing", "brand", "product", "communications");
        List<String> build = List.of("it", "operations", "product");
        List<String> operate = List.of("service", "sales", "operations");
        List<String> renew = List.of("product", "marketing", "brand");
        StringBuilder first = new StringBuilder("touchpoint,right,function\n");
        for (int i = 0; i < codes.size(); i++) {
            String code = codes.get(i);
            first.append(code).append(",DESIGN,").append(design.get(i % 4)).append('\n')
                    .append(code).append(",BUILD,").append(build.get(i % 3)).append('\n')
                    .append(code).append(",OPERATE,").append(operate.get(i % 3)).append('\n')
                    .append(code).append(",RENEW,").append(renew.get(i % 3)).append('\n');
        }
        long inForce = submittedCharter("Customer engagement charter", first.toString());
        acceptAll(inForce);
        wait.until(d -> "EFFECTIVE".equals(statusOf(inForce)));

        // Version 2: marketing designs three more touchpoints, brand renews the call-centre script.
        StringBuilder second = new StringBuilder("touchpoint,right,function\n");
        for (int i = 1; i <= 3; i++) {
            second.append(codes.get(i)).append(",DESIGN,marketing\n");
            MARKETING_DESIGNS.add(codes.get(i));
        }
        second.append("call-centre-script,RENEW,brand\n");
        versionInAcceptance = submittedCharter("Marketing designs the first impressions", second.toString());
        taskOf(versionInAcceptance, MARKETING_TASK, "marketing.head");

        // The board: a meeting sitting, one item decided, one escalated to the CEO; a summit under way.
        HttpResponse<String> board = call("PUT", "/api/board", "cmo", "application/json", """
                {"chair": "cmo", "members": ["cmo", "retail.head", "business.head", "wealth.head", "marketing.head",
                  "sales.head"], "core": ["cmo", "retail.head"], "quorum": 2,
                 "cadence": {"type": "WEEKLY", "dayOfWeek": "MONDAY", "time": "09:00", "timeZone": "Europe/Amsterdam"}}
                """);
        assertThat(board.statusCode()).as(board.body()).isEqualTo(200);
        long decided = item("Weekend opening of flagship branches", "Footfall doubles on Saturdays",
                "branch-greeting", List.of(Map.of("touchpoint", "branch-greeting", "description",
                        "Greet Saturday visitors at the door", "build", false, "dueInDays", 10)));
        long escalated = item("Drop paper statements", "Nine in ten customers read statements online",
                "statement-letter", List.of());
        sittingMeeting = meetingInSession();
        String key = "meeting-" + sittingMeeting;
        String present = boardTask(key, "Task_PresentItem", "cmo", "Weekend opening");
        complete(present, "cmo", Map.of("itemAction", "VOTE"));
        for (String voter : List.of("cmo", "retail.head")) {
            complete(boardTask(key, "Task_Vote", voter, "Weekend opening"), voter,
                    Map.of("vote", "APPROVE", "voteComment", "Customers ask for it."));
        }
        complete(boardTask(key, "Task_PresentItem", "cmo", "Drop paper statements"), "cmo",
                Map.of("itemAction", "ESCALATE", "recommendation", "Drop them, with a year's notice."));
        wait.until(d -> decisionOf(decided) != null);
        long decision = decisionOf(decided).get("id").asLong();
        wait.until(d -> getJson("/api/board/actions?size=100", "cmo").get("content").findValues("decisionId").stream()
                .anyMatch(id -> id.asLong() == decision));
        boardTask(key, "Task_DecideEscalation", "ceo", "Drop paper statements");
        assertThat(escalated).isPositive();
        summitAtThePlan("Engagement summit " + java.time.Year.now());
        companySetUp = true;
    }

    /** Each head asked by the version accepts all their rights (their form is tested in TasklistBrowserIT). */
    private void acceptAll(long charterId) throws Exception {
        List<String> functions = List.of("marketing", "communications", "sales", "service", "operations", "product",
                "it", "brand");
        for (String function : functions) {
            String head = function + ".head";
            Instant deadline = Instant.now().plus(STEP);
            JsonNode tasks;
            while ((tasks = getJson("/engine-rest/task?processInstanceBusinessKey=charter-" + charterId
                    + "&candidateGroup=head-" + function, head)).isEmpty()) {
                assertThat(Instant.now()).as("the acceptance of " + function).isBefore(deadline);
                Thread.sleep(200);
            }
            HttpResponse<String> accepted = call("POST", "/api/charter/tasks/" + tasks.get(0).get("id").asText()
                    + "/complete", head, "application/json", "{\"decision\": \"ACCEPT_ALL\"}");
            assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(204);
        }
    }

    private String statusOf(long charterId) {
        return jdbcTemplate.queryForObject("select status from charter_version where id = ?", String.class, charterId);
    }

    /** A board member's item with its facts, queued for the next meeting: its id. */
    private long item(String title, String behaviour, String touchpoint, List<Map<String, Object>> actions)
            throws Exception {
        HttpResponse<String> created = call("POST", "/api/board/agenda-items", "sales.head", "application/json",
                json.writeValueAsString(Map.of("title", title, "decisionAsked", "Decide: " + title, "touchpoints",
                        List.of(touchpoint), "facts", Map.of("customerBehaviour", behaviour), "actions", actions)));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return json.readTree(created.body()).get("id").asLong();
    }

    /**
     * An extraordinary meeting whose agenda the chair kept as proposed and whose time has come: it sits, and its
     * minutes exist. Its id.
     */
    private long meetingInSession() throws Exception {
        HttpResponse<String> called = call("POST", "/api/board/meetings", "cmo", "application/json",
                "{\"at\": \"" + Instant.now().plus(Duration.ofDays(2)) + "\", \"reason\": \"Customer complaints about "
                        + "opening hours\"}");
        assertThat(called.statusCode()).as(called.body()).isEqualTo(201);
        long meetingId = json.readTree(called.body()).get("id").asLong();
        String key = "meeting-" + meetingId;
        fire(key, "TimerEvent_AgendaCutoff");
        String prepare = summitTask(key, "Task_PrepareAgenda", "cmo");
        String order = getJson("/engine-rest/task/" + prepare + "/variables/agendaOrder?deserializeValue=false", "cmo")
                .get("value").asText();
        HttpResponse<String> claimed = call("POST", "/engine-rest/task/" + prepare + "/claim", "cmo",
                "application/json", "{\"userId\": \"cmo\"}");
        assertThat(claimed.statusCode()).as(claimed.body()).isEqualTo(204);
        com.fasterxml.jackson.databind.node.ObjectNode body = json.createObjectNode();
        com.fasterxml.jackson.databind.node.ObjectNode agendaOrder = body.putObject("variables")
                .putObject("agendaOrder");
        agendaOrder.put("type", "Json");
        agendaOrder.put("value", order);
        HttpResponse<String> done = call("POST", "/engine-rest/task/" + prepare + "/complete", "cmo",
                "application/json", body.toString());
        assertThat(done.statusCode()).as(done.body()).isEqualTo(204);
        fire(key, "BoundaryEvent_MeetingStarts");
        return meetingId;
    }

    /** The open task at the step whose name contains {@code name}, for the user, once the process reached it. */
    private String boardTask(String businessKey, String step, String user, String name) throws InterruptedException {
        Instant deadline = Instant.now().plus(STEP);
        while (true) {
            for (JsonNode task : getJson("/engine-rest/task?processInstanceBusinessKey=" + businessKey
                    + "&taskDefinitionKey=" + step, user)) {
                boolean forUser = task.path("assignee").isNull() || user.equals(task.path("assignee").asText());
                if (forUser && task.get("name").asText().contains(name)) {
                    return task.get("id").asText();
                }
            }
            assertThat(Instant.now()).as("the step " + step + " named '" + name + "' was reached").isBefore(deadline);
            Thread.sleep(200);
        }
    }

    private JsonNode decisionOf(long itemId) {
        for (JsonNode decision : getJson("/api/board/decisions?size=100", "cmo").get("content")) {
            if (decision.get("itemId").asLong() == itemId) {
                return decision;
            }
        }
        return null;
    }

    // --- the browser -------------------------------------------------------------------------------------------

    /** The page as a phone or a laptop shows it: the layout viewport is {@code width} CSS pixels wide. */
    private void viewport(int width, int height) {
        ((ChromeDriver) driver).executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width,
                "height", height, "deviceScaleFactor", 1, "mobile", width < 600));
    }

    /** Clicks the navigation's link, as a person does, and waits for its page. */
    private void navigateTo(String label) {
        String href = navigation().get(label);
        driver.findElement(By.xpath("//nav[contains(@class,'main-nav')]//a[normalize-space()=" + xpathLiteral(label)
                + "]")).click();
        wait.until(ExpectedConditions.urlToBe(href));
        assertRendered(label, href);
    }

    /** The navigation's links as the page shows them: label to absolute address. */
    private Map<String, String> navigation() {
        Map<String, String> links = new LinkedHashMap<>();
        for (WebElement a : wait.until(ExpectedConditions.presenceOfAllElementsLocatedBy(
                By.cssSelector("header.top nav.main-nav a")))) {
            links.put(a.getText().strip(), a.getDomProperty("href"));
        }
        return links;
    }

    /** The chair's pages one step below the navigation: a touchpoint, versions, a meeting, its minutes, ... */
    private Map<String, String> detailPages() {
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("Touchpoint", base() + "/touchpoints/call-centre-script");
        pages.put("Charter versions", base() + "/charter/versions");
        pages.put("Meeting", base() + "/board/meetings/" + sittingMeeting);
        pages.put("Minutes", base() + "/board/meetings/" + sittingMeeting + "/minutes");
        driver.get(base() + "/board/decisions");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "Weekend opening"));
        pages.put("Decision", driver.findElement(By.xpath("//main//a[contains(@href,'/board/decisions/')]"
                + "[contains(normalize-space(),'Weekend opening')]")).getDomProperty("href"));
        driver.get(base() + "/summits");
        pages.put("Summit", wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("main a[href*='/summits/']"))).getDomProperty("href"));
        return pages;
    }

    private boolean leavesThePages(String url) {
        String path = URI.create(url).getPath();
        return path.startsWith("/camunda/") || path.startsWith("/swagger-ui");
    }

    /** Tasklist, Cockpit, Admin and the API's page: answered, and their page comes up. */
    private void assertLoads(String role, String label, String url, String fullName) {
        viewport(WIDE, 900); // their headers fold the person's name into a menu on a phone
        driver.get(url);
        wait.until(d -> !d.getTitle().isBlank());
        assertThat(driver.getCurrentUrl()).as(label + " for " + role).doesNotContain("/login");
        if (URI.create(url).getPath().startsWith("/camunda/")) {
            // The webapp has taken the login over: its header names the person (as the application's does).
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("body"), fullName));
        } else {
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".swagger-ui .info .title")));
        }
        assertThat(driver.getPageSource()).as(label + " for " + role).doesNotContain("Whitelabel");
        // Its address answers with the session the browser holds now (a webapp may have renewed the session's
        // id when it took the login over); the API's page forwards to Swagger UI's own address: followed, it
        // must not end at the login.
        HttpResponse<byte[]> response = asInBrowser(url, HttpClient.Redirect.NORMAL);
        assertThat(response.statusCode()).as(label + " for " + role).isEqualTo(200);
        assertThat(response.uri().getPath()).as(label + " for " + role).doesNotContain("/login");
        driver.manage().logs().get(LogType.BROWSER); // their own console is theirs to keep clean
    }

    /** The page answered 200, is no error page, has a title and an h1, and its console stayed clean. */
    private void assertRendered(String where, String url) {
        wait.until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
        String title = driver.getTitle();
        assertThat(title).as("the title of " + where).isNotBlank().endsWith("Engagement Board");
        assertThat(ERROR_TITLES).as("an error page at " + where + ": " + title).noneMatch(title::startsWith);
        assertThat(driver.getPageSource()).as(where).doesNotContain("Whitelabel");
        List<WebElement> h1 = driver.findElements(By.tagName("h1"));
        assertThat(h1).as("an h1 on " + where).hasSize(1);
        assertThat(h1.get(0).getText()).as("the h1 of " + where).isNotBlank();
        assertThat(asInBrowser(url).statusCode()).as("the answer to " + where).isEqualTo(200);
        assertNoConsoleErrors(where);
    }

    /** Nothing the browser logs as severe: a failed load, a script error, a Content-Security-Policy refusal. */
    private void assertNoConsoleErrors(String where) {
        List<String> errors = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()
                        || e.getMessage().contains("Content Security Policy")
                        || e.getMessage().contains("Content-Security-Policy"))
                .map(LogEntry::getMessage).toList();
        assertThat(errors).as("console errors on " + where).isEmpty();
    }

    /** The check can fail: on a phone, a page with something wider than the screen scrolls sideways. */
    private void overflowIsMeasured() {
        viewport(NARROW, 844);
        driver.get(base() + "/");
        assertThat(overflowsSideways()).as("the home page at 390 px as it is").isFalse();
        ((JavascriptExecutor) driver).executeScript("const wide = document.createElement('div');"
                + "wide.id = 'too-wide'; wide.textContent = 'x'; wide.style.width = '600px';"
                + "document.querySelector('main').append(wide);");
        assertThat(overflowsSideways()).as("a 600 px wide block at 390 px").isTrue();
        assertThat(widths()).contains("div");
        viewport(WIDE, 900);
    }

    private boolean overflowsSideways() {
        Object overflow = ((JavascriptExecutor) driver).executeScript(
                "return document.documentElement.scrollWidth > document.documentElement.clientWidth + 1;");
        return Boolean.TRUE.equals(overflow);
    }

    /** The page's width and what sticks out of it, to say where a phone scrolls sideways. */
    private String widths() {
        return String.valueOf(((JavascriptExecutor) driver).executeScript("""
                const w = document.documentElement.clientWidth;
                const wide = [...document.querySelectorAll('body *')]
                    .filter(e => e.getBoundingClientRect().right > w + 1)
                    .filter(e => !e.parentElement || e.parentElement.getBoundingClientRect().right <= w + 1)
                    .slice(0, 5).map(e => e.tagName.toLowerCase() + (e.className ? '.' + e.className : '')
                        + ' ' + Math.round(e.getBoundingClientRect().right));
                return 'scrollWidth ' + document.documentElement.scrollWidth + ' > ' + w + ': ' + wide.join(', ');
                """));
    }

    /** A cell of the charter matrix, by its touchpoint's code and the right in words. */
    private WebElement cell(String touchpoint, String right) {
        return wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(
                "table.matrix tr[data-touchpoint='" + touchpoint + "'] td[data-right='" + right + "']")));
    }

    /** A cell's words as written (the state is shown in capitals by the style sheet). */
    private static String text(WebElement cell) {
        return cell.getDomProperty("textContent").replaceAll("\\s+", " ").strip();
    }

    /** What the browser would download at the address, with its session (the person's login). */
    private HttpResponse<byte[]> asInBrowser(String url) {
        return asInBrowser(url, HttpClient.Redirect.NEVER);
    }

    private HttpResponse<byte[]> asInBrowser(String url, HttpClient.Redirect redirects) {
        String cookies = driver.manage().getCookies().stream().map(c -> c.getName() + "=" + c.getValue())
                .collect(Collectors.joining("; "));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET();
        if (!cookies.isEmpty()) {
            request.header("Cookie", cookies);
        }
        try {
            return HttpClient.newBuilder().followRedirects(redirects).build()
                    .send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The whole page, not just what fits the window: the viewport made as tall as the page for the picture. */
    private void fullPageScreenshot(String name) {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        long width = ((Number) js.executeScript("return window.innerWidth")).longValue();
        long height = ((Number) js.executeScript("return document.documentElement.scrollHeight")).longValue();
        viewport((int) width, (int) Math.min(Math.max(height, 600), 6000));
        try {
            Path dir = Files.createDirectories(Paths.get("target", "screenshots", "pages"));
            Map<String, Object> shot = ((ChromeDriver) driver).executeCdpCommand("Page.captureScreenshot",
                    Map.of("format", "png"));
            Files.write(Paths.get("target", "screenshots", name + ".png"),
                    Base64.getDecoder().decode((String) shot.get("data")));
            assertThat(dir).isDirectory();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            viewport((int) width, width < 600 ? 844 : 900);
        }
    }

    private static String slug(String label) {
        return label.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }
}
