package com.engagementboard.board;

import com.engagementboard.web.PageView;
import com.engagementboard.web.Paging;
import java.time.Instant;
import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Sort;
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

    /**
     * One page of the actions (of one status, if given): overdue ones first, then open ones by due date,
     * then done ones. An action is overdue when it is open and its due date has passed, so open actions
     * by due date put the overdue ones first: the database orders and cuts the page.
     */
    @Transactional(readOnly = true)
    PageView<ActionView> all(BoardAction.Status status, Paging paging) {
        Instant now = MeetingScheduler.now();
        Page<BoardAction> page = status == null
                ? actions.findInBoardOrder(BoardAction.Status.OPEN, paging.pageable())
                : actions.findByStatus(status, paging.in(Sort.by("dueAt", "id")));
        return PageView.of(page, a -> ActionView.of(a, now));
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
