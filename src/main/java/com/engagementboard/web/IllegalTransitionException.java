package com.engagementboard.web;

import java.util.Collection;
import java.util.stream.Collectors;

/**
 * A domain object was asked to move along a transition its table does not allow (a decided agenda
 * item re-queued, a closed meeting reopened). Thrown before anything is written; as a runtime
 * exception it also rolls back the process engine's transaction when a delegate or task listener
 * throws it. {@code /api} answers it with 409 problem details, {@code /engine-rest} with 409 and the
 * message.
 */
public class IllegalTransitionException extends RuntimeException {

    private final String subject;
    private final String state;
    private final String action;

    /**
     * @param subject what refused, with its id ("Agenda item 12")
     * @param state its current state
     * @param action what was asked, as a past participle ("withdrawn", "put on an agenda")
     * @param allowedFrom the states from which the action is possible (empty: from none)
     */
    public IllegalTransitionException(String subject, Enum<?> state, String action,
            Collection<? extends Enum<?>> allowedFrom) {
        super(subject + " is " + state + ", so it cannot be " + action + (allowedFrom.isEmpty() ? "."
                : "; that is possible only when it is " + allowedFrom.stream().map(Enum::name)
                        .collect(Collectors.joining(" or ")) + "."));
        this.subject = subject;
        this.state = state.name();
        this.action = action;
    }

    public String getSubject() {
        return subject;
    }

    public String getState() {
        return state;
    }

    public String getAction() {
        return action;
    }
}
