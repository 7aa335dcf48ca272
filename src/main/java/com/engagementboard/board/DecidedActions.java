package com.engagementboard.board;

import com.engagementboard.charter.CharterReading;
import com.engagementboard.charter.RightKind;
import com.engagementboard.organisation.BusinessFunction;
import com.engagementboard.organisation.FunctionService;
import com.engagementboard.security.Groups;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Service;

/**
 * An approved item's proposed actions become the board's actions: each given to the head group of the
 * function the effective charter names for its right at its touchpoint (the chair when none does), due in
 * its days, with its own {@code board-action} process (what its owner reads: {@link BoardActionTexts}).
 */
@Service
class DecidedActions {

    private final BoardActionRepository actions;
    private final CharterReading charter;
    private final FunctionService functions;
    private final RuntimeService runtime;
    private final Clock clock;

    DecidedActions(BoardActionRepository actions, CharterReading charter, FunctionService functions,
            RuntimeService runtime, Clock clock) {
        this.actions = actions;
        this.charter = charter;
        this.functions = functions;
        this.runtime = runtime;
        this.clock = clock;
    }

    /** Every proposed action of the approved item, created and started. */
    void startActions(Decision decision, AgendaItem item) {
        item.getActions().forEach(proposed -> createAction(decision, item, proposed));
    }

    private void createAction(Decision decision, AgendaItem item, ProposedAction proposed) {
        RightKind right = proposed.isBuild() ? RightKind.BUILD : RightKind.OPERATE;
        String owner = charter.owners(proposed.getTouchpoint().getCode()).get(right);
        BusinessFunction function = owner == null ? null : functions.get(owner);
        String group = function == null ? Groups.BOARD_CHAIR : function.getHeadGroup();
        Instant due = clock.instant().plus(Duration.ofDays(proposed.getDueDays()));
        BoardAction action = actions.saveAndFlush(new BoardAction(decision.getId(), proposed.getTouchpoint(), function,
                group, right.name(), proposed.getDescription(), due));
        String title = proposed.getTouchpoint().getName() + ": " + proposed.getDescription();
        VariableMap variables = Variables.createVariables();
        BoardActionProcess.Typed.ACTION_ID.set(variables, action.getId());
        BoardActionProcess.Typed.ACTION_TITLE.set(variables, title.length() > 250 ? title.substring(0, 250) : title);
        BoardActionProcess.Typed.OWNER_GROUP.set(variables, group);
        BoardActionProcess.Typed.ACTION_DUE.set(variables, Date.from(due));
        runtime.startProcessInstanceByKey(BoardActionProcess.KEY, BoardActionProcess.businessKey(action.getId()),
                variables);
    }
}
