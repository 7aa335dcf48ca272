package com.engagementboard.web;

/**
 * A process variable a request brought (or failed to bring) that a process cannot take: missing, or of the
 * wrong type (a message sent through the engine's API without what the process needs). Every door answers it
 * with 400 naming the variable, not with a server error. (A variable the application itself wrote wrong is
 * the server's failure, a 500 with a reference.)
 */
public interface RefusedVariable {

    /** The variable's name. */
    String variable();

    /** What is wrong with it, in words: the variable, the type expected and where. */
    String getMessage();
}
