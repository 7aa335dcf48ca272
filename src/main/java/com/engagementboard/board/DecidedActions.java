package com.engagementboard.board;

import com.engagementboard.charter.CharterReading;
import com.engagementboard.charter.RightKind;
import com.engagementboard.organisation.BusinessFunction;
import com.engagementboard.organisation.FunctionService;
import com.engagementboard.organisation.People;
import com.engagementboard.security.Groups;
import com.engagementboard.web.BoundedText;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;

/**
 * An approved item's proposed actions become the board's actions: each given to the head group of the
 * function the effective charter names for its right at its touchpoint (the chair when none does), due in
 * its days, with its own {@code board-action} process and a summary its owner reads.
 */
@Service
class DecidedActions {

    private static final DateTimeFormatter DUE = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.ENGLISH);

    private final BoardActionRepository actions;
    private final BoardSetupService board;
    private final CharterReading charter;
    private final FunctionService functions;
    private final RuntimeService runtime;
    private final People people;
    private final Clock clock;

    DecidedActions(BoardActionRepository actions, BoardSetupService board, CharterReading charter,
            FunctionService functions, RuntimeService runtime, People people, Clock clock) {
        this.actions = actions;
        this.board = board;
        this.charter = charter;
        this.functions = functions;
        this.runtime = runtime;
        this.people = people;
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
        runtime.startProcessInstanceByKey(BoardActionProcess.KEY, BoardActionProcess.businessKey(action.getId()),
                Map.of(BoardActionProcess.Variables.ACTION_ID, action.getId(),
                        BoardActionProcess.Variables.ACTION_TITLE, title.length() > 250 ? title.substring(0, 250) : title,
                        BoardActionProcess.Variables.OWNER_GROUP, group,
                        BoardActionProcess.Variables.ACTION_DUE, java.util.Date.from(due),
                        BoardActionProcess.Variables.ACTION_SUMMARY, actionSummary(decision, item, proposed, right,
                                function, due)));
    }

    /** What the action's owner reads above the form: the decision, who asked for it, the right, by words. */
    private String actionSummary(Decision decision, AgendaItem item, ProposedAction proposed, RightKind right,
            BusinessFunction function, Instant due) {
        String rightInWords = right == RightKind.BUILD ? "build" : "operate";
        String text = "Decided by the board: **" + decision.getTitle() + "**, an item from "
                + people.nameOf(item.getAuthor()) + "\n\n"
                + decision.getDecisionAsked() + "\n\n**Touchpoint:** " + proposed.getTouchpoint().getName()
                + ", done by its " + rightInWords + " owner"
                + (function == null ? "" : ", " + function.getName()) + ", by "
                + DUE.format(due.atZone(ZoneId.of(board.setup().getTimeZone()))) + "."
                + (function == null ? "\n\n_No function holds the " + rightInWords + " right of this touchpoint in "
                        + "the effective charter: the chair assigns it._" : "");
        return BoundedText.text(text, BoundedText.DEFAULT_BUDGET, "… more in decision " + decision.getId());
    }
}
