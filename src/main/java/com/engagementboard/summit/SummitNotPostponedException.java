package com.engagementboard.summit;

import com.engagementboard.web.IllegalTransitionException;
import java.util.List;

/**
 * A {@code SummitPostponed} message reached a summit's process while the record holds no postponement by the
 * chair (one sent through the engine's API, or sent twice): refused, so the whole correlation rolls back and
 * nothing is moved, recreated or told. {@code /api} and {@code /engine-rest} answer it with 409.
 */
final class SummitNotPostponedException extends IllegalTransitionException {

    private final long summitId;

    SummitNotPostponedException(long summitId, Summit.Status status) {
        super("Summit " + summitId, status, "moved to a new date", List.of());
        this.summitId = summitId;
    }

    @Override
    public String getMessage() {
        return "Summit " + summitId + " has no postponement by its chair waiting to be carried out, so its process "
                + "does not move it: the chair postpones a summit on its page or with POST /api/summits/" + summitId
                + "/postpone, which also tells the process. Nothing was changed.";
    }
}
