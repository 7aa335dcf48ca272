package com.engagementboard.board;

/**
 * Published when the board decided the agenda item a touchpoint change brought: the change's process reads
 * the decision from the board's register ({@link AgendaItems#approved}) and goes on. Published inside the
 * decision's transaction: a listener's failure undoes the decision too.
 *
 * @param changeId the touchpoint change
 * @param itemId its agenda item
 */
public record ChangeDecidedByBoard(long changeId, long itemId) {
}
