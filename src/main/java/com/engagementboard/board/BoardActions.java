package com.engagementboard.board;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The actions board decisions created at touchpoints. */
@Service
class BoardActions {

    record ActionView(Long id, Long decisionId, String touchpoint, String function, String ownerGroup, String right,
            String description, Instant dueAt, String status, boolean overdue, Instant remindedAt, String doneBy,
            Instant doneAt, String report) {

        static ActionView of(BoardAction a, Instant now) {
            return new ActionView(a.getId(), a.getDecisionId(), a.getTouchpoint().getCode(),
                    a.getFunction() == null ? null : a.getFunction().getCode(), a.getOwnerGroup(), a.getRight(),
                    a.getDescription(), a.getDueAt(), a.getStatus().name(), a.overdue(now), a.getRemindedAt(),
                    a.getDoneBy(), a.getDoneAt(), a.getReport());
        }
    }

    private final BoardActionRepository actions;

    BoardActions(BoardActionRepository actions) {
        this.actions = actions;
    }

    /** Every action, overdue ones first, then open ones by due date, then done ones. */
    @Transactional(readOnly = true)
    List<ActionView> all(String status) {
        Instant now = MeetingScheduler.now();
        return actions.findAll().stream()
                .filter(a -> status == null || a.getStatus().name().equalsIgnoreCase(status))
                .map(a -> ActionView.of(a, now))
                .sorted(Comparator.comparing((ActionView a) -> !a.overdue())
                        .thenComparing(a -> !"OPEN".equals(a.status()))
                        .thenComparing(ActionView::dueAt))
                .toList();
    }

    @Transactional(readOnly = true)
    List<ActionView> ofDecisions(List<Long> decisionIds) {
        Instant now = MeetingScheduler.now();
        return actions.findByDecisionIdIn(decisionIds).stream().map(a -> ActionView.of(a, now)).toList();
    }

    @Transactional
    void reminded(long actionId) {
        actions.findById(actionId).orElseThrow().reminded(MeetingScheduler.now());
    }

    @Transactional
    void done(long actionId, String userId, String report) {
        actions.findById(actionId).orElseThrow().done(userId, report, MeetingScheduler.now());
    }
}
