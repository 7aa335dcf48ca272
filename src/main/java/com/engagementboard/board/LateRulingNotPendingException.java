package com.engagementboard.board;

import com.engagementboard.web.IllegalTransitionException;
import java.util.List;

/**
 * A {@code LateDisputeRuling} message for an agenda item whose ruling is not waiting to be told to the chair
 * (one sent through the engine's API: the ruling reached its charter, was told already, or the item is no
 * decided dispute): refused, so the whole correlation rolls back and nothing is noted or told. {@code /api}
 * and {@code /engine-rest} answer it with 409.
 */
final class LateRulingNotPendingException extends IllegalTransitionException {

    private final long itemId;

    LateRulingNotPendingException(long itemId, AgendaItem.Status status) {
        super("Agenda item " + itemId, status, "told to the chair as a late ruling", List.of());
        this.itemId = itemId;
    }

    @Override
    public String getMessage() {
        return "Agenda item " + itemId + " has no late ruling waiting to be told: only a board decision on a charter "
                + "dispute that no charter process waited for is told to the chair, once, and the board's decision "
                + "does that by itself. Nothing was changed.";
    }
}
