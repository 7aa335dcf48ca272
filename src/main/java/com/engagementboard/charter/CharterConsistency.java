package com.engagementboard.charter;

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
 * A charter version's {@code touchpoint-charter} instance runs from its submission while it is in
 * acceptance and while it is effective (waiting for its reviews), and ends when a newer version
 * supersedes it. A draft has none. A withdrawn version's instance may run on while the heads' notices are
 * unread (they expire by themselves).
 */
@Component
public class CharterConsistency implements ConsistencyCheck {

    static final RecordProcessPairing VERSIONS = new RecordProcessPairing("charter-version",
            TouchpointCharterProcess.KEY, TouchpointCharterProcess.BUSINESS_KEY_PREFIX,
            Set.of(CharterStatus.IN_ACCEPTANCE.name(), CharterStatus.EFFECTIVE.name()),
            Set.of(CharterStatus.WITHDRAWN.name()));

    private final EntityManager entities;
    private final RuntimeService runtime;

    CharterConsistency(EntityManager entities, RuntimeService runtime) {
        this.entities = entities;
        this.runtime = runtime;
    }

    @Override
    @Transactional(readOnly = true)
    public List<Mismatch> mismatches() {
        return VERSIONS.compare(entities, "select c.id, c.status from CharterVersion c", runtime);
    }
}
