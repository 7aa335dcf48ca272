package com.engagementboard.board;

import static com.engagementboard.ProcessTestSupport.completeAs;
import static com.engagementboard.ProcessTestSupport.runJobs;
import static com.engagementboard.ProcessTestSupport.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The board deciding one queued item as it does in a meeting, for tests of other capabilities whose work goes to
 * the board (a touchpoint change): an extraordinary meeting with that item alone on its agenda, three core members
 * voting the same way, the meeting closed.
 */
public final class BoardDecisions {

    private BoardDecisions() {
    }

    /** The demo board, weekly, and no item other tests left waiting (they would join the agenda). */
    public static void freshBoard(ApplicationContext context) {
        context.getBean(BoardSetupService.class).update(BoardSetupRequestFixtures.weekly());
        context.getBean(JdbcTemplate.class).update(
                "update agenda_item set status = 'WITHDRAWN' where status in ('QUEUED', 'CARRIED_OVER', 'DEFERRED')");
    }

    /** The board decides the item: {@code approve} true, three approvals; false, three rejections. */
    public static void decide(ApplicationContext context, long itemId, boolean approve) {
        RuntimeService runtime = context.getBean(RuntimeService.class);
        TaskService tasks = context.getBean(TaskService.class);
        Meeting called = context.getBean(MeetingScheduler.class).callExtraordinary(
                Instant.now().plus(Duration.ofDays(2)), "Decide item " + itemId, "cmo");
        ProcessInstance meeting = runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey(BoardMeetingProcess.businessKey(called.getId())).singleResult();
        List<String> chairGroups = List.of("board-chair", "board-core", "board-member");
        runJobs(meeting, BoardMeetingProcess.Elements.AGENDA_CUTOFF);
        completeAs("cmo", chairGroups, task(meeting, BoardMeetingProcess.Elements.PREPARE_AGENDA),
                Map.of(BoardMeetingProcess.Variables.AGENDA_ORDER, String.valueOf(itemId)));
        runJobs(meeting, BoardMeetingProcess.Elements.MEETING_STARTS);
        completeAs("cmo", chairGroups, task(meeting, BoardMeetingProcess.Elements.PRESENT_ITEM),
                Map.of(BoardMeetingProcess.Variables.ITEM_ACTION, BoardMeetingProcess.VOTE_ACTION));
        for (String voter : List.of("cmo", "retail.head", "business.head")) {
            Task vote = tasks.createTaskQuery().processInstanceId(meeting.getId())
                    .taskDefinitionKey(BoardMeetingProcess.Elements.VOTE).taskAssignee(voter).singleResult();
            completeAs(voter, List.of("board-core"), vote, Map.of(BoardMeetingProcess.Variables.VOTE,
                    approve ? BoardMeetingProcess.APPROVE : BoardMeetingProcess.REJECT,
                    BoardMeetingProcess.Variables.VOTE_COMMENT, approve ? "Good for customers" : "Not now"));
            runJobs(meeting, BoardMeetingProcess.Elements.VOTE);
        }
        runJobs(meeting, BoardMeetingProcess.Elements.RECORD_DECISION);
        runJobs(meeting, BoardMeetingProcess.Elements.CLOSE_MEETING);
        assertThat(meeting).isEnded();
    }
}
