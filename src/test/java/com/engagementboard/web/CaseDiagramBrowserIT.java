package com.engagementboard.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.engagementboard.charter.TouchpointCharterProcess;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The case page in a real browser, under the page's Content-Security-Policy: bpmn-js draws the diagram of a
 * charter version in acceptance, the step it waits at is marked (and coloured by the page's stylesheet), the
 * bpmn.io logo sits where bpmn-js places it (its inline style allowed by hash), and the console stays clean.
 */
class CaseDiagramBrowserIT extends TasklistBrowserSupport {

    @Test
    void theChairSeesTheDiagramOfAVersionInAcceptanceWithTheStepItWaitsAtMarked() throws Exception {
        long charterId = submittedCharter("Case diagram " + UUID.randomUUID());
        brandTaskOf(charterId); // the job executor has asked the heads: the case waits at their acceptance
        String instance = runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey(TouchpointCharterProcess.businessKey(charterId)).singleResult().getId();

        logIn("cmo");
        driver.get(base() + "/charter/" + charterId + "/case");
        wait.until(ExpectedConditions.urlToBe(base() + "/cases/" + instance));
        WebElement diagram = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#case-diagram.drawn")));

        assertThat(diagram.findElements(By.cssSelector("svg .djs-element")).size()).as("shapes drawn")
                .isGreaterThan(20);
        WebElement current = diagram.findElement(By.cssSelector(".djs-element.case-current"));
        assertThat(current.getDomAttribute("data-element-id")).isEqualTo(TouchpointCharterProcess.Elements.ACCEPT_RIGHTS);
        assertThat(diagram.findElements(By.cssSelector(".djs-element.case-current"))).hasSize(1);
        assertThat(diagram.findElement(By.cssSelector(".djs-element.case-scope")).getDomAttribute("data-element-id"))
                .isEqualTo(TouchpointCharterProcess.Elements.FUNCTION_ACCEPTANCE);
        // The page's stylesheet paints the mark (bpmn-js's own fill is white).
        Object fill = ((JavascriptExecutor) driver).executeScript(
                "return getComputedStyle(arguments[0].querySelector('.djs-visual > :first-child')).fill;", current);
        assertThat(fill).isEqualTo("rgb(255, 224, 163)");
        assertThat(diagram.getDomAttribute("data-marked")).isEqualTo("2");
        // bpmn-js's logo, placed by its own inline style, which the page's policy allows by its hash.
        WebElement logo = diagram.findElement(By.cssSelector(".bjs-powered-by"));
        assertThat(logo.isDisplayed()).isTrue();
        assertThat(logo.getCssValue("position")).isEqualTo("absolute");

        String text = driver.findElement(By.tagName("main")).getText();
        assertThat(text).contains("Case diagram").contains("in acceptance").contains(BRAND_TASK)
                .contains(OPERATIONS_TASK).contains("Head of Brand & Reputation")
                .contains("The diagram marks where the case is now.");
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'end'});", diagram);
        screenshot("case-diagram");

        List<String> problems = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.WARNING.intValue()
                        || entry.getMessage().contains("Content Security Policy"))
                .map(LogEntry::getMessage).toList();
        assertThat(problems).as("console errors, warnings and CSP violations on the case page").isEmpty();
    }
}
