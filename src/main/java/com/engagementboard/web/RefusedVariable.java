package com.engagementboard.web;

/**
 * A process variable a request brought (or failed to bring) that a process cannot take: missing, or of the
 * wrong type (a message sent through the engine's API without what the process needs). Every door answers it
 * with 400 naming the variable, not with a server error.
 */
public interface RefusedVariable {

    /** The variable's name. */
    String variable();

    /** What is wrong with it, in words: the variable, the type expected and where. */
    String getMessage();
}
