package com.engagementboard.demo;

import static com.engagementboard.charter.TouchpointCharterProcess.Elements.ACCEPT_RIGHTS;

import com.engagementboard.charter.Allocation;
import com.engagementboard.charter.CharterDrafts;
import com.engagementboard.charter.CharterOverview;
import com.engagementboard.charter.CharterRequests.AllocationLine;
import com.engagementboard.charter.CharterRequests.DraftRequest;
import com.engagementboard.charter.CharterVersion;
import com.engagementboard.charter.RightKind;
import com.engagementboard.charter.TouchpointCharterProcess;
import com.engagementboard.charter.TouchpointCharterProcess.Variables;
import com.engagementboard.security.Groups;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

/**
 * The touchpoint charter, lived through its process: the summit's first draft widened to the twenty demo
 * touchpoints, submitted and accepted by every head, so it takes force; then an amendment that gives two
 * touchpoints new operators, in acceptance: two heads accepted, Operations declined a right it does not want
 * (the dispute the chair will resolve once everyone has answered), IT and Marketing have not answered yet.
 */
@Component
class CharterChapter {

    static final Set<String> PROCESSES = Set.of(TouchpointCharterProcess.KEY);
    static final String FIRST_TITLE = "Touchpoint charter: who designs, builds, operates and renews each touchpoint";
    static final String AMENDMENT_TITLE = "Amendment: one care team answers social media; Operations runs SMS alerts";
    static final String DECLINING_FUNCTION = "operations";
    /** The functions asked by the amendment who have not answered yet. */
    static final List<String> SILENT_FUNCTIONS = List.of("it", "marketing");

    /** The first version: design, build, operate, renew of each demo touchpoint. */
    private static final String[][] FIRST_VERSION = {
        {"call-centre-script", "marketing", "it", "service", "marketing"},
        {"branch-greeting", "brand", "operations", "sales", "brand"},
        {"mobile-app-onboarding", "product", "it", "service", "product"},
        {"complaint-handling", "service", "it", "service", "service"},
        {"online-account-opening", "product", "it", "operations", "product"},
        {"website-product-pages", "marketing", "it", "marketing", "product"},
        {"relationship-manager-review", "sales", "product", "sales", "sales"},
        {"business-loan-application", "product", "it", "sales", "product"},
        {"social-media-care", "communications", "it", "communications", "communications"},
        {"atm-experience", "product", "it", "operations", "brand"},
        {"brand-advertising", "brand", "marketing", "communications", "brand"},
        {"statement-letter", "communications", "it", "operations", "marketing"},
        {"card-packaging", "brand", "operations", "operations", "brand"},
        {"card-delivery", "operations", "operations", "operations", "service"},
        {"fee-schedule", "product", "product", "sales", "product"},
        {"sms-alerts", "marketing", "it", "it", "marketing"},
        {"it-help-desk-branches", "it", "it", "it", "operations"},
        {"operations-service-handoff", "operations", "it", "operations", "service"},
        {"product-launch-briefing", "marketing", "product", "service", "marketing"},
        {"customer-insight-report", "marketing", "it", "service", "product"}};

    /** The amendment: the two touchpoints it states, each right asked again. */
    private static final String[][] AMENDMENT = {
        {"social-media-care", "communications", "it", "service", "communications"},
        {"sms-alerts", "marketing", "it", "operations", "marketing"}};

    private final CharterDrafts drafts;
    private final RuntimeService runtime;
    private final CharterOverview overview;
    private final StoryClock clock;
    private final Cast cast;

    CharterChapter(CharterDrafts drafts, RuntimeService runtime, CharterOverview overview, StoryClock clock,
            Cast cast) {
        this.drafts = drafts;
        this.runtime = runtime;
        this.overview = overview;
        this.clock = clock;
        this.cast = cast;
    }

    /**
     * The chair widens the summit's draft to every demo touchpoint and submits it at the moment given; each head
     * accepts their rights over the next day, and the version takes force.
     */
    void firstVersion(Instant submitted) {
        clock.advanceTo(submitted);
        // The summit's draft: the only one (the story is told only while the charter has none of its own).
        long draftId = overview.workInProgress().orElseThrow().id();
        drafts.replace(draftId, new DraftRequest(FIRST_TITLE, null, lines(FIRST_VERSION)), DemoStory::field);
        drafts.submit(draftId);
        clock.runDueJobs();
        ProcessInstance instance = instanceOf(draftId);
        Instant answer = submitted.plus(Duration.ofHours(20));
        for (String function : functions(FIRST_VERSION)) {
            clock.advanceTo(answer);
            accept(instance, function);
            answer = answer.plus(Duration.ofMinutes(40));
        }
        CharterVersion version = drafts.get(draftId);
        if (version.getNumber() == null) {
            throw new IllegalStateException("The first charter version did not take force: " + version.getStatus());
        }
    }

    /** The chair submits the amendment at the moment given; the heads it asks answer, or not, in the days after. */
    long amendment(Instant submitted) {
        clock.advanceTo(submitted);
        CharterVersion draft = drafts.create(new DraftRequest(AMENDMENT_TITLE, null, lines(AMENDMENT)), true, "cmo",
                DemoStory::field);
        drafts.submit(draft.getId());
        clock.runDueJobs();
        ProcessInstance instance = instanceOf(draft.getId());

        clock.advanceTo(submitted.plus(Duration.ofHours(22)));
        accept(instance, "service");
        clock.advanceTo(submitted.plus(Duration.ofHours(26)));
        accept(instance, "communications");
        clock.advanceTo(submitted.plus(Duration.ofHours(47)));
        Allocation declined = drafts.get(draft.getId()).getAllocations().stream()
                .filter(a -> a.getTouchpoint().getCode().equals("sms-alerts") && a.getRight() == RightKind.OPERATE)
                .findFirst().orElseThrow();
        answer(instance, DECLINING_FUNCTION, Map.of(Variables.DECISION, TouchpointCharterProcess.DECLINE_SOME,
                Variables.DECLINED_RIGHTS, List.of(declined.getId().toString()),
                Variables.DECLINE_REASON, "Operations runs no messaging platform: IT operates the SMS gateway "
                        + "today and should keep operating the alerts."));
        return draft.getId();
    }

    private void accept(ProcessInstance instance, String function) {
        answer(instance, function, Map.of(Variables.DECISION, TouchpointCharterProcess.ACCEPT_ALL));
    }

    private void answer(ProcessInstance instance, String function, Map<String, Object> answer) {
        cast.complete(function + ".head", cast.groupTask(instance.getId(), ACCEPT_RIGHTS, Groups.head(function)),
                answer);
        clock.runDueJobs();
    }

    private ProcessInstance instanceOf(long charterId) {
        return runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey(TouchpointCharterProcess.businessKey(charterId)).singleResult();
    }

    private static List<AllocationLine> lines(String[][] owners) {
        List<AllocationLine> lines = new ArrayList<>();
        for (String[] row : owners) {
            RightKind[] rights = {RightKind.DESIGN, RightKind.BUILD, RightKind.OPERATE, RightKind.RENEW};
            for (int i = 0; i < rights.length; i++) {
                lines.add(new AllocationLine(row[0], rights[i].name(), row[i + 1]));
            }
        }
        return lines;
    }

    private static Set<String> functions(String[][] owners) {
        Set<String> functions = new LinkedHashSet<>();
        for (String[] row : owners) {
            functions.addAll(List.of(row).subList(1, row.length));
        }
        return functions;
    }
}
