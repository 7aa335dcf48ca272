package com.engagementboard.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.engagementboard.change.ChangeFixtures;
import com.engagementboard.charter.CharterReading;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A touchpoint change as its people meet it in the Camunda Tasklist: an employee proposes one with the start
 * form (words, urgency and cost picked, the touchpoint and the functions picked by name, no code), and the head of the touchpoint's designing function asks them a question; asking without saying what
 * is refused next to the field.
 */
class ChangeFormsBrowserIT extends TasklistBrowserSupport {

    @Autowired
    CharterReading charter;

    /**
     * The charter the change tests route by ({@link ChangeFixtures}), put in force as the chair and the heads do
     * it over HTTP (the job executor runs here), unless it is.
     */
    private void charterForChanges() throws Exception {
        if (ChangeFixtures.inForce(charter)) {
            return;
        }
        long charterId = submittedCharter("Changes in the browser " + UUID.randomUUID(), """
                touchpoint,right,function
                card-packaging,DESIGN,brand
                card-packaging,BUILD,operations
                card-packaging,OPERATE,service
                card-packaging,RENEW,brand
                """);
        for (String head : java.util.List.of("brand.head", "operations.head", "service.head")) {
            String task = null;
            Instant deadline = Instant.now().plus(STEP);
            while (task == null) {
                for (JsonNode open : json.readTree(call("GET", "/api/charter/tasks", head, null, null).body())) {
                    if (open.get("charterId").asLong() == charterId) {
                        task = open.get("id").asText();
                    }
                }
                assertThat(Instant.now()).as("%s's acceptance appeared", head).isBefore(deadline);
                Thread.sleep(200);
            }
            assertThat(call("POST", "/api/charter/tasks/" + task + "/complete", head, "application/json",
                    "{\"decision\": \"ACCEPT_ALL\"}").statusCode()).isEqualTo(204);
        }
        wait.until(d -> ChangeFixtures.inForce(charter));
    }

    /** The open task of the change's instance at the element, once the engine has made it. */
    private String taskOf(String definitionKey, String assigneeOrGroup, String name) throws InterruptedException {
        Instant deadline = Instant.now().plus(STEP);
        while (true) {
            for (JsonNode task : getJson("/engine-rest/task?taskDefinitionKey=" + definitionKey, "admin")) {
                if (name.equals(task.get("name").asText())) {
                    return task.get("id").asText();
                }
            }
            assertThat(Instant.now()).as("the task '%s' for %s appeared", name, assigneeOrGroup).isBefore(deadline);
            Thread.sleep(200);
        }
    }

    /** What the field labelled {@code label} holds now. */
    private String valueOf(String label) {
        return driver.findElement(By.xpath(fieldXpath(label) + "//*[self::input or self::textarea]"))
                .getDomProperty("value");
    }

    /** Types the text into the field, and again while the form (rendered anew) has not kept it. */
    private void typeAndCheck(String label, String text) {
        for (int attempt = 0; attempt < 3; attempt++) {
            retype(label, text);
            try {
                new org.openqa.selenium.support.ui.WebDriverWait(driver, java.time.Duration.ofSeconds(2))
                        .until(d -> text.equals(valueOf(label)));
                return;
            } catch (org.openqa.selenium.TimeoutException | org.openqa.selenium.StaleElementReferenceException notKept) {
                // rendered anew meanwhile: type it again
            }
        }
        assertThat(valueOf(label)).as("what the field '%s' holds", label).isEqualTo(text);
    }

    /**
     * Adds a function to the start form's picker by typing part of its name and clicking it, then closes the list
     * by clicking the form's heading (in the start dialog, Escape would close the dialog itself).
     */
    private void addFunction(WebElement picker, String typed, String name) {
        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
                "arguments[0].scrollIntoView({block: 'center'});", picker);
        picker.click();
        picker.sendKeys(typed);
        WebElement function = wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath(
                "//*[contains(@class,'fjs-dropdownlist-item')][contains(normalize-space(),'" + name + "')]")));
        new org.openqa.selenium.interactions.Actions(driver).moveToElement(function).click().perform();
        wait.until(d -> picker.findElement(By.xpath("./ancestor::*[contains(@class,'fjs-form-field-taglist')]"))
                .getText().contains(name));
        driver.findElement(By.xpath("//*[contains(@class,'modal')]//*[contains(@class,'fjs-form-field-text')]"))
                .click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".fjs-dropdownlist-item")));
    }

    @Test
    void anEmployeeProposesAChangeInTheTasklistAndTheDesignHeadAsksAQuestion() throws Exception {
        charterForChanges();
        String what = "Recyclable sleeve " + UUID.randomUUID().toString().substring(0, 8);
        try {
            logIn("employee");
            driver.get(base() + "/camunda/app/tasklist/default/");
            wait.until(ExpectedConditions.elementToBeClickable(By.xpath(
                    "//*[self::a or self::button][normalize-space()='Start process']"))).click();
            wait.until(ExpectedConditions.elementToBeClickable(By.xpath(
                    "//*[contains(@class,'modal')]//a[normalize-space()='Touchpoint change']"))).click();
            // The Tasklist may render the start form once more just after it opens, dropping what was typed: each
            // field is read back (and typed again) as a person who looks at the form would.
            typeAndCheck("What should change", what);
            typeAndCheck("Why: what customers meet today", "The plastic sleeve goes straight into the bin");
            chooseOption("How urgent", "High: customers are hurt now");
            typeAndCheck("Estimated cost (0 if none)", "800");
            assertThat(valueOf("What should change")).isEqualTo(what);
            assertThat(valueOf("Why: what customers meet today")).isEqualTo("The plastic sleeve goes straight into the bin");
            // The touchpoint and the functions by name: the application wrote every one into the start form.
            pick("Touchpoint", "Card pack");
            WebElement functions = wait.until(ExpectedConditions.elementToBeClickable(By.xpath(
                    "//*[contains(@class,'fjs-form-field-taglist')][./label[starts-with(normalize-space(),"
                            + "'Functions it affects')]]//input")));
            addFunction(functions, "Brand", "Brand & Reputation");
            assertThat(valueOf("What should change")).isEqualTo(what);
            screenshot("change-proposal");
            wait.until(ExpectedConditions.elementToBeClickable(By.xpath(
                    "//*[contains(@class,'modal')]//button[normalize-space()='Start']"))).click();

            String decideName = "Decide: Card packaging: " + what;
            String decide = taskOf("Task_DecideDesign", "head-brand", decideName);
            logIn("brand.head");
            openAndClaim(decide, decideName, "brand.head");
            // What to decide on, in words: the proposal, the owners of the touchpoint, who proposed it.
            wait.until(d -> formText().contains("design Brand & Reputation, build Operations, operate Customer "
                    + "Service"));
            assertThat(formText()).contains("Eddie Walsh").contains("The plastic sleeve goes straight into the bin")
                    .doesNotContain("card-packaging");
            chooseRadio("Ask the proposer for more information");
            clickComplete();
            errorNextTo("Why not, your question, or a note for the builder", "ask the proposer what you need to know");
            screenshot("change-design-refused");
            assertThat(finishedTask(decide)).as("nothing completed").isNull();
            closeNotifications();
            fillText("Why not, your question, or a note for the builder", "Which supplier prints such sleeves?");
            screenshot("change-design");
            clickComplete();
            completedBy(decide, "brand.head");

            String answer = taskOf("Task_AnswerQuestion", "employee", "Answer about: Card packaging: " + what);
            assertThat(assigneeOf(answer)).isEqualTo("employee");
            JsonNode mine = getJson("/api/changes?mine=true", "employee");
            assertThat(mine.toString()).contains(what).contains("MORE_INFO");
        } catch (Throwable failure) {
            saveDiagnostics();
            throw failure;
        }
    }
}
