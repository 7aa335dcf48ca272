package com.engagementboard.board;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The completion condition of the core group's vote, {@code ${boardVotes.certain(execution)}}:
 * the vote closes as soon as the outcome is certain. Public, as the expression language calls it.
 */
@Component("boardVotes")
public class BoardVotes {

    private final BoardMeetings meetings;

    BoardVotes(BoardMeetings meetings) {
        this.meetings = meetings;
    }

    public boolean certain(DelegateExecution execution) {
        return meetings.outcomeCertain(BoardMeetingProcess.meetingId(execution.getProcessBusinessKey()),
                ((Number) execution.getVariable(BoardMeetingProcess.Variables.ITEM_ID)).longValue(),
                ((Number) execution.getVariable("nrOfInstances")).intValue());
    }
}
