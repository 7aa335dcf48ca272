package com.engagementboard.board;

import static com.engagementboard.board.AgendaItemProcess.Typed.ACTIONS;
import static com.engagementboard.board.AgendaItemProcess.Typed.AUTHOR;
import static com.engagementboard.board.AgendaItemProcess.Typed.CHARTER_VERSION_ID;
import static com.engagementboard.board.AgendaItemProcess.Typed.DECISION_ASKED;
import static com.engagementboard.board.AgendaItemProcess.Typed.DETAILS_GIVEN;
import static com.engagementboard.board.AgendaItemProcess.Typed.DISPUTE_STAYS;
import static com.engagementboard.board.AgendaItemProcess.Typed.FACT_ACTION;
import static com.engagementboard.board.AgendaItemProcess.Typed.FACT_BEHAVIOUR;
import static com.engagementboard.board.AgendaItemProcess.Typed.FACT_COMPETITORS;
import static com.engagementboard.board.AgendaItemProcess.Typed.FACT_PRIORITY;
import static com.engagementboard.board.AgendaItemProcess.Typed.HAS_FACT_BASE;
import static com.engagementboard.board.AgendaItemProcess.Typed.ITEM_ID;
import static com.engagementboard.board.AgendaItemProcess.Typed.RULING_DAYS;
import static com.engagementboard.board.AgendaItemProcess.Typed.TITLE;
import static com.engagementboard.board.AgendaItemProcess.Typed.TOUCHPOINTS;
import static com.engagementboard.board.AgendaItemProcess.Typed.TOUCHPOINT_CODES;
import static com.engagementboard.board.AgendaItemProcess.Typed.TOUCHPOINT_OPTIONS;
import static com.engagementboard.web.TaskForms.invalid;
import static com.engagementboard.web.TaskForms.requireOneOf;

import com.engagementboard.web.FormValues;
import com.engagementboard.web.InvalidInputException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.spin.Spin;
import org.camunda.spin.json.SpinJsonNode;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The delegates of {@code agenda-item.bpmn}, wired by expression: the item registered from a start form, the
 * author's details (reminded when due, withdrawn without them), the check of its fact base, and what ends it
 * (queued, withdrawn, expired). Thin: read
 * variables, call {@link AgendaItems}, write the result.
 */
@Configuration
class AgendaItemDelegates {

    private final AgendaItems items;
    private final BoardReminders reminders;
    private final BoardProperties properties;
    private final DisputeRulings rulings;

    AgendaItemDelegates(AgendaItems items, BoardReminders reminders, BoardProperties properties,
            DisputeRulings rulings) {
        this.rulings = rulings;
        this.items = items;
        this.reminders = reminders;
        this.properties = properties;
    }

    /** The item the instance runs for, from its business key (set at the start, or by Task_RegisterItem). */
    private static long itemId(DelegateExecution execution) {
        return AgendaItemProcess.itemId(execution.getProcessBusinessKey());
    }

    @Bean
    JavaDelegate registerItem() {
        return execution -> {
            if (execution.getProcessBusinessKey() != null) { // submitted through /api: recorded already
                DETAILS_GIVEN.set(execution, true);
                return;
            }
            // From the Tasklist's start form: the author picks the touchpoints and actions in the next step
            // (a start form has no way to offer them), unless an API client sent them with the start.
            String codes = TOUCHPOINT_CODES.get(execution);
            DETAILS_GIVEN.set(execution, codes != null && !codes.isBlank());
            AgendaItem item = items.fromForm(AUTHOR.get(execution), TITLE.get(execution),
                    DECISION_ASKED.get(execution), codes, FACT_PRIORITY.get(execution),
                    FACT_BEHAVIOUR.get(execution), FACT_COMPETITORS.get(execution));
            ITEM_ID.set(execution, item.getId());
            execution.setProcessBusinessKey(AgendaItemProcess.BUSINESS_KEY_PREFIX + item.getId());
        };
    }

    /** The author's details form: every touchpoint to pick by name, no actions yet. */
    @Bean
    TaskListener prepareItemDetails() {
        return task -> {
            TOUCHPOINT_OPTIONS.set(task, Spin.JSON(items.touchpointOptions()));
            TOUCHPOINTS.set(task, FormValues.json(List.of()));
            ACTIONS.set(task, FormValues.json(List.of()));
        };
    }

    /** The author's touchpoints and actions, checked and added to the item. */
    @Bean
    TaskListener recordItemDetails() {
        return task -> {
            List<String> codes;
            List<Map<String, Object>> rows;
            try {
                codes = texts(TOUCHPOINTS.get(task));
                rows = FormValues.rows(ACTIONS.get(task));
            } catch (IllegalArgumentException e) {
                throw invalid(ACTIONS.name(), e.getMessage());
            }
            List<AgendaItemRequest.ActionRequest> actions = new ArrayList<>();
            for (int i = 0; i < rows.size(); i++) {
                Map<String, Object> row = rows.get(i);
                String where = "action " + (i + 1) + ": ";
                String touchpoint = row.get("touchpoint") == null ? null : String.valueOf(row.get("touchpoint"));
                String description = row.get("description") == null ? null : String.valueOf(row.get("description")).strip();
                if (touchpoint == null || touchpoint.isBlank()) {
                    throw invalid(ACTIONS.name(), where + "pick the touchpoint it is at");
                }
                if (description == null || description.isEmpty()) {
                    throw invalid(ACTIONS.name(), where + "say what is to be done");
                }
                Object right = row.get("right");
                if (!"BUILD".equals(right) && !"OPERATE".equals(right)) {
                    throw invalid(ACTIONS.name(), where + "choose whether it is building or "
                            + "operating the touchpoint (its owner of that right does it)");
                }
                Integer days;
                try {
                    days = row.get("dueInDays") == null ? null
                            : new BigDecimal(String.valueOf(row.get("dueInDays"))).intValueExact();
                } catch (NumberFormatException | ArithmeticException e) {
                    days = -1;
                }
                if (days != null && (days < 1 || days > 365)) {
                    throw invalid(ACTIONS.name(), where + "due in 1 to 365 days");
                }
                actions.add(new AgendaItemRequest.ActionRequest(touchpoint, description, "BUILD".equals(right), days));
            }
            try {
                items.details(itemId(task.getExecution()), codes, actions);
            } catch (InvalidInputException e) {
                throw invalid(TOUCHPOINTS.name(), String.valueOf(e.getBody().getDetail()));
            }
        };
    }

    private static List<String> texts(Object value) {
        List<String> texts = new ArrayList<>();
        if (value instanceof SpinJsonNode json && json.isArray()) {
            json.elements().forEach(e -> texts.add(e.isString() ? e.stringValue() : e.toString()));
        } else if (value instanceof Collection<?> list) {
            list.forEach(e -> texts.add(String.valueOf(e)));
        }
        return texts;
    }

    @Bean
    JavaDelegate checkFactBase() {
        return execution -> {
            boolean facts = items.checkFactBase(itemId(execution));
            HAS_FACT_BASE.set(execution, facts);
            // Why it was returned is in the item's record; its author's form reads it there (AgendaItemTexts).
            FACT_ACTION.set(execution, null);
        };
    }

    @Bean
    JavaDelegate queueItem() {
        return execution -> items.queue(itemId(execution));
    }

    @Bean
    TaskListener validateFactAction() {
        return task -> requireOneOf(FACT_ACTION.name(), FACT_ACTION.untyped(task), AgendaItemProcess.RESUBMIT,
                AgendaItemProcess.WITHDRAW);
    }

    @Bean
    JavaDelegate updateFacts() {
        return execution -> items.updateFacts(itemId(execution), FACT_PRIORITY.get(execution),
                FACT_BEHAVIOUR.get(execution), FACT_COMPETITORS.get(execution));
    }

    @Bean
    JavaDelegate expireItem() {
        return execution -> items.expire(itemId(execution), AgendaItems.NO_FACTS_IN_TIME);
    }

    /** The item's details are due: the author's task rises in their list, with a comment saying what follows. */
    @Bean
    JavaDelegate remindDetailsAuthor() {
        return execution -> reminders.remind(execution.getProcessInstanceId(), AgendaItemProcess.Elements.NAME_DETAILS,
                "Reminder: the board waits for the touchpoints and actions of this item. Without them, it is "
                        + "withdrawn after " + properties.itemDetailsWithdrawalDays() + " more working days, "
                        + "recorded as no details given by its author.");
    }

    /** The author never named the touchpoints and actions: the item is withdrawn, recorded as no details given. */
    @Bean
    JavaDelegate withdrawUndetailedItem() {
        return execution -> items.expire(itemId(execution), AgendaItems.NO_DETAILS_IN_TIME);
    }

    /** The first step after a withdrawal message: the record must say the item is withdrawn. */
    @Bean
    JavaDelegate confirmItemWithdrawn() {
        return execution -> items.requireWithdrawn(itemId(execution));
    }

    @Bean
    JavaDelegate withdrawItem() {
        return execution -> items.withdraw(itemId(execution));
    }

    /**
     * The charter took its dispute back: checked against the charter's process (a forged message is refused),
     * then the item is withdrawn unless its agenda is published. The instance takes the item's business key.
     */
    @Bean
    JavaDelegate takeBackDispute() {
        return execution -> {
            long version = CHARTER_VERSION_ID.requireFromMessage(execution);
            items.requireTakingBack(version);
            AgendaItems.TakeBack taken = items.takeBack(version, RULING_DAYS.requireFromMessage(execution));
            execution.setProcessBusinessKey(AgendaItemProcess.BUSINESS_KEY_PREFIX + taken.itemId());
            ITEM_ID.set(execution, taken.itemId());
            DISPUTE_STAYS.set(execution, taken.stays());
        };
    }

    /**
     * The board ruled on a dispute no charter waits for: checked against the register (a decided dispute, or
     * the message ends nothing), noted on the charter version while it is open, and said to the chair.
     */
    @Bean
    JavaDelegate recordLateRuling() {
        return execution -> {
            // The title names the chair's task; the ruling, in words, is rendered when her form is read.
            TITLE.set(execution, rulings.recordLate(itemId(execution)));
        };
    }
}
