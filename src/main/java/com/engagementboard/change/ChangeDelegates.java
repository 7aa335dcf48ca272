package com.engagementboard.change;

import static com.engagementboard.change.TouchpointChangeProcess.Typed.ANSWER;
import static com.engagementboard.change.TouchpointChangeProcess.Typed.BOARD_APPROVED;
import static com.engagementboard.change.TouchpointChangeProcess.Typed.BUILD_DUE;
import static com.engagementboard.change.TouchpointChangeProcess.Typed.BUILD_GROUP;
import static com.engagementboard.change.TouchpointChangeProcess.Typed.BUILD_REPORT;
import static com.engagementboard.change.TouchpointChangeProcess.Typed.BUILD_WEEKS;
import static com.engagementboard.change.TouchpointChangeProcess.Typed.CHANGE_ID;
import static com.engagementboard.change.TouchpointChangeProcess.Typed.CHANGE_TITLE;
import static com.engagementboard.change.TouchpointChangeProcess.Typed.CHARTER_COVERS;
import static com.engagementboard.change.TouchpointChangeProcess.Typed.CHARTER_GAP;
import static com.engagementboard.change.TouchpointChangeProcess.Typed.CONFIRM_NOTE;
import static com.engagementboard.change.TouchpointChangeProcess.Typed.DESIGN_DECISION;
import static com.engagementboard.change.TouchpointChangeProcess.Typed.DESIGN_GROUP;
import static com.engagementboard.change.TouchpointChangeProcess.Typed.DESIGN_NOTE;
import static com.engagementboard.change.TouchpointChangeProcess.Typed.DETAILS_GIVEN;
import static com.engagementboard.change.TouchpointChangeProcess.Typed.ESTIMATED_COST;
import static com.engagementboard.change.TouchpointChangeProcess.Typed.ESTIMATED_COST_NUMBER;
import static com.engagementboard.change.TouchpointChangeProcess.Typed.EVIDENCE;
import static com.engagementboard.change.TouchpointChangeProcess.Typed.FUNCTIONS_AFFECTED;
import static com.engagementboard.change.TouchpointChangeProcess.Typed.FUNCTIONS_AFFECTED_COUNT;
import static com.engagementboard.change.TouchpointChangeProcess.Typed.FUNCTION_OPTIONS;
import static com.engagementboard.change.TouchpointChangeProcess.Typed.LIVE_OUTCOME;
import static com.engagementboard.change.TouchpointChangeProcess.Typed.OPERATE_GROUP;
import static com.engagementboard.change.TouchpointChangeProcess.Typed.PERMISSION_OPTIONS;
import static com.engagementboard.change.TouchpointChangeProcess.Typed.PROPOSER;
import static com.engagementboard.change.TouchpointChangeProcess.Typed.ROUTE;
import static com.engagementboard.change.TouchpointChangeProcess.Typed.ROUTING;
import static com.engagementboard.change.TouchpointChangeProcess.Typed.STANDING_PERMISSION;
import static com.engagementboard.change.TouchpointChangeProcess.Typed.TOUCHPOINT;
import static com.engagementboard.change.TouchpointChangeProcess.Typed.TOUCHPOINT_OPTIONS;
import static com.engagementboard.change.TouchpointChangeProcess.Typed.TOUCHPOINT_PRIORITY;
import static com.engagementboard.change.TouchpointChangeProcess.Typed.URGENCY;
import static com.engagementboard.change.TouchpointChangeProcess.Typed.WHAT_CHANGE;
import static com.engagementboard.change.TouchpointChangeProcess.Typed.WHY;
import static com.engagementboard.change.TouchpointChangeProcess.Typed.WITHIN_STANDING_PERMISSION;
import static com.engagementboard.web.TaskForms.invalid;
import static com.engagementboard.web.TaskForms.requireOneOf;
import static com.engagementboard.web.TaskForms.requireText;

import com.engagementboard.board.BoardReminders;
import com.engagementboard.organisation.People;
import com.engagementboard.security.Groups;
import com.engagementboard.web.FieldProblem;
import com.engagementboard.web.FormValues;
import com.engagementboard.web.InvalidInputException;
import com.engagementboard.web.TaskForms;
import java.math.BigDecimal;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The delegates of {@code touchpoint-change.bpmn}, wired by expression: registering and routing the change, the
 * checks behind each person's form (four eyes among them), and the record of each step.
 */
@Configuration
class ChangeDelegates {

    private final Changes changes;
    private final BoardReminders reminders;
    private final People people;

    ChangeDelegates(Changes changes, BoardReminders reminders, People people) {
        this.changes = changes;
        this.reminders = reminders;
        this.people = people;
    }

    private static long changeId(DelegateExecution execution) {
        return TouchpointChangeProcess.changeId(execution.getProcessBusinessKey());
    }

    /** Who moved the change on: the person who completed the task just before (same transaction). */
    private static String actor(DelegateExecution execution) {
        Authentication user = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        return user == null ? "unknown" : user.getUserId();
    }

    /**
     * A change proposed through the API is recorded already (its business key names it); one from the Tasklist's
     * start form is recorded here from the form's answers, and its proposer names the touchpoint next.
     */
    @Bean
    JavaDelegate registerChange() {
        return execution -> {
            if (execution.getProcessBusinessKey() != null) {
                return;
            }
            requireText(WHAT_CHANGE.name(), WHAT_CHANGE.untyped(execution), "say what should change");
            requireText(WHY.name(), WHY.untyped(execution), "say why: what customers meet today");
            requireOneOf(URGENCY.name(), URGENCY.untyped(execution), "LOW", "MEDIUM", "HIGH");
            long cost = cost(ESTIMATED_COST.untyped(execution));
            TouchpointChange change = changes.fromForm(PROPOSER.require(execution),
                    WHAT_CHANGE.get(execution).strip(), WHY.get(execution).strip(),
                    FormValues.text(EVIDENCE.untyped(execution)), URGENCY.get(execution), cost);
            CHANGE_ID.set(execution, change.getId());
            execution.setProcessBusinessKey(TouchpointChangeProcess.businessKey(change.getId()));
            // The start form names the touchpoint (and the functions, and a standing permission) with pickers; a
            // start without it (the API's own start, or a form of before) asks the proposer in the next task.
            String touchpoint = FormValues.text(TOUCHPOINT.untyped(execution));
            boolean named = touchpoint != null && !touchpoint.isBlank();
            if (named) {
                change = details(execution, change.getId(), PROPOSER.require(execution));
            }
            CHANGE_TITLE.set(execution, change.title());
            DETAILS_GIVEN.set(execution, named);
        };
    }

    /** The touchpoint, functions and standing permission picked, checked (unknown ones refused, each named). */
    private TouchpointChange details(VariableScope form, long id, String proposer) {
        Object permission = STANDING_PERMISSION.untyped(form);
        Long permissionId;
        try {
            permissionId = permission == null || permission.toString().isBlank() ? null
                    : Long.valueOf(permission.toString());
        } catch (NumberFormatException e) {
            throw invalid(STANDING_PERMISSION.name(), "pick one of the standing permissions offered");
        }
        try {
            return changes.details(id, FormValues.text(TOUCHPOINT.untyped(form)),
                    FormValues.strings(FUNCTIONS_AFFECTED.untyped(form)), permissionId, proposer);
        } catch (InvalidInputException refused) {
            FieldProblem first = refused.problems().get(0);
            throw invalid(first.field(), first.message());
        }
    }

    /** The estimate as a whole number from zero to {@link Changes#MAX_COST}, or a refusal naming the field. */
    private static long cost(Object value) {
        if (value == null) {
            throw invalid(ESTIMATED_COST.name(), "give an estimate of the cost (0 if none) (required)");
        }
        try {
            long cost = new BigDecimal(value.toString()).longValueExact();
            if (cost < 0 || cost > Changes.MAX_COST) {
                throw invalid(ESTIMATED_COST.name(), "must be from 0 to " + Changes.MAX_COST);
            }
            return cost;
        } catch (ArithmeticException | NumberFormatException e) {
            throw invalid(ESTIMATED_COST.name(), "must be a whole number");
        }
    }

    /** The proposer's details form: every touchpoint, function and standing permission to pick by name. */
    @Bean
    TaskListener prepareChangeDetails() {
        return task -> {
            TOUCHPOINT_OPTIONS.setLocal(task, FormValues.json(changes.touchpointOptions()));
            FUNCTION_OPTIONS.setLocal(task, FormValues.json(changes.functionOptions()));
            PERMISSION_OPTIONS.setLocal(task, FormValues.json(changes.permissionOptions()));
        };
    }

    /** The proposer's picks, checked (unknown ones refused, each named) and recorded with the change. */
    @Bean
    TaskListener recordChangeDetails() {
        return task -> {
            TouchpointChange change = details(task, CHANGE_ID.require(task), TaskForms.currentUser(task));
            CHANGE_TITLE.set(task.getExecution(), change.title());
        };
    }

    /** The decision table's inputs, from the change and the charter in force now. */
    @Bean
    JavaDelegate prepareRouting() {
        return execution -> {
            Changes.RoutingFacts facts = changes.routingFacts(changeId(execution));
            WITHIN_STANDING_PERMISSION.set(execution, facts.withinStandingPermission());
            CHARTER_COVERS.set(execution, facts.charterCovers());
            FUNCTIONS_AFFECTED_COUNT.set(execution, facts.functionsAffected());
            ESTIMATED_COST_NUMBER.set(execution, facts.estimatedCost());
            TOUCHPOINT_PRIORITY.set(execution, facts.touchpointPriority());
        };
    }

    /** The route the table chose, recorded with the owners of the touchpoint it was routed to. */
    @Bean
    JavaDelegate recordRoute() {
        return execution -> {
            Object result = ROUTING.require(execution);
            if (!(result instanceof Map<?, ?> routing) || !(routing.get("route") instanceof String route)) {
                throw new IllegalStateException("The decision table " + TouchpointChangeProcess.ROUTING_DECISION
                        + " gave no route: " + result);
            }
            Object reason = routing.get("routeReason");
            Changes.Routed routed = changes.route(changeId(execution), route, reason == null ? null : reason.toString());
            ROUTE.set(execution, route);
            CHARTER_GAP.set(execution, routed.gap());
            DESIGN_GROUP.set(execution, routed.designGroup());
            BUILD_GROUP.set(execution, routed.buildGroup());
            OPERATE_GROUP.set(execution, routed.operateGroup());
            CHANGE_TITLE.set(execution, routed.title());
            if (routed.buildDue() != null) {
                BUILD_DUE.set(execution, Date.from(routed.buildDue()));
            }
            execution.removeVariable(ROUTING.name());
        };
    }

    /** The DESIGN owner's head approves (with weeks to build), rejects (why) or asks the proposer (what). */
    @Bean
    TaskListener validateDesignDecision() {
        return task -> {
            Object decision = DESIGN_DECISION.untyped(task);
            requireOneOf(DESIGN_DECISION.name(), decision, TouchpointChangeProcess.APPROVE,
                    TouchpointChangeProcess.REJECT, TouchpointChangeProcess.ASK);
            if (TouchpointChangeProcess.APPROVE.equals(decision)) {
                requireOneOf(BUILD_WEEKS.name(), BUILD_WEEKS.untyped(task),
                        TouchpointChangeProcess.BUILD_WEEK_CHOICES.toArray(String[]::new));
            } else {
                requireText(DESIGN_NOTE.name(), DESIGN_NOTE.untyped(task), TouchpointChangeProcess.REJECT
                        .equals(decision) ? "tell the proposer why not" : "ask the proposer what you need to know");
            }
        };
    }

    @Bean
    JavaDelegate recordApproval() {
        return execution -> BUILD_DUE.set(execution, Date.from(changes.approve(changeId(execution), actor(execution),
                FormValues.text(DESIGN_NOTE.untyped(execution)), Integer.parseInt(BUILD_WEEKS.require(execution)))));
    }

    @Bean
    JavaDelegate recordRejection() {
        return execution -> changes.reject(changeId(execution), actor(execution), DESIGN_NOTE.require(execution)
                .strip());
    }

    @Bean
    JavaDelegate recordQuestion() {
        return execution -> changes.ask(changeId(execution), actor(execution), DESIGN_NOTE.require(execution).strip());
    }

    @Bean
    TaskListener validateAnswer() {
        return task -> requireText(ANSWER.name(), ANSWER.untyped(task), "answer the question");
    }

    /** The answer goes with the change; the head's form opens fresh for the next decision. */
    @Bean
    JavaDelegate recordAnswer() {
        return execution -> {
            changes.answered(changeId(execution), actor(execution), ANSWER.require(execution).strip());
            execution.removeVariables(List.of(DESIGN_DECISION.name(), DESIGN_NOTE.name(), BUILD_WEEKS.name(),
                    ANSWER.name()));
        };
    }

    @Bean
    JavaDelegate recordNoAnswer() {
        return execution -> changes.noAnswer(changeId(execution));
    }

    @Bean
    JavaDelegate recordNeverPlaced() {
        return execution -> changes.neverPlaced(changeId(execution));
    }

    @Bean
    JavaDelegate recordStanding() {
        return execution -> changes.standing(changeId(execution));
    }

    @Bean
    JavaDelegate sendChangeToBoard() {
        return execution -> changes.sendToBoard(changeId(execution));
    }

    /** The board's decision, read from its register: approved goes to build, rejected closes the change. */
    @Bean
    JavaDelegate recordBoardDecision() {
        return execution -> {
            boolean approved = changes.boardDecided(changeId(execution));
            BOARD_APPROVED.set(execution, approved);
            if (approved) {
                BUILD_DUE.set(execution, Date.from(changes.get(changeId(execution)).getBuildDue()));
            }
        };
    }

    @Bean
    JavaDelegate remindBuilder() {
        return execution -> {
            reminders.remind(execution.getProcessInstanceId(), TouchpointChangeProcess.Elements.BUILD,
                    "Reminder: this change is overdue.");
            changes.reminded(changeId(execution));
        };
    }

    @Bean
    TaskListener validateBuildReport() {
        return task -> requireText(BUILD_REPORT.name(), BUILD_REPORT.untyped(task), "say what was built");
    }

    @Bean
    JavaDelegate recordBuilt() {
        return execution -> changes.built(changeId(execution), actor(execution), BUILD_REPORT.require(execution)
                .strip());
    }

    /**
     * The OPERATE owner confirms it is live, or sends it back saying why; never the person who built it (four
     * eyes), whichever door they come through.
     */
    @Bean
    TaskListener validateConfirmation() {
        return task -> {
            String user = TaskForms.currentUser(task);
            if (changes.builders(CHANGE_ID.require(task)).contains(user)) {
                throw invalid(LIVE_OUTCOME.name(), "you built this change: someone else of the operating function "
                        + "confirms it (four eyes)");
            }
            Object outcome = LIVE_OUTCOME.untyped(task);
            requireOneOf(LIVE_OUTCOME.name(), outcome, TouchpointChangeProcess.LIVE, TouchpointChangeProcess.NOT_LIVE);
            if (TouchpointChangeProcess.NOT_LIVE.equals(outcome)) {
                requireText(CONFIRM_NOTE.name(), CONFIRM_NOTE.untyped(task), "tell the builder what is not right");
            }
        };
    }

    /**
     * Four eyes must not stop a change: where nobody of the operating function but its builders could confirm it
     * (the same head builds and operates, or the chair built what nobody owns), the chair may confirm it too, and
     * where she built it, the board's core group.
     */
    @Bean
    TaskListener prepareConfirmation() {
        return task -> {
            java.util.Set<String> builders = changes.builders(CHANGE_ID.require(task));
            if (people.membersOf(OPERATE_GROUP.require(task)).stream().allMatch(builders::contains)) {
                task.addCandidateGroup(Groups.BOARD_CHAIR);
                if (people.membersOf(Groups.BOARD_CHAIR).stream().allMatch(builders::contains)) {
                    task.addCandidateGroup(Groups.BOARD_CORE);
                }
            }
        };
    }

    @Bean
    JavaDelegate recordLive() {
        return execution -> changes.live(changeId(execution), actor(execution),
                FormValues.text(CONFIRM_NOTE.untyped(execution)));
    }

    /** Back to build, due in a week; the builder's and the confirmer's forms open fresh. */
    @Bean
    JavaDelegate recordSentBack() {
        return execution -> {
            BUILD_DUE.set(execution, Date.from(changes.sendBack(changeId(execution), actor(execution),
                    CONFIRM_NOTE.require(execution).strip())));
            execution.removeVariables(List.of(BUILD_REPORT.name(), LIVE_OUTCOME.name(), CONFIRM_NOTE.name()));
        };
    }
}
