package com.engagementboard.board;

import static com.engagementboard.engine.Markdown.escape;

import com.engagementboard.engine.TaskTexts;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * What the agenda item's forms say to people, from the board's register as it stands when a form is opened:
 * why an item went back to its author, and the chair's notice of a ruling no charter waited for. People's
 * words are escaped.
 */
@Component
class AgendaItemTexts implements TaskTexts {

    private final AgendaItemRepository items;
    private final DisputeRulings rulings;

    AgendaItemTexts(AgendaItemRepository items, DisputeRulings rulings) {
        this.items = items;
        this.rulings = rulings;
    }

    @Override
    public String processKey() {
        return AgendaItemProcess.KEY;
    }

    @Override
    public Map<String, String> texts(DelegateTask task) {
        String businessKey = task.getExecution().getProcessBusinessKey();
        if (businessKey == null || !businessKey.startsWith(AgendaItemProcess.BUSINESS_KEY_PREFIX)) {
            return Map.of();
        }
        long itemId = AgendaItemProcess.itemId(businessKey);
        return switch (task.getTaskDefinitionKey()) {
            case AgendaItemProcess.Elements.NAME_DETAILS -> Map.of(AgendaItemProcess.Variables.TITLE, title(itemId,
                    task));
            case AgendaItemProcess.Elements.COMPLETE_FACT_BASE -> Map.of(AgendaItemProcess.Variables.RETURN_REASON,
                    returnReason(itemId), AgendaItemProcess.Variables.TITLE, title(itemId, task));
            case AgendaItemProcess.Elements.READ_LATE_RULING -> Map.of(AgendaItemProcess.Variables.LATE_RULING,
                    rulings.lateRulingNotice(itemId));
            default -> Map.of();
        };
    }

    /** The item's title for a form's heading, escaped: the record's, or the one its author started it with. */
    private String title(long itemId, DelegateTask task) {
        return escape(items.findById(itemId).map(AgendaItem::getTitle)
                .orElseGet(() -> AgendaItemProcess.Typed.TITLE.get(task)));
    }

    /** Why the item went back to its author, as its record says. */
    private String returnReason(long itemId) {
        AgendaItem item = items.findById(itemId).orElse(null);
        if (item == null) {
            return "_This item is not in the board's register._";
        }
        return item.getReturnReason() == null ? "_The item is not returned to you any more._"
                : escape(item.getReturnReason());
    }
}
