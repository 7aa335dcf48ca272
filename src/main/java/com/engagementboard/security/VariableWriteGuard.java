package com.engagementboard.security;

import static com.engagementboard.web.TaskForms.invalid;

import com.engagementboard.web.FieldRefusal;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.MessageCorrelationBuilderImpl;
import org.camunda.bpm.engine.impl.ModificationBuilderImpl;
import org.camunda.bpm.engine.impl.ProcessInstanceModificationBuilderImpl;
import org.camunda.bpm.engine.impl.ProcessInstantiationBuilderImpl;
import org.camunda.bpm.engine.impl.SignalEventReceivedBuilderImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractCorrelateMessageCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractInstantiationCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractModificationCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractPatchVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractProcessInstanceModificationCommand;
import org.camunda.bpm.engine.impl.cmd.AbstractRemoveVariableCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractSetVariableCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.ModifyProcessInstanceAsyncCmd;
import org.camunda.bpm.engine.impl.cmd.ModifyProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.SignalCmd;
import org.camunda.bpm.engine.impl.cmd.SignalEventReceivedCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceAtActivitiesCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitStartFormCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.cmd.batch.variables.SetVariablesToProcessInstancesBatchCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.form.FormDefinition;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.CamundaFormDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.json.SpinJsonNode;

/**
 * The one rule that keeps process variables trustworthy, whichever door a person comes through (the
 * Tasklist's engine API, {@code /engine-rest}, or {@code /api}): <b>a person writes only the fields of
 * the form in front of them</b>.
 * <ul>
 * <li>Completing or submitting a task sets only the input fields of that task's Camunda Form, each
 * with the form's type (text, number, one of the form's options, a list of them) and at most
 * {@value #MAX_TEXT} characters. Any other variable (ids, function codes, authors, outcomes) is
 * refused with a 400 naming it.</li>
 * <li>Starting a process sets only the fields of its start form, never a business key, and starts at the start
 * event (never at a step in the middle: a case without its record).</li>
 * <li>Variables are never set, changed or removed on their own (task, execution, process instance,
 * batch), nor carried by messages, signals or instance modifications.</li>
 * </ul>
 * What the application and the engine do themselves (no one authenticated: the job executor, and the
 * application acting as the system, see {@link SystemAccount}) and commands nested in a checked one
 * (delegates) are not restricted. Runs inside the command context, before the command itself.
 */
class VariableWriteGuard extends CommandInterceptor {

    /** Camunda stores a text variable in a column of 4,000 characters. */
    static final int MAX_TEXT = 4000;

    /** Most rows a dynamic list may submit. */
    static final int MAX_ROWS = 2_000;

    private static final String FORM_SUFFIX = ".form";
    private static final String LATEST = "latest";
    private static final int MAX_LATEST_FORMS = 32;

    private final ThreadLocal<Integer> depth = ThreadLocal.withInitial(() -> 0);
    private final Map<String, Map<String, DeployedForm>> formsByDeployment = new ConcurrentHashMap<>();
    /** The forms bound by their latest version, by form definition id (each version is a definition of its own). */
    private final Map<String, DeployedForm> formsByDefinition = new ConcurrentHashMap<>();
    private final ObjectMapper json = new ObjectMapper();

    @Override
    public <T> T execute(Command<T> command) {
        int level = depth.get();
        DeployedForm form = null;
        depth.set(level + 1);
        try {
            if (level == 0) {
                CommandContext context = Context.getCommandContext();
                form = context == null ? null : formSubmitted(command, context);
                if (context != null && context.getAuthenticatedUserId() != null) {
                    check(command, context);
                }
            }
            return next.execute(command);
        } catch (RuntimeException refused) {
            throw form == null ? refused : inWordsOf(form, refused);
        } finally {
            depth.set(level);
        }
    }

    /**
     * A refusal of a form's answer (by this guard or by the form's own check in a task listener) names the
     * field by the label the person reads on the form, not by the variable it is stored in.
     */
    private static RuntimeException inWordsOf(DeployedForm form, RuntimeException refused) {
        for (Throwable cause = refused; cause != null; cause = cause.getCause()) {
            if (cause instanceof FieldRefusal) {
                return refused;
            }
            if (cause instanceof FormFieldValidationException invalid && invalid.getDetail() instanceof String key) {
                DeployedForm.Field field = form.fields().get(key);
                if (field == null) {
                    return refused;
                }
                String message = invalid.getMessage() == null ? "" : invalid.getMessage();
                String prefix = key + ": ";
                return new FieldRefusal(key, field.label(),
                        message.startsWith(prefix) ? message.substring(prefix.length()) : message, invalid);
            }
        }
        return refused;
    }

    /** The form whose answers the command submits (a task's or a start form), or null. */
    private DeployedForm formSubmitted(Command<?> command, CommandContext context) {
        if (command instanceof CompleteTaskCmd || command instanceof SubmitTaskFormCmd) {
            String taskId = field(command, "taskId");
            TaskEntity task = taskId == null ? null : context.getTaskManager().findTaskById(taskId);
            return task == null ? null : taskForm(context, task);
        }
        if (command instanceof SubmitStartFormCmd) {
            return startForm(context, field(command, "processDefinitionId"), null);
        }
        if (command instanceof StartProcessInstanceCmd) {
            ProcessInstantiationBuilderImpl builder = field(command, "instantiationBuilder");
            return startForm(context, builder.getProcessDefinitionId(), builder.getProcessDefinitionKey());
        }
        return null;
    }

    private void check(Command<?> command, CommandContext context) {
        if (command instanceof CompleteTaskCmd || command instanceof SubmitTaskFormCmd) {
            String taskId = field(command, "taskId");
            Map<String, Object> variables = field(command, command instanceof SubmitTaskFormCmd ? "properties" : "variables");
            checkTaskCompletion(context, taskId, variables);
        } else if (command instanceof StartProcessInstanceCmd || command instanceof StartProcessInstanceAtActivitiesCmd) {
            ProcessInstantiationBuilderImpl builder = field(command, "instantiationBuilder");
            checkStart(context, builder.getProcessDefinitionId(), builder.getProcessDefinitionKey(),
                    builder.getBusinessKey(), builder.getVariables());
            if (builder.getModificationBuilder() != null) {
                var instructions = builder.getModificationBuilder().getModificationOperations();
                if (command instanceof StartProcessInstanceAtActivitiesCmd
                        || instructions != null && !instructions.isEmpty()) {
                    // A case begins where its process begins: started in the middle, it has no record (a step
                    // with nothing to read, or an instance the consistency report names). People never do.
                    throw invalid("startInstructions", "a process starts at its start event, with its start form; "
                            + "starting one at another step is not possible");
                }
                checkModification(instructions);
            }
        } else if (command instanceof SubmitStartFormCmd) {
            checkStart(context, field(command, "processDefinitionId"), null, field(command, "businessKey"),
                    field(command, "variables"));
        } else if (command instanceof AbstractSetVariableCmd) {
            Map<String, ?> variables = field(command, "variables");
            refuseAll(variables == null ? List.of() : variables.keySet());
        } else if (command instanceof AbstractPatchVariablesCmd) {
            Map<String, ?> variables = field(command, "variables");
            Collection<String> deletions = field(command, "deletions");
            List<String> names = new ArrayList<>();
            if (variables != null) {
                names.addAll(variables.keySet());
            }
            if (deletions != null) {
                names.addAll(deletions);
            }
            refuseAll(names);
        } else if (command instanceof AbstractRemoveVariableCmd) {
            Collection<String> names = field(command, "variableNames");
            refuseAll(names);
        } else if (command instanceof SetVariablesToProcessInstancesBatchCmd) {
            Map<String, ?> variables = field(command, "variables");
            refuseAll(variables == null ? List.of() : variables.keySet());
        } else if (command instanceof AbstractCorrelateMessageCmd) {
            MessageCorrelationBuilderImpl builder = field(command, "builder");
            refuseCarried(builder.getPayloadProcessInstanceVariables());
            refuseCarried(builder.getPayloadProcessInstanceVariablesLocal());
            refuseCarried(builder.getPayloadProcessInstanceVariablesToTriggeredScope());
        } else if (command instanceof SignalEventReceivedCmd) {
            SignalEventReceivedBuilderImpl builder = field(command, "builder");
            refuseCarried(builder.getVariables());
        } else if (command instanceof SignalCmd) {
            refuseCarried(field(command, "processVariables"));
        } else if (command instanceof ModifyProcessInstanceCmd || command instanceof ModifyProcessInstanceAsyncCmd) {
            ProcessInstanceModificationBuilderImpl builder = field(command, "builder");
            checkModification(builder.getModificationOperations());
        } else if (command instanceof AbstractModificationCmd<?>) {
            ModificationBuilderImpl builder = field(command, "builder");
            checkModification(builder.getInstructions());
        }
    }

    private void checkTaskCompletion(CommandContext context, String taskId, Map<String, Object> variables) {
        if (variables == null || variables.isEmpty() || taskId == null) {
            return;
        }
        TaskEntity task = context.getTaskManager().findTaskById(taskId);
        if (task == null) {
            return; // the command itself answers "no such task"
        }
        checkFields(taskForm(context, task), variables, task);
    }

    private DeployedForm taskForm(CommandContext context, TaskEntity task) {
        FormDefinition definition = task.getTaskDefinition() == null ? null
                : task.getTaskDefinition().getFormDefinition();
        ProcessDefinitionEntity process = task.getProcessDefinition();
        return process == null ? null : form(context, process.getDeploymentId(), definition);
    }

    private DeployedForm startForm(CommandContext context, String definitionId, String definitionKey) {
        ProcessDefinitionEntity process = definition(context, definitionId, definitionKey);
        return process == null ? null : form(context, process.getDeploymentId(), process.getStartFormDefinition());
    }

    private static ProcessDefinitionEntity definition(CommandContext context, String definitionId, String definitionKey) {
        try {
            return definitionId != null
                    ? context.getProcessEngineConfiguration().getDeploymentCache().findDeployedProcessDefinitionById(definitionId)
                    : definitionKey != null ? context.getProcessEngineConfiguration().getDeploymentCache()
                            .findDeployedLatestProcessDefinitionByKey(definitionKey) : null;
        } catch (org.camunda.bpm.engine.ProcessEngineException unknown) {
            return null; // the command itself answers "no such process"
        }
    }

    private void checkStart(CommandContext context, String definitionId, String definitionKey, String businessKey,
            Map<String, Object> variables) {
        if (businessKey != null && !businessKey.isBlank()) {
            throw invalid("businessKey", "Engagement Board names its cases itself; start without a business key");
        }
        if (variables == null || variables.isEmpty()) {
            return;
        }
        ProcessDefinitionEntity process = definition(context, definitionId, definitionKey);
        if (process == null) {
            return; // the command itself answers "no such process"
        }
        checkFields(form(context, process.getDeploymentId(), process.getStartFormDefinition()), variables, null);
    }

    private static void checkModification(List<? extends AbstractProcessInstanceModificationCommand> operations) {
        if (operations == null) {
            return;
        }
        for (AbstractProcessInstanceModificationCommand operation : operations) {
            if (operation instanceof AbstractInstantiationCmd instantiation) {
                refuseCarried(instantiation.getVariables());
                refuseCarried(instantiation.getVariablesLocal());
            }
        }
    }

    private static void refuseAll(Collection<String> names) {
        if (names != null && !names.isEmpty()) {
            String name = names.iterator().next();
            throw invalid(name, "variables of Engagement Board's processes are written only by the form of the "
                    + "task you complete; change the record through the application");
        }
    }

    private static void refuseCarried(Map<String, ?> variables) {
        if (variables != null && !variables.isEmpty()) {
            String name = variables.keySet().iterator().next();
            throw invalid(name, "messages, signals and modifications carry no variables from people; only the form "
                    + "of the task you complete writes variables");
        }
    }

    private void checkFields(DeployedForm form, Map<String, Object> variables, VariableScope scope) {
        for (String name : variables.keySet()) {
            DeployedForm.Field field = form == null ? null : form.fields().get(name);
            if (field == null) {
                throw invalid(name, form == null ? "this step has no form; it takes no answers"
                        : "is not a field of the form '" + form.id() + "'; only its fields can be set: "
                                + form.fields().keySet());
            }
            checkValue(field, plain(variables, name), scope);
        }
    }

    private static void checkValue(DeployedForm.Field field, Object value, VariableScope scope) {
        String name = field.key();
        if (field.readOnly()) {
            Object current = scope == null ? null : scope.getVariable(name);
            if (!Objects.equals(String.valueOf(current), String.valueOf(value))) {
                throw invalid(name, "is shown for reading only and cannot be changed");
            }
            return;
        }
        if (value == null) {
            return; // an empty answer: whether it is required is the form's own check
        }
        if (field.isDynamicList()) {
            checkRows(field, value, scope);
            return;
        }
        switch (field.type()) {
            case "number" -> {
                if (!(value instanceof Number) && !isNumber(value)) {
                    throw invalid(name, "must be a number");
                }
            }
            case "checkbox" -> {
                if (!(value instanceof Boolean) && !"true".equals(value) && !"false".equals(value)) {
                    throw invalid(name, "must be true or false");
                }
            }
            case "checklist", "taglist" -> {
                List<String> chosen = list(name, value);
                List<String> options = field.hasOptions() ? options(field, scope) : null;
                for (String entry : chosen) {
                    if (options != null && !options.contains(entry)) {
                        throw invalid(name, "'" + abbreviate(entry) + "' is not one of the choices offered");
                    }
                }
            }
            default -> {
                if (!(value instanceof String text)) {
                    throw invalid(name, "must be text");
                }
                int max = field.maxLength() != null ? Math.min(field.maxLength(), MAX_TEXT) : MAX_TEXT;
                if (text.length() > max) {
                    throw invalid(name, "is " + text.length() + " characters long; at most " + max + " fit");
                }
                if (("radio".equals(field.type()) || "select".equals(field.type())) && field.hasOptions()) {
                    List<String> options = options(field, scope);
                    if (options != null && !options.contains(text)) {
                        throw invalid(name, "'" + abbreviate(text) + "' is not one of the choices offered"
                                + (options.size() <= 20 ? ": " + options : " (" + options.size() + " of them)"));
                    }
                }
            }
        }
    }

    /**
     * A dynamic list's rows: a list of at most {@value #MAX_ROWS} objects whose entries are fields of the
     * list's row, each checked as its field (or, from the API, the list as text, at most {@value #MAX_TEXT}
     * characters, which the form's own check reads). Read-only entries (what a row shows: the right it is about)
     * are not trusted here: the form's own check reads them against the record.
     */
    private static void checkRows(DeployedForm.Field list, Object value, VariableScope scope) {
        String name = list.key();
        if (value instanceof String text && !text.strip().startsWith("[")) {
            // The API's text form of the list (CSV lines): bounded here, read by the form's own check.
            if (text.length() > MAX_TEXT) {
                throw invalid(name, "is " + text.length() + " characters long; at most " + MAX_TEXT + " fit");
            }
            return;
        }
        List<Map<String, Object>> rows = rows(name, value);
        if (rows.size() > MAX_ROWS) {
            throw invalid(name, "has " + rows.size() + " rows; at most " + MAX_ROWS + " fit");
        }
        for (int i = 0; i < rows.size(); i++) {
            for (Map.Entry<String, Object> entry : rows.get(i).entrySet()) {
                DeployedForm.Field field = list.rows().get(entry.getKey());
                if (field == null) {
                    throw invalid(name, "row " + (i + 1) + ": '" + abbreviate(entry.getKey())
                            + "' is not a field of this list; only " + list.rows().keySet());
                }
                if (field.readOnly()) {
                    continue;
                }
                try {
                    checkValue(field, entry.getValue(), scope);
                } catch (FormFieldValidationException refused) {
                    String message = String.valueOf(refused.getMessage());
                    String prefix = field.key() + ": ";
                    throw invalid(name, "row " + (i + 1) + ", " + field.label() + ": "
                            + (message.startsWith(prefix) ? message.substring(prefix.length()) : message));
                }
            }
        }
    }

    private static List<Map<String, Object>> rows(String name, Object value) {
        try {
            return com.engagementboard.web.FormValues.rows(value);
        } catch (IllegalArgumentException e) {
            throw invalid(name, e.getMessage());
        }
    }

    /** The options a field offers: its static values, or the current value of its options variable. */
    private static List<String> options(DeployedForm.Field field, VariableScope scope) {
        if (!field.values().isEmpty()) {
            return field.values();
        }
        Object options = scope == null ? null : scope.getVariable(field.valuesKey());
        if (options == null) {
            return null; // a start form's dynamic options: checked by the form's own listener
        }
        List<String> values = new ArrayList<>();
        if (options instanceof SpinJsonNode node && node.isArray()) {
            node.elements().forEach(e -> values.add(e.hasProp("value") ? text(e.prop("value")) : text(e)));
        } else if (options instanceof Collection<?> collection) {
            collection.forEach(e -> values.add(e instanceof Map<?, ?> map ? String.valueOf(map.get("value"))
                    : String.valueOf(e)));
        }
        return values;
    }

    private static String text(SpinJsonNode node) {
        return node.isString() ? node.stringValue() : node.isNumber() ? node.numberValue().toString() : node.toString();
    }

    private static List<String> list(String name, Object value) {
        List<String> entries = new ArrayList<>();
        if (value instanceof SpinJsonNode node) {
            if (!node.isArray()) {
                throw invalid(name, "must be a list of choices");
            }
            node.elements().forEach(e -> entries.add(text(e)));
        } else if (value instanceof Collection<?> collection) {
            collection.forEach(e -> entries.add(String.valueOf(e)));
        } else if (value instanceof String text) {
            try {
                SpinJsonNode node = org.camunda.spin.Spin.JSON(text.isBlank() ? "[]" : text);
                if (!node.isArray()) {
                    throw invalid(name, "must be a list of choices");
                }
                node.elements().forEach(e -> entries.add(text(e)));
            } catch (RuntimeException notJson) {
                if (notJson instanceof FormFieldValidationException) {
                    throw notJson;
                }
                throw invalid(name, "must be a list of choices");
            }
        } else {
            throw invalid(name, "must be a list of choices");
        }
        return entries;
    }

    private static boolean isNumber(Object value) {
        try {
            new BigDecimal(String.valueOf(value).strip());
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 80 ? text : text.substring(0, 80) + "...";
    }

    /** The submitted value as the application sees it: typed values unwrapped, serialized JSON as text. */
    private static Object plain(Map<String, Object> variables, String name) {
        Object value = variables instanceof VariableMap typed ? typed.getValueTyped(name) : variables.get(name);
        if (value instanceof SerializableValue serializable && !serializable.isDeserialized()) {
            String serialized = serializable.getValueSerialized();
            return serialized == null ? null : org.camunda.spin.Spin.JSON(serialized);
        }
        if (value instanceof TypedValue typed) {
            return typed.getValue();
        }
        return value;
    }

    /**
     * The Camunda Form a task or start event shows: from the deployment that holds its process, or, where the
     * process binds the latest version of the form (a start form whose pickers the application publishes, as
     * {@code change/ProposalForm} does), that version, as the Tasklist shows it.
     */
    private DeployedForm form(CommandContext context, String deploymentId, FormDefinition definition) {
        if (definition == null || definition.getCamundaFormDefinitionKey() == null) {
            return null;
        }
        Expression key = definition.getCamundaFormDefinitionKey();
        String formId = key.getExpressionText();
        if (LATEST.equals(definition.getCamundaFormDefinitionBinding())) {
            CamundaFormDefinitionEntity latest = context.getCamundaFormDefinitionManager()
                    .findLatestDefinitionByKey(formId);
            if (latest == null) {
                return null;
            }
            if (formsByDefinition.size() > MAX_LATEST_FORMS) {
                formsByDefinition.clear(); // versions published since: only the latest of each form is ever read
            }
            DeployedForm cached = formsByDefinition.get(latest.getId());
            if (cached != null) {
                return cached;
            }
            ResourceEntity resource = context.getResourceManager().findResourceByDeploymentIdAndResourceName(
                    latest.getDeploymentId(), latest.getResourceName());
            if (resource == null) {
                return null; // removed meanwhile by a node that published a newer one: refused, the person retries
            }
            DeployedForm parsed = parse(resource);
            formsByDefinition.put(latest.getId(), parsed);
            return parsed;
        }
        Map<String, DeployedForm> forms = formsByDeployment.computeIfAbsent(deploymentId,
                id -> formsOf(context, id));
        return forms.get(formId);
    }

    private DeployedForm parse(ResourceEntity resource) {
        try {
            return DeployedForm.parse(resource.getBytes(), json);
        } catch (IOException e) {
            throw new UncheckedIOException("Form " + resource.getName() + " is not valid JSON", e);
        }
    }

    private Map<String, DeployedForm> formsOf(CommandContext context, String deploymentId) {
        Map<String, DeployedForm> forms = new HashMap<>();
        for (ResourceEntity resource : context.getResourceManager().findResourcesByDeploymentId(deploymentId)) {
            if (resource.getName() != null && resource.getName().endsWith(FORM_SUFFIX)) {
                DeployedForm form = parse(resource);
                forms.put(form.id(), form);
            }
        }
        return forms;
    }

    @SuppressWarnings("unchecked")
    private static <V> V field(Object command, String name) {
        for (Class<?> type = command.getClass(); type != null; type = type.getSuperclass()) {
            try {
                Field field = type.getDeclaredField(name);
                field.setAccessible(true);
                return (V) field.get(command);
            } catch (NoSuchFieldException e) {
                // look in the superclass
            } catch (IllegalAccessException e) {
                throw new IllegalStateException("Cannot read " + name + " of " + command.getClass().getName(), e);
            }
        }
        throw new IllegalStateException(command.getClass().getName() + " has no field " + name
                + " (a Camunda upgrade changed it: check VariableWriteGuard)");
    }
}
