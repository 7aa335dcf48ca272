package com.engagementboard.change;

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
 * Touchpoint changes against their process: a change's {@code touchpoint-change} instance runs until it is
 * live, rejected or closed. A change that went to the board over a charter gap may keep its instance a while
 * once settled: the chair's gap notice runs until read or expired.
 */
@Component
class ChangeConsistency implements ConsistencyCheck {

    static final RecordProcessPairing CHANGES = new RecordProcessPairing("touchpoint-change",
            TouchpointChangeProcess.KEY, TouchpointChangeProcess.BUSINESS_KEY_PREFIX,
            Set.of(TouchpointChange.Status.PROPOSED.name(), TouchpointChange.Status.IN_DESIGN.name(),
                    TouchpointChange.Status.MORE_INFO.name(), TouchpointChange.Status.AT_BOARD.name(),
                    TouchpointChange.Status.IN_BUILD.name(), TouchpointChange.Status.BUILT.name()),
            Set.of(TouchpointChange.Status.CLOSED.name(), TouchpointChange.Status.LIVE.name()));

    private final EntityManager entities;
    private final RuntimeService runtime;

    ChangeConsistency(EntityManager entities, RuntimeService runtime) {
        this.entities = entities;
        this.runtime = runtime;
    }

    @Override
    @Transactional(readOnly = true)
    public List<Mismatch> mismatches() {
        return CHANGES.compare(entities, "select c.id, c.status from TouchpointChange c", runtime);
    }
}
