package com.engagementboard.board;

import com.engagementboard.admin.ConsistencyCheck;
import com.engagementboard.admin.Mismatch;
import com.engagementboard.admin.RecordProcessPairing;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The board's three processes against its records: a meeting's {@code board-meeting} instance runs until
 * the meeting closes; a member's agenda item has its {@code agenda-item} instance while it is checked or
 * back with its author, until it is queued or withdrawn (items the board queues itself, such as charter
 * disputes, never have one); an action's {@code board-action} instance runs while the action is open.
 */
@Component
public class BoardConsistency implements ConsistencyCheck {

    static final RecordProcessPairing MEETINGS = new RecordProcessPairing("board-meeting", BoardMeetingProcess.KEY,
            BoardMeetingProcess.BUSINESS_KEY_PREFIX, Set.of(Meeting.Status.SCHEDULED.name(),
                    Meeting.Status.AGENDA_CLOSED.name(), Meeting.Status.AGENDA_PUBLISHED.name(),
                    Meeting.Status.IN_SESSION.name()), Set.of(Meeting.Status.CANCELLED.name()));
    static final RecordProcessPairing ITEMS = new RecordProcessPairing("agenda-item", AgendaItemProcess.KEY,
            AgendaItemProcess.BUSINESS_KEY_PREFIX, Set.of(AgendaItem.Status.SUBMITTED.name(),
                    AgendaItem.Status.RETURNED.name()),
            // A decided charter dispute no charter waited for: the chair's late-ruling notice runs until read or
            // expired.
            Set.of(AgendaItem.Status.DECIDED.name()));
    static final RecordProcessPairing ACTIONS = new RecordProcessPairing("board-action", BoardActionProcess.KEY,
            BoardActionProcess.BUSINESS_KEY_PREFIX, Set.of(BoardAction.Status.OPEN.name()));

    private final EntityManager entities;
    private final RuntimeService runtime;

    BoardConsistency(EntityManager entities, RuntimeService runtime) {
        this.entities = entities;
        this.runtime = runtime;
    }

    @Override
    @Transactional(readOnly = true)
    public List<Mismatch> mismatches() {
        List<Mismatch> mismatches = new ArrayList<>();
        mismatches.addAll(MEETINGS.compare(entities, "select m.id, m.status from Meeting m", runtime));
        mismatches.addAll(ITEMS.compare(entities, "select i.id, i.status from AgendaItem i", runtime));
        mismatches.addAll(ACTIONS.compare(entities, "select a.id, a.status from BoardAction a", runtime));
        return mismatches;
    }
}
