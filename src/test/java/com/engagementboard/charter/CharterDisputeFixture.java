package com.engagementboard.charter;

import static com.engagementboard.ProcessTestSupport.runJobs;

import com.engagementboard.charter.CharterRequests.AllocationLine;
import com.engagementboard.charter.CharterRequests.DraftRequest;
import com.engagementboard.charter.TouchpointCharterProcess.Variables;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * For the board's tests: a charter version whose dispute the chair sent to the board (sales declined BUILD of
 * the call-centre script; the chair proposes operations), and the board's deadline passing.
 */
public final class CharterDisputeFixture {

    private final CharterDrafts drafts;
    private final AllocationRepository allocations;
    private final RuntimeService runtime;
    private final TaskService tasks;
    private final IdentityService identity;
    private final JdbcTemplate jdbc;

    public CharterDisputeFixture(ApplicationContext context) {
        this.drafts = context.getBean(CharterDrafts.class);
        this.allocations = context.getBean(AllocationRepository.class);
        this.runtime = context.getBean(RuntimeService.class);
        this.tasks = context.getBean(TaskService.class);
        this.identity = context.getBean(IdentityService.class);
        this.jdbc = context.getBean(JdbcTemplate.class);
    }

    /** A new version in acceptance whose one dispute waits for the board's ruling. */
    public ProcessInstance disputeAtTheBoard() {
        CharterFixtures.noVersionInAcceptance(drafts, jdbc);
        List<AllocationLine> lines = List.of(new AllocationLine("call-centre-script", "DESIGN", "marketing"),
                new AllocationLine("call-centre-script", "BUILD", "sales"),
                new AllocationLine("call-centre-script", "OPERATE", "sales"),
                new AllocationLine("call-centre-script", "RENEW", "marketing"),
                new AllocationLine("branch-greeting", "DESIGN", "marketing"),
                new AllocationLine("branch-greeting", "BUILD", "operations"),
                new AllocationLine("branch-greeting", "OPERATE", "service"),
                new AllocationLine("branch-greeting", "RENEW", "marketing"));
        CharterVersion draft = drafts.create(new DraftRequest("Charter in dispute", null, lines), false, "cmo",
                i -> "allocations[" + i + "]");
        drafts.submit(draft.getId());
        ProcessInstance instance = runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey(TouchpointCharterProcess.businessKey(draft.getId())).singleResult();
        runJobs(instance, TouchpointCharterProcess.Elements.START);
        for (String function : List.of("marketing", "operations", "service")) {
            answer(instance, function, Map.of(Variables.DECISION, TouchpointCharterProcess.ACCEPT_ALL));
        }
        Allocation build = allocations.findByCharterIdAndRight(draft.getId(), RightKind.BUILD).stream()
                .filter(a -> a.getTouchpoint().getCode().equals("call-centre-script")).findFirst().orElseThrow();
        answer(instance, "sales", Map.of(Variables.DECISION, TouchpointCharterProcess.DECLINE_SOME,
                Variables.DECLINED_RIGHTS, List.of(build.getId().toString()),
                Variables.DECLINE_REASON, "Operations builds every script, not sales."));
        String resolve = tasks.createTaskQuery().processInstanceId(instance.getId())
                .taskDefinitionKey(TouchpointCharterProcess.Elements.RESOLVE_DISPUTE).singleResult().getId();
        identity.setAuthentication("cmo", List.of("board-chair"));
        try {
            tasks.complete(resolve, Map.of(Variables.RESOLUTION, TouchpointCharterProcess.SEND_TO_BOARD,
                    Variables.REALLOCATIONS, "call-centre-script,BUILD,operations",
                    Variables.RESOLUTION_NOTE, "Operations builds the other scripts; the board should settle it."));
        } finally {
            identity.clearAuthentication();
        }
        return instance;
    }

    /** The charter version the instance runs for. */
    public long charterId(ProcessInstance instance) {
        return ((Number) runtime.getVariable(instance.getId(), Variables.CHARTER_ID)).longValue();
    }

    /** The board's deadline passes: the dispute goes back to the chair, and the charter tells the board so. */
    public void noRulingInTime(ProcessInstance instance) {
        runJobs(instance, TouchpointCharterProcess.Elements.NO_BOARD_RULING);
        runJobs(instance, TouchpointCharterProcess.Elements.DISPUTE_TAKEN_BACK);
    }

    /** The chair withdraws the version: its process ends, and no longer waits for the board's ruling. */
    public void withdraw(long charterId) {
        drafts.withdraw(charterId, "Withdrawn while the board still had its dispute on a published agenda.", "cmo");
    }

    /** The notes on the version's record. */
    public String notes(long charterId) {
        return jdbc.queryForObject("select notes from charter_version where id = ?", String.class, charterId);
    }

    private void answer(ProcessInstance instance, String function, Map<String, Object> answer) {
        String task = tasks.createTaskQuery().processInstanceId(instance.getId())
                .taskDefinitionKey(TouchpointCharterProcess.Elements.ACCEPT_RIGHTS)
                .taskCandidateGroup("head-" + function).singleResult().getId();
        identity.setAuthentication(function + ".head", List.of("head-" + function));
        try {
            tasks.complete(task, answer);
        } finally {
            identity.clearAuthentication();
        }
        runJobs(instance, TouchpointCharterProcess.Elements.ACCEPT_RIGHTS);
    }
}
