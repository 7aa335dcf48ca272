package com.engagementboard.board;

import com.engagementboard.engine.ProcessVariable;
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
                BoardMeetingProcess.Typed.ITEM_ID.require(execution), ProcessVariable.NR_OF_INSTANCES.require(execution));
    }
}
