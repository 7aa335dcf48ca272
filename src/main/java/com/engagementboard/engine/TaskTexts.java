package com.engagementboard.engine;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;

/**
 * The texts a task's form shows to people (what was decided, by whom, the rights asked), rendered from
 * the record each time the form is read, never stored in the engine: the form shows what the record
 * says now, history keeps no copies of them, and they are not bounded by the engine's text column.
 * <p>
 * One implementation per process, in its capability. The engine asks it whenever the Tasklist, the
 * REST API or a test reads a task's form variables ({@code FormService#getTaskFormVariables}); the
 * texts are added under their variable names, where the form's {@code {{name}}} templates find them
 * (over a copy an instance started by an older release may still carry).
 */
public interface TaskTexts {

    /** The key of the process whose tasks this class speaks for (its contract class's {@code KEY}). */
    String processKey();

    /**
     * The texts for this task's form, by variable name, in markdown with whatever came from people
     * escaped ({@link Markdown#escape}); empty when its form shows none. Runs inside the engine's
     * command, so it reads the task's variables and the domain's tables in the same transaction.
     */
    Map<String, String> texts(DelegateTask task);
}
