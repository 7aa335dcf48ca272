package com.engagementboard.operations;

import java.util.ArrayList;
import java.util.List;

/**
 * What a test started (nodes, databases), closed after it in the reverse order: nodes first, then the
 * databases they used. Also the charter every node-level test drafts: two functions, one touchpoint.
 */
final class Leftovers {

    /** complaint-handling's four rights for service and IT: one head each accepts. */
    static final String SERVICE_AND_IT_CSV = """
            touchpoint,right,function
            complaint-handling,DESIGN,service
            complaint-handling,BUILD,it
            complaint-handling,OPERATE,service
            complaint-handling,RENEW,service
            """;

    private final List<AutoCloseable> started = new ArrayList<>();

    <T extends AutoCloseable> T add(T thing) {
        started.add(thing);
        return thing;
    }

    void closeAll() throws Exception {
        for (int i = started.size() - 1; i >= 0; i--) {
            started.get(i).close();
        }
        started.clear();
    }
}
