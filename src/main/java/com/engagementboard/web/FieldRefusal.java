package com.engagementboard.web;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * A form's answer refused by the server's checks, said the way the person sees the form: the field by its
 * label ("Quorum: is 9 but the core group has only 2 people"), with the variable it is stored in for
 * machines ({@link #getDetail()}) and, for a row of a dynamic list, the row (1 for the first). The Tasklist
 * shows {@link #reason()} next to the field itself.
 */
public class FieldRefusal extends FormFieldValidationException {

    private static final Pattern ROW = Pattern.compile("^row (\\d+)\\b");

    private final String field;
    private final String label;
    private final String reason;

    public FieldRefusal(String field, String label, String reason) {
        this(field, label, reason, null);
    }

    /** The refusal {@code cause} (naming the field by its variable) said again by the field's label. */
    public FieldRefusal(String field, String label, String reason, Throwable cause) {
        super(field, said(label, reason), cause);
        this.field = field;
        this.label = label;
        this.reason = reason;
    }

    /** The variable the field is stored in. */
    public String field() {
        return field;
    }

    public String label() {
        return label;
    }

    /** What is wrong, without the field's name. */
    public String reason() {
        return reason;
    }

    /** The row of a dynamic list the reason is about (1 for the first), or null. */
    public Integer row() {
        Matcher row = ROW.matcher(reason);
        return row.find() ? Integer.valueOf(row.group(1)) : null;
    }

    private static String said(String label, String reason) {
        String name = label.strip();
        return name.matches(".*[?:.!]$") ? name + " " + reason : name + ": " + reason;
    }
}
