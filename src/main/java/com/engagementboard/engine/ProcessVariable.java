package com.engagementboard.engine;

import java.math.BigDecimal;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.VariableMap;

/**
 * A process variable by name and type, declared once in a process's contract class and used by its delegates
 * instead of a name and a cast: {@code ITEM_ID.require(execution)} rather than
 * {@code ((Number) execution.getVariable("itemId")).longValue()}.
 * <p>
 * A variable of the wrong type, or missing where it is required, fails with an
 * {@link InvalidVariableException} that names the variable, the type expected, what it found and where (the
 * activity and the business key): an incident or a log line a person can read, not a {@link ClassCastException}
 * deep in a delegate. Numbers convert: the engine hands back an {@code Integer} or a {@code Long} for the same
 * variable depending on who wrote it, so a {@code Long} variable accepts any whole {@link Number} that fits, and
 * so does an {@code Integer} one.
 * <p>
 * Camunda 7 has typed <em>values</em> ({@code org.camunda.bpm.engine.variable.Variables},
 * {@code VariableScope.getVariableTyped}) and {@code VariableMap.getValue(name, type)}, but no handle that binds
 * a name to a type for a {@link VariableScope}. holunda's camunda-bpm-data has one (its {@code VariableFactory});
 * it would be a further library (Kotlin in its current line) for the small part of it this class is.
 *
 * @param <T> the type the application reads and writes
 */
public final class ProcessVariable<T> {

    /** Camunda's own variable on a multi-instance body: how many instances it started. */
    public static final ProcessVariable<Integer> NR_OF_INSTANCES = integer("nrOfInstances");

    private final String name;
    private final String typeName;
    /** The value as T, or null if it is not one (the value given is never null). */
    private final Function<Object, T> convert;

    private ProcessVariable(String name, String typeName, Function<Object, T> convert) {
        this.name = Objects.requireNonNull(name, "name");
        this.typeName = typeName;
        this.convert = convert;
    }

    /** A variable of the given class, taken as it is (no conversion). */
    public static <T> ProcessVariable<T> of(String name, Class<T> type) {
        return new ProcessVariable<>(name, type.getSimpleName(), value -> type.isInstance(value) ? type.cast(value) : null);
    }

    public static ProcessVariable<String> string(String name) {
        return of(name, String.class);
    }

    public static ProcessVariable<Boolean> bool(String name) {
        return of(name, Boolean.class);
    }

    public static ProcessVariable<Date> date(String name) {
        return of(name, Date.class);
    }

    /** A whole number read as a {@code Long}, whichever {@link Number} the engine stored. */
    public static ProcessVariable<Long> longNumber(String name) {
        return new ProcessVariable<>(name, "Long", value -> {
            BigDecimal whole = whole(value);
            try {
                return whole == null ? null : whole.longValueExact();
            } catch (ArithmeticException tooLarge) {
                return null;
            }
        });
    }

    /** A whole number read as an {@code Integer}, whichever {@link Number} the engine stored. */
    public static ProcessVariable<Integer> integer(String name) {
        return new ProcessVariable<>(name, "Integer", value -> {
            BigDecimal whole = whole(value);
            try {
                return whole == null ? null : whole.intValueExact();
            } catch (ArithmeticException tooLarge) {
                return null;
            }
        });
    }

    /**
     * A list whose entries are all of the given class (numbers converted as by {@link #longNumber} and
     * {@link #integer} when the class is {@code Long} or {@code Integer}). The list read is a copy.
     */
    public static <E> ProcessVariable<List<E>> listOf(String name, Class<E> entryType) {
        ProcessVariable<E> entry = entryType == Long.class ? cast(longNumber(name))
                : entryType == Integer.class ? cast(integer(name)) : of(name, entryType);
        return new ProcessVariable<>(name, "List<" + entryType.getSimpleName() + ">", value -> {
            if (!(value instanceof List<?> list)) {
                return null;
            }
            List<E> entries = new java.util.ArrayList<>(list.size());
            for (Object element : list) {
                E converted = element == null ? null : entry.convert.apply(element);
                if (converted == null) {
                    return null;
                }
                entries.add(converted);
            }
            return List.copyOf(entries);
        });
    }

    @SuppressWarnings("unchecked")
    private static <E> ProcessVariable<E> cast(ProcessVariable<?> variable) {
        return (ProcessVariable<E>) variable;
    }

    private static BigDecimal whole(Object value) {
        if (!(value instanceof Number number)) {
            return null;
        }
        try {
            BigDecimal decimal = number instanceof BigDecimal exact ? exact : new BigDecimal(number.toString());
            return decimal.stripTrailingZeros().scale() <= 0 ? decimal : null;
        } catch (NumberFormatException notFinite) {
            return null; // NaN or infinity
        }
    }

    /** The variable's name, for BPMN expressions, forms and the engine's APIs. */
    public String name() {
        return name;
    }

    /** The value visible from the scope (its own, or its parents'), or null if there is none. */
    public T get(VariableScope scope) {
        return valueOf(scope.getVariable(name), scope);
    }

    /** The value the scope holds itself (not its parents'), or null if there is none. */
    public T getLocal(VariableScope scope) {
        return valueOf(scope.getVariableLocal(name), scope);
    }

    /** The value visible from the scope; missing (or null) fails. */
    public T require(VariableScope scope) {
        return required(get(scope), scope);
    }

    /** The value the scope holds itself; missing (or null) fails. */
    public T requireLocal(VariableScope scope) {
        return required(getLocal(scope), scope);
    }

    /**
     * The value a message brought, required: missing or of another type is the sender's mistake (a message sent
     * by hand through the engine's API), which every door answers with 400 naming the variable
     * ({@link RefusedMessageVariable}); {@link #require} is for what the application wrote itself, whose
     * failure is the server's.
     */
    public T requireFromMessage(VariableScope scope) {
        try {
            return require(scope);
        } catch (InvalidVariableException wrong) {
            throw new RefusedMessageVariable(name, wrong.getMessage() + ": the message must bring it");
        }
    }

    /**
     * The value as stored, unchecked: for the checks of a form's answers, which say in the form's words what is
     * wrong with an answer of any type.
     */
    public Object untyped(VariableScope scope) {
        return scope.getVariable(name);
    }

    /** A value read some other way (a {@code TaskService}, a map) as this variable's type; null stays null. */
    public T valueOf(Object value) {
        return valueOf(value, null);
    }

    /** Sets the variable where the scope finds it (or on the process instance if nowhere), as the engine does. */
    public void set(VariableScope scope, T value) {
        scope.setVariable(name, value);
    }

    /** Sets the variable on the scope itself. */
    public void setLocal(VariableScope scope, T value) {
        scope.setVariableLocal(name, value);
    }

    /** Puts the value in a map of variables (to start an instance, or to set several at once); answers the map. */
    public VariableMap set(VariableMap variables, T value) {
        return variables.putValue(name, value);
    }

    public void remove(VariableScope scope) {
        scope.removeVariable(name);
    }

    @Override
    public String toString() {
        return name + " (" + typeName + ")";
    }

    private T valueOf(Object value, VariableScope scope) {
        if (value == null) {
            return null;
        }
        T converted = convert.apply(value);
        if (converted == null) {
            throw new InvalidVariableException(name, "Process variable '" + name + "' must be " + article(typeName) + typeName
                    + ", but is " + describe(value) + where(scope));
        }
        return converted;
    }

    private T required(T value, VariableScope scope) {
        if (value == null) {
            throw new InvalidVariableException(name, "Process variable '" + name + "' (" + typeName
                    + ") is missing" + where(scope));
        }
        return value;
    }

    private static String describe(Object value) {
        String type = value.getClass().getSimpleName();
        String text = String.valueOf(value);
        return article(type) + type + " ('" + (text.length() <= 60 ? text : text.substring(0, 60) + "...") + "')";
    }

    private static String article(String word) {
        return !word.isEmpty() && "AEIOU".indexOf(Character.toUpperCase(word.charAt(0))) >= 0 ? "an " : "a ";
    }

    /** Where the variable was read: the element and the instance's business key, for the incident or the log. */
    private static String where(VariableScope scope) {
        if (scope instanceof DelegateTask task) {
            return " (task " + task.getTaskDefinitionKey() + " of " + instance(task.getExecution()) + ")";
        }
        if (scope instanceof DelegateExecution execution) {
            String activity = execution.getCurrentActivityId();
            return " (" + (activity == null ? "" : "at " + activity + " of ") + instance(execution) + ")";
        }
        return "";
    }

    private static String instance(DelegateExecution execution) {
        if (execution == null) {
            return "a case";
        }
        return execution.getProcessBusinessKey() != null ? execution.getProcessBusinessKey()
                : "instance " + execution.getProcessInstanceId();
    }

    /**
     * A variable the application reads is missing or of another type than its contract says. The application
     * or a process definition wrote it wrong (people write only their form's fields, with the form's types:
     * {@code VariableWriteGuard}); the message names the variable, the type and where.
     */
    public static final class InvalidVariableException extends ProcessEngineException {

        private final String variable;

        InvalidVariableException(String variable, String message) {
            super(message);
            this.variable = variable;
        }

        public String variable() {
            return variable;
        }
    }

    /** A variable a message should have brought and did not (or brought of another type): the sender's mistake. */
    public static final class RefusedMessageVariable extends ProcessEngineException
            implements com.engagementboard.web.RefusedVariable {

        private final String variable;

        RefusedMessageVariable(String variable, String message) {
            super(message);
            this.variable = variable;
        }

        @Override
        public String variable() {
            return variable;
        }
    }
}
