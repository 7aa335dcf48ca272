package com.engagementboard.charter;

import java.util.List;

/**
 * Published when the chair sends a charter dispute to the board: the board puts it on its agenda
 * with its facts, and its ruling resumes the charter process (message {@code BoardRuledOnDispute}).
 *
 * @param charterId the charter version in dispute
 * @param title a title for the agenda item
 * @param decisionAsked what the board is asked: the chair's proposal for each disputed right
 * @param touchpoints the codes of the touchpoints in dispute
 * @param facts the fact base: the touchpoints' priority and the heads' reasons
 * @param chair who sent it
 */
public record DisputeSentToBoard(long charterId, String title, String decisionAsked, List<String> touchpoints,
        String facts, String chair) {
}
