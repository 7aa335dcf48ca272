package com.engagementboard.web;

import java.util.EnumSet;
import java.util.Set;

/**
 * A status enum with a transition table: each entity says which moves it allows ({@link #canMoveTo});
 * the check, and the refusal that names the states a move is possible from, are the same for all.
 */
public interface Transitions<S extends Enum<S> & Transitions<S>> {

    boolean canMoveTo(S next);

    /** Refuses (409, nothing written) when {@code current} may not move to {@code next}. */
    static <S extends Enum<S> & Transitions<S>> void check(String subject, S current, S next, String action) {
        if (!current.canMoveTo(next)) {
            throw new IllegalTransitionException(subject, current, action, from(next));
        }
    }

    /** The states from which a move to {@code next} is allowed. */
    static <S extends Enum<S> & Transitions<S>> Set<S> from(S next) {
        Set<S> from = EnumSet.noneOf(next.getDeclaringClass());
        for (S state : next.getDeclaringClass().getEnumConstants()) {
            if (state.canMoveTo(next)) {
                from.add(state);
            }
        }
        return from;
    }
}
