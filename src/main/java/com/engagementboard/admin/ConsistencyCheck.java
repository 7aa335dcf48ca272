package com.engagementboard.admin;

import java.util.List;

/**
 * What one capability knows about itself: where its domain records and its process instances disagree.
 * Each capability that runs processes contributes one; {@code GET /api/admin/consistency} collects them.
 */
public interface ConsistencyCheck {

    /** The mismatches found now; empty when records and instances agree. */
    List<Mismatch> mismatches();
}
