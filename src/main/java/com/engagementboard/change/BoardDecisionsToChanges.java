package com.engagementboard.change;

import com.engagementboard.board.ChangeDecidedByBoard;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The board decided a change's agenda item: its process, waiting at <i>Board decided</i>, goes on (and reads
 * the decision from the register). Runs in the decision's transaction, so a change that cannot take it undoes
 * the decision rather than losing it. A change no process waits for (deleted by an administrator) is logged.
 */
@Component
class BoardDecisionsToChanges {

    private static final Logger LOG = LoggerFactory.getLogger(BoardDecisionsToChanges.class);

    private final RuntimeService runtime;

    BoardDecisionsToChanges(RuntimeService runtime) {
        this.runtime = runtime;
    }

    @EventListener
    void onDecision(ChangeDecidedByBoard decided) {
        boolean received = !runtime.createMessageCorrelation(TouchpointChangeProcess.MESSAGE_BOARD_DECIDED)
                .processInstanceBusinessKey(TouchpointChangeProcess.businessKey(decided.changeId()))
                .correlateAllWithResult().isEmpty();
        if (!received) {
            LOG.warn("The board decided agenda item {} of change {}, but no process of the change waits for it "
                    + "(ended or deleted by hand); the decision is in the register", decided.itemId(),
                    decided.changeId());
        }
    }
}
