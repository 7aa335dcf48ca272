package com.engagementboard.summit;

import static com.engagementboard.summit.SummitProcess.Typed.ENDORSEMENT;
import static com.engagementboard.summit.SummitProcess.Typed.EXISTING_BODY;
import static com.engagementboard.summit.SummitProcess.Typed.LAPSED;
import static com.engagementboard.summit.SummitProcess.Typed.LAPSE_NOTIFIED;
import static com.engagementboard.summit.SummitProcess.Typed.OBJECTION;
import static com.engagementboard.summit.SummitProcess.Typed.OBJECTION_COUNT;
import static com.engagementboard.summit.SummitProcess.Typed.OUTCOME;
import static com.engagementboard.summit.SummitProcess.Typed.PLAN;
import static com.engagementboard.summit.SummitProcess.Typed.PRE_WORK_DUE;
import static com.engagementboard.summit.SummitProcess.Typed.PRE_WORK_PARTICIPANTS;
import static com.engagementboard.summit.SummitProcess.Typed.SUMMIT_ENDS;
import static com.engagementboard.summit.SummitProcess.Typed.VISION;
import static com.engagementboard.summit.SummitProcess.Typed.VISION_DECISION;
import static com.engagementboard.web.TaskForms.invalid;
import static com.engagementboard.web.TaskForms.requireOneOf;
import static com.engagementboard.web.TaskForms.requireText;

import com.engagementboard.engine.ProcessVariable;
import com.engagementboard.organisation.JourneyStage;
import com.engagementboard.web.FormValues;
import com.engagementboard.web.InvalidInputException;
import com.engagementboard.web.FieldProblem;
import com.engagementboard.board.BoardSetupRequest;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The delegates of {@code engagement-summit.bpmn}, wired by expression; thin, as everywhere. */
@Configuration
class SummitDelegates {

    static final int OVERDUE_PRIORITY = 80;
    private static final List<String> MODES = List.of(SummitProcess.IN_HOUSE, SummitProcess.PARTNER, SummitProcess.MIXED);

    private final Summits summits;
    private final SummitDeadlines deadlines;
    private final SummitProperties properties;
    private final SummitTexts texts;
    private final SummitPlans plans;
    private final SummitBoardForm boardForm;

    SummitDelegates(Summits summits, SummitDeadlines deadlines, SummitProperties properties, SummitTexts texts,
            SummitPlans plans, SummitBoardForm boardForm) {
        this.boardForm = boardForm;
        this.texts = texts;
        this.plans = plans;
        this.summits = summits;
        this.deadlines = deadlines;
        this.properties = properties;
    }

    private static long summitId(DelegateExecution execution) {
        return SummitProcess.summitId(execution.getProcessBusinessKey());
    }

    private static long summitId(DelegateTask task) {
        return SummitProcess.summitId(task.getExecution().getProcessBusinessKey());
    }

    /** Each participant's answers stay in their own task, not in the summit's variables everyone sees. */
    @Bean
    TaskListener openParticipantTask() {
        return task -> {
            if (SummitProcess.Elements.ENDORSE_VISION.equals(task.getTaskDefinitionKey())) {
                ENDORSEMENT.setLocal(task.getExecution(), null);
                OBJECTION.setLocal(task.getExecution(), null);
            } else {
                for (JourneyStage stage : JourneyStage.values()) {
                    SummitProcess.Typed.today(stage.name()).setLocal(task.getExecution(), null);
                    SummitProcess.Typed.wanted(stage.name()).setLocal(task.getExecution(), null);
                    SummitProcess.Typed.evidence(stage.name()).setLocal(task.getExecution(), null);
                }
            }
        };
    }

    @Bean
    TaskListener recordAssessment() {
        return task -> {
            for (String stage : List.of("CONSIDER", "BUY", "EXPERIENCE")) {
                ProcessVariable<Object> today = SummitProcess.Typed.today(stage);
                ProcessVariable<Object> wanted = SummitProcess.Typed.wanted(stage);
                requireText(today.name(), today.untyped(task), "say how engagement is today");
                requireText(wanted.name(), wanted.untyped(task), "say what engagement is wanted");
            }
            summits.recordAssessment(summitId(task), task.getAssignee(), task.getVariables());
        };
    }

    /**
     * Kept for instances of older versions of the process, which still name it: the texts of a form (here whose
     * pre-work is in) now come from {@link SummitTaskTexts} when it is read.
     */
    @Bean
    TaskListener prepareOpen() {
        return task -> {
        };
    }

    /**
     * Kept for instances of older versions, whose service step <em>Show the chair whose pre-work is in</em> still
     * names it (see {@link #prepareOpen}): the chair's view is rendered when her form is read.
     */
    @Bean
    JavaDelegate showPreWork() {
        return execution -> {
        };
    }

    /** Kept for instances of older versions (see {@link #prepareOpen}). */
    @Bean
    TaskListener prepareVision() {
        return task -> {
        };
    }

    /** Kept for instances of older versions (see {@link #prepareOpen}). */
    @Bean
    TaskListener prepareObjections() {
        return task -> {
        };
    }

    @Bean
    JavaDelegate remindParticipants() {
        return execution -> {
            var tasks = execution.getProcessEngineServices().getTaskService();
            for (Task task : tasks.createTaskQuery().processInstanceId(execution.getProcessInstanceId())
                    .taskDefinitionKey(SummitProcess.Elements.ASSESS_JOURNEY).list()) {
                task.setPriority(OVERDUE_PRIORITY);
                tasks.saveTask(task);
                tasks.createComment(task.getId(), execution.getProcessInstanceId(),
                        "Reminder: your pre-work for the summit is overdue.");
            }
        };
    }

    /**
     * The chair postponed the summit: the pre-work is now due by the new date, and only those whose pre-work
     * is not in are asked again. The process then enters <em>Summit at its date</em> afresh, whose timers (the
     * chair's reminder, the lapse, the pre-work's) read the new dates.
     */
    @Bean
    JavaDelegate moveSummit() {
        return execution -> {
            Summit summit = summits.postponementCarriedOut(summitId(execution));
            java.util.Date ends = Summits.summitEnds(summit.getAt());
            PRE_WORK_DUE.set(execution, summits.preWorkDue(summit.getAt()));
            SUMMIT_ENDS.set(execution, ends);
            PRE_WORK_PARTICIPANTS.set(execution, new ArrayList<>(summits.preWorkOutstanding(summit.getId())));
        };
    }

    /** A postponement moves nothing unless the record says the chair postponed the summit and it is not moved yet. */
    @Bean
    JavaDelegate confirmSummitPostponed() {
        return execution -> summits.requirePostponed(summitId(execution));
    }

    /** Kept for instances of older versions (see {@link #prepareOpen}). */
    @Bean
    TaskListener describePostponement() {
        return task -> {
        };
    }

    /** A cancellation ends nothing unless the record says the summit is cancelled. */
    @Bean
    JavaDelegate confirmSummitCancelled() {
        return execution -> summits.requireCancelled(summitId(execution));
    }

    /** Kept for instances of older versions (see {@link #prepareOpen}). */
    @Bean
    TaskListener describeCancellation() {
        return task -> {
        };
    }

    /**
     * The summit's day is over and the chair's step is still open: it rises in her list with a comment that
     * says when the summit lapses.
     */
    @Bean
    JavaDelegate remindChair() {
        return execution -> {
            var tasks = execution.getProcessEngineServices().getTaskService();
            String comment = texts.chairReminder(summitId(execution), deadlines.lapses(execution));
            for (Task task : tasks.createTaskQuery().processInstanceId(execution.getProcessInstanceId())
                    .taskDefinitionKeyIn(SummitProcess.Elements.CHAIR_STEPS.toArray(String[]::new)).list()) {
                task.setPriority(OVERDUE_PRIORITY);
                tasks.saveTask(task);
                tasks.createComment(task.getId(), execution.getProcessInstanceId(), comment);
            }
        };
    }

    /** Nothing brought the summit to its close in time: it lapses (unless it ended already), and who is told. */
    @Bean
    JavaDelegate recordLapse() {
        return execution -> {
            boolean lapsed = summits.lapse(summitId(execution), properties.lapseDays());
            LAPSED.set(execution, lapsed);
            LAPSE_NOTIFIED.set(execution,
                    lapsed ? new ArrayList<>(summits.lapseNotified(summitId(execution))) : new ArrayList<String>());
        };
    }

    /** Kept for instances of older versions (see {@link #prepareOpen}). */
    @Bean
    TaskListener describeLapse() {
        return task -> {
        };
    }

    /** The endorsement round closed at its deadline: whoever had not answered is recorded as not answering. */
    @Bean
    JavaDelegate recordSilence() {
        return execution -> summits.closeEndorsement(summitId(execution));
    }

    /** The chair opens the summit: pre-work not in by then is recorded as missing. */
    @Bean
    TaskListener openSummit() {
        return task -> summits.open(summitId(task));
    }

    @Bean
    TaskListener recordVision() {
        return task -> {
            requireText(VISION.name(), VISION.untyped(task), "write the vision");
            summits.vision(summitId(task), VISION.require(task).strip());
        };
    }

    @Bean
    TaskListener recordEndorsement() {
        return task -> {
            Object endorsement = ENDORSEMENT.untyped(task);
            requireOneOf(ENDORSEMENT.name(), endorsement, SummitProcess.ENDORSE, SummitProcess.OBJECT);
            if (SummitProcess.OBJECT.equals(endorsement)) {
                requireText(OBJECTION.name(), OBJECTION.untyped(task), "say why you object");
            }
            summits.endorse(summitId(task), task.getAssignee(), ENDORSEMENT.get(task), OBJECTION.get(task));
        };
    }

    @Bean
    JavaDelegate countObjections() {
        return execution -> {
            List<SummitParticipant> objections = summits.objections(summitId(execution));
            OBJECTION_COUNT.set(execution, objections.size());
            VISION_DECISION.set(execution, null);
        };
    }

    @Bean
    TaskListener recordVisionDecision() {
        return task -> {
            Object decision = VISION_DECISION.untyped(task);
            requireOneOf(VISION_DECISION.name(), decision, SummitProcess.REVISE, SummitProcess.RECORD_DISSENT);
            if (SummitProcess.REVISE.equals(decision)) {
                requireText(VISION.name(), VISION.untyped(task), "write the revised vision");
                summits.vision(summitId(task), VISION.require(task).strip());
            }
        };
    }

    @Bean
    JavaDelegate recordDissent() {
        return execution -> summits.recordDissent(summitId(execution));
    }

    /** The plan form: touchpoints and functions to pick by name, one empty row to start from. */
    @Bean
    TaskListener preparePlan() {
        return task -> task.setVariables(plans.planForm());
    }

    @Bean
    TaskListener validatePlan() {
        return task -> {
            List<SummitPlans.PlanLine> lines;
            try {
                lines = plans.readPlan(PLAN.get(task));
            } catch (IllegalArgumentException e) {
                throw invalid(PLAN.name(), e.getMessage());
            }
            summits.plan(summitId(task), lines);
        };
    }

    /** The silos of the plan, recorded for the report (the chair's outcome form renders them when it is read). */
    @Bean
    JavaDelegate findSilos() {
        return execution -> summits.findSilos(summitId(execution));
    }

    @Bean
    TaskListener recordSourcing() {
        return task -> {
            List<Summit.Sourcing> decisions = new ArrayList<>();
            for (SourcingElement element : SourcingElement.values()) {
                ProcessVariable<Object> modeAnswer = SummitProcess.Typed.mode(element);
                ProcessVariable<Object> partnersAnswer = SummitProcess.Typed.partners(element);
                ProcessVariable<Object> reasonAnswer = SummitProcess.Typed.reason(element);
                String mode = FormValues.text(modeAnswer.get(task));
                String partners = FormValues.text(partnersAnswer.get(task));
                String reason = FormValues.text(reasonAnswer.get(task));
                requireOneOf(modeAnswer.name(), mode, MODES.toArray(String[]::new));
                if (!SummitProcess.IN_HOUSE.equals(mode)) {
                    requireText(partnersAnswer.name(), partners, "name the partners");
                }
                requireText(reasonAnswer.name(), reason, "give the reason");
                decisions.add(new Summit.Sourcing(element, mode, SummitProcess.IN_HOUSE.equals(mode) ? null : partners, reason));
            }
            summits.sourcing(summitId(task), decisions);
        };
    }

    /** The founding form starts from the board as it is (or a first board's defaults), people to pick by name. */
    @Bean
    TaskListener prepareOutcome() {
        return task -> task.setVariables(boardForm.outcomeForm(summitId(task)));
    }

    @Bean
    TaskListener validateOutcome() {
        return task -> {
            Object outcome = OUTCOME.untyped(task);
            requireOneOf(OUTCOME.name(), outcome, SummitProcess.FOUND_BOARD, SummitProcess.NAME_EXISTING_BODY);
            if (SummitProcess.NAME_EXISTING_BODY.equals(outcome)) {
                requireText(EXISTING_BODY.name(), EXISTING_BODY.untyped(task), "name the body");
                return;
            }
            BoardSetupRequest request = null;
            try {
                request = boardForm.boardRequest(summits.get(summitId(task)).getChair(), task.getVariables());
                boardForm.checkBoard(request);
            } catch (InvalidInputException e) {
                FieldProblem problem = boardForm.formProblem(e, request);
                throw invalid(problem.field(), problem.message());
            }
        };
    }

    /** The message <em>Board set up</em>: the board's set-up as the chair decided it. */
    @Bean
    JavaDelegate foundBoard() {
        return execution -> send("The board could not be set up as the summit decided", () -> summits.foundBoard(
                summitId(execution), boardForm.boardRequest(summits.get(summitId(execution)).getChair(),
                        execution.getVariables())));
    }

    @Bean
    JavaDelegate nameExistingBody() {
        return execution -> summits.nameExistingBody(summitId(execution), EXISTING_BODY.get(execution));
    }

    /** The message <em>First charter draft started</em>: the plan's touchpoints and suggested owners. */
    @Bean
    JavaDelegate seedCharterDraft() {
        return execution -> send("The first charter draft could not be started from the summit's plan",
                () -> summits.seedCharterDraft(summitId(execution)));
    }

    /** The message <em>Plan on the board's first agenda</em>: each activity of the plan as an agenda item. */
    @Bean
    JavaDelegate seedBoardAgenda() {
        return execution -> send("The summit's plan could not be put on the board's first agenda",
                () -> summits.seedBoardAgenda(summitId(execution)));
    }

    /**
     * Sends one of the summit's messages to another capability. Its failure becomes the job's incident in words
     * a person can act on (what was not done, why, and that the summit waits for a retry in Cockpit); two changes
     * at once stay the engine's to retry.
     */
    private static void send(String notDone, Runnable message) {
        try {
            message.run();
        } catch (org.camunda.bpm.engine.OptimisticLockingException
                | org.springframework.dao.OptimisticLockingFailureException concurrent) {
            throw concurrent;
        } catch (RuntimeException e) {
            String why = e instanceof org.springframework.web.ErrorResponse problem
                    && problem.getBody().getDetail() != null ? problem.getBody().getDetail() : e.getMessage();
            throw new IllegalStateException(notDone + ": " + why + ". The summit waits here with the chair's "
                    + "decision saved: once the cause is put right, retry it in Cockpit.", e);
        }
    }

    @Bean
    JavaDelegate closeSummit() {
        return execution -> summits.close(summitId(execution));
    }
}
