package com.engagementboard.board;

import static com.engagementboard.engine.Markdown.escape;

import com.engagementboard.engine.TaskTexts;
import com.engagementboard.organisation.People;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * What an action's owner (and the chair, when it is blocked) reads above the form: the decision, who
 * asked for it, the touchpoint and the right, by words, from the register as it stands when the form
 * is opened (a resumed action shows its new due date).
 */
@Component
class BoardActionTexts implements TaskTexts {

    private static final DateTimeFormatter DUE = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.ENGLISH);

    private final BoardActionRepository actions;
    private final DecisionRepository decisions;
    private final AgendaItemRepository items;
    private final BoardSetupService board;
    private final People people;

    BoardActionTexts(BoardActionRepository actions, DecisionRepository decisions, AgendaItemRepository items,
            BoardSetupService board, People people) {
        this.actions = actions;
        this.decisions = decisions;
        this.items = items;
        this.board = board;
        this.people = people;
    }

    @Override
    public String processKey() {
        return BoardActionProcess.KEY;
    }

    @Override
    public Map<String, String> texts(DelegateTask task) {
        Object id = task.getVariable(BoardActionProcess.Variables.ACTION_ID);
        BoardAction action = id instanceof Number n ? actions.findById(n.longValue()).orElse(null) : null;
        return Map.of(BoardActionProcess.Variables.ACTION_SUMMARY, action == null
                ? "_This action is not in the board's register: the chair is told in the consistency report._"
                : summary(action));
    }

    private String summary(BoardAction action) {
        Decision decision = decisions.findById(action.getDecisionId()).orElse(null);
        String rightInWords = "BUILD".equals(action.getRight()) ? "build" : "operate";
        String from = decision == null ? "" : items.findById(decision.getItemId())
                .map(item -> ", an item from " + escape(people.nameOf(item.getAuthor()))).orElse("");
        return (decision == null ? "" : "Decided by the board: **" + escape(decision.getTitle()) + "**" + from
                + "\n\n" + escape(decision.getDecisionAsked()) + "\n\n")
                + "**Touchpoint:** " + escape(action.getTouchpoint().getName()) + ", done by its " + rightInWords
                + " owner" + (action.getFunction() == null ? "" : ", " + escape(action.getFunction().getName()))
                + ", by " + DUE.format(action.getDueAt().atZone(ZoneId.of(board.setup().getTimeZone()))) + "."
                + (action.getFunction() == null ? "\n\n_No function holds the " + rightInWords
                        + " right of this touchpoint in the effective charter: the chair assigns it._" : "");
    }
}
