package com.engagementboard.summit;

import com.engagementboard.admin.ConsistencyCheck;
import com.engagementboard.admin.Mismatch;
import com.engagementboard.admin.RecordProcessPairing;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A summit's {@code engagement-summit} instance runs from its convening until the summit closes; a cancelled
 * summit's instance may run on while the participants' notices are unread (they expire by themselves).
 */
@Component
public class SummitConsistency implements ConsistencyCheck {

    static final RecordProcessPairing SUMMITS = new RecordProcessPairing("summit", SummitProcess.KEY,
            SummitProcess.BUSINESS_KEY_PREFIX, Set.of(Summit.Status.CONVENED.name(), Summit.Status.IN_SESSION.name()),
            Set.of(Summit.Status.CANCELLED.name()));

    private final EntityManager entities;
    private final RuntimeService runtime;

    SummitConsistency(EntityManager entities, RuntimeService runtime) {
        this.entities = entities;
        this.runtime = runtime;
    }

    @Override
    @Transactional(readOnly = true)
    public List<Mismatch> mismatches() {
        return SUMMITS.compare(entities, "select s.id, s.status from Summit s", runtime);
    }
}
