package com.engagementboard.board;

import com.engagementboard.security.SystemAccount;
import com.engagementboard.web.IllegalTransitionException;
import com.engagementboard.web.InvalidInputException;
import com.engagementboard.web.NotFoundException;
import com.engagementboard.web.PageView;
import org.camunda.bpm.engine.RuntimeService;
import com.engagementboard.web.Paging;
import java.time.Clock;
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
            Instant doneAt, String report, String blockedBy, Instant blockedAt, String cancelledBy,
            Instant cancelledAt, String chairNote) {

        static ActionView of(BoardAction a, Instant now) {
            return new ActionView(a.getId(), a.getDecisionId(), a.getTouchpoint().getCode(),
                    a.getFunction() == null ? null : a.getFunction().getCode(), a.getOwnerGroup(), a.getRight(),
                    a.getDescription(), a.getDueAt(), a.getStatus().name(), a.overdue(now), a.getRemindedAt(),
                    a.getDoneBy(), a.getDoneAt(), a.getReport(), a.getBlockedBy(), a.getBlockedAt(),
                    a.getCancelledBy(), a.getCancelledAt(), a.getChairNote());
        }
    }

    private final BoardActionRepository actions;
    private final RuntimeService runtime;
    private final SystemAccount system;
    private final Clock clock;

    BoardActions(BoardActionRepository actions, RuntimeService runtime, SystemAccount system, Clock clock) {
        this.actions = actions;
        this.clock = clock;
        this.runtime = runtime;
        this.system = system;
    }

    /**
     * One page of the actions (of one status, if given): overdue ones first, then open ones by due date,
     * then done ones. An action is overdue when it is open and its due date has passed, so open actions
     * by due date put the overdue ones first: the database orders and cuts the page.
     */
    @Transactional(readOnly = true)
    PageView<ActionView> all(BoardAction.Status status, Paging paging) {
        Instant now = clock.instant();
        Page<BoardAction> page = status == null
                ? actions.findInBoardOrder(BoardAction.Status.OPEN, paging.pageable())
                : actions.findByStatus(status, paging.in(Sort.by("dueAt", "id")));
        return PageView.of(page, a -> ActionView.of(a, now));
    }

    /**
     * One page of one owner's actions (a function's code; null: the chair's, those no function owns), of one
     * status if given, in the same order as {@link #all(BoardAction.Status, Paging)}: the board's actions page.
     */
    @Transactional(readOnly = true)
    PageView<ActionView> ofOwner(String functionCode, BoardAction.Status status, Paging paging) {
        Instant now = clock.instant();
        return PageView.of(actions.findOfOwnerInBoardOrder(functionCode, status, BoardAction.Status.OPEN,
                paging.pageable()), a -> ActionView.of(a, now));
    }

    @Transactional(readOnly = true)
    List<ActionView> ofDecisions(List<Long> decisionIds) {
        Instant now = clock.instant();
        return actions.findByDecisionIdIn(decisionIds).stream().map(a -> ActionView.of(a, now)).toList();
    }

    @Transactional
    void reminded(long actionId) {
        actions.findById(actionId).orElseThrow().reminded(clock.instant());
    }

    @Transactional
    void done(long actionId, String userId, String report) {
        actions.findById(actionId).orElseThrow().done(userId, report, clock.instant());
    }

    @Transactional
    void blocked(long actionId, String userId, String whatBlocksIt) {
        actions.findById(actionId).orElseThrow().blocked(userId, whatBlocksIt, clock.instant());
    }

    /** The chair gives a blocked action back, due {@code weeks} weeks from now; answers the new due date. */
    @Transactional
    Instant resume(long actionId, String note, int weeks) {
        Instant due = clock.instant().plus(java.time.Duration.ofDays(7L * weeks));
        actions.findById(actionId).orElseThrow().resumed(note, due);
        return due;
    }

    /** The chair cancels a blocked action from her task. */
    @Transactional
    void cancelBlocked(long actionId, String userId, String reason) {
        actions.findById(actionId).orElseThrow().cancel(userId, reason, clock.instant());
    }

    /**
     * The chair cancels an open or blocked action with her reason (409 once it is done or cancelled): the
     * owner's task (or her own decision on the blocked action) ends, through the process's event subprocess.
     */
    @Transactional
    ActionView cancel(long actionId, String reason, String userId) {
        String why = InvalidInputException.requireReason("reason", reason, BoardAction.MAX_NOTE,
                "say why the action is cancelled: its owner is told");
        BoardAction action = actions.findById(actionId)
                .orElseThrow(() -> new NotFoundException("action", String.valueOf(actionId)));
        action.cancel(userId, why, clock.instant());
        actions.saveAndFlush(action);
        system.run(() -> runtime.createMessageCorrelation(BoardActionProcess.MESSAGE_ACTION_CANCELLED)
                .processInstanceBusinessKey(BoardActionProcess.businessKey(actionId)).correlateAllWithResult());
        return ActionView.of(action, clock.instant());
    }

    /** The register must say the action is cancelled: a message alone (sent through the engine's API) ends nothing. */
    @Transactional(readOnly = true)
    void requireCancelled(long actionId) {
        BoardAction action = actions.findById(actionId).orElseThrow();
        if (action.getStatus() != BoardAction.Status.CANCELLED) {
            throw new IllegalTransitionException("Action " + actionId, action.getStatus(), "ended as cancelled",
                    java.util.EnumSet.of(BoardAction.Status.CANCELLED));
        }
    }
}
