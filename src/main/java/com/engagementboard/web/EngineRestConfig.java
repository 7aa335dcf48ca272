package com.engagementboard.web;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.authorization.MissingAuthorization;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The engine REST API as Camunda ships it, with these mends: a task form that fails the
 * application's server-side checks answers 400 with the field and the reason, a new password that
 * breaks the password policy answers 400 naming {@code password} and the rules, two people changing
 * the same thing at once get 409 (Camunda would answer 500 to both), as does completing a task that is
 * no longer open, a move the domain forbids
 * ({@link IllegalTransitionException}) gets 409 with its reason, and a failure of the server
 * answers 500 with a reference instead of the engine's (or the database's) text.
 */
@Component
class EngineRestConfig extends CamundaJerseyResourceConfig {

    private static final Logger LOG = LoggerFactory.getLogger(EngineRestConfig.class);

    private final ObjectProvider<IdentityService> identity;

    EngineRestConfig(ObjectProvider<IdentityService> identity) {
        this.identity = identity;
    }

    @Override
    protected void registerAdditionalResources() {
        EngineErrors errors = new EngineErrors(identity);
        register(new RestExceptionMapper(errors));
        register(new ProcessEngineExceptionMapper(errors));
        register(new AnyExceptionMapper(errors));
        register(EngineJsonMapper.class);
    }

    /**
     * The same mappers (and the one JSON mapper, {@link EngineJsonMapper}) for the webapps' engine API, the door the Tasklist uses (see
     * {@link WebappEngineApiErrors}); Jersey makes them there by their no-argument constructors.
     */
    static String providerClassNames() {
        return String.join(",", RestExceptionMapper.class.getName(), ProcessEngineExceptionMapper.class.getName(),
                AnyExceptionMapper.class.getName(), EngineJsonMapper.class.getName());
    }

    /**
     * Camunda registers a mapper for each of these types; one of the same type with a higher priority
     * (lower number) replaces it.
     */
    @Priority(1)
    public static class RestExceptionMapper implements ExceptionMapper<RestException> {
        private final EngineErrors errors;

        RestExceptionMapper(EngineErrors errors) {
            this.errors = errors;
        }

        public RestExceptionMapper() {
            this(new EngineErrors(null));
        }

        @Override
        public Response toResponse(RestException exception) {
            return errors.toResponse(exception);
        }
    }

    @Priority(1)
    public static class ProcessEngineExceptionMapper implements ExceptionMapper<ProcessEngineException> {
        private final EngineErrors errors;

        ProcessEngineExceptionMapper(EngineErrors errors) {
            this.errors = errors;
        }

        public ProcessEngineExceptionMapper() {
            this(new EngineErrors(null));
        }

        @Override
        public Response toResponse(ProcessEngineException exception) {
            return errors.toResponse(exception);
        }
    }

    @Priority(1)
    public static class AnyExceptionMapper implements ExceptionMapper<Throwable> {
        private final EngineErrors errors;

        AnyExceptionMapper(EngineErrors errors) {
            this.errors = errors;
        }

        public AnyExceptionMapper() {
            this(new EngineErrors(null));
        }

        @Override
        public Response toResponse(Throwable exception) {
            return errors.toResponse(exception);
        }
    }

    /** One answer for every failure, in Camunda's error format ({@code type}, {@code message}). */
    static final class EngineErrors {

        /** Completing a task through either door: {@code .../task/{id}/complete} or {@code .../submit-form}. */
        private static final Pattern TASK_COMPLETION = Pattern.compile("/task/([^/]+)/(?:complete|submit-form)$");

        private final ObjectProvider<IdentityService> identity;

        EngineErrors(ObjectProvider<IdentityService> identity) {
            this.identity = identity;
        }

        Response toResponse(Throwable exception) {
            for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
                // The engine's own optimistic lock, or the application's tables' (a version column, or a row
                // another transaction changed first): two people changed the same thing at once.
                if (cause instanceof OptimisticLockingException
                        || cause instanceof org.springframework.dao.OptimisticLockingFailureException
                        || cause instanceof jakarta.persistence.OptimisticLockException
                        || cause instanceof org.hibernate.StaleStateException) {
                    return json(Response.Status.CONFLICT, "OptimisticLockingException",
                            "Someone else changed this at the same time. Reload and try again.", null);
                }
                // Or the record the winner wrote first is unique (one vote per voter and item): the loser's
                // insert meets it before the engine's own lock does. SQL state 23505 on H2 and PostgreSQL alike.
                if (cause instanceof java.sql.SQLException sql && "23505".equals(sql.getSQLState())) {
                    return json(Response.Status.CONFLICT, "OptimisticLockingException",
                            "Someone else changed this at the same time. Reload and try again.", null);
                }
                // The winner's completion removed the task and the grants on it while the loser's request was
                // being checked: the loser was late, not unauthorized.
                if (cause instanceof AuthorizationException refused && finishedTask(refused.getMissingAuthorizations()
                        .stream().filter(missing -> Resources.TASK.resourceName().equals(missing.getResourceType()))
                        .map(MissingAuthorization::getResourceId).findFirst().orElse(null))) {
                    return json(Response.Status.CONFLICT, "TaskNoLongerOpen", "This task is no longer open: "
                            + "someone completed it, or its case ended. Reload your task list.", null);
                }
                // The task was completed (by someone else, or ended with its case: a vote decided without
                // it) between the person opening it and submitting it.
                if (cause instanceof org.camunda.bpm.engine.exception.NullValueException
                        && cause.getMessage() != null && cause.getMessage().startsWith("Cannot find task with id")) {
                    return json(Response.Status.CONFLICT, "TaskNoLongerOpen", "This task is no longer open: "
                            + "someone completed it, or its case ended. Reload your task list.", null);
                }
                // A modification of an instance that has ended (its case closed, or it never existed).
                if (cause instanceof org.camunda.bpm.engine.ProcessEngineException && cause.getMessage() != null
                        && cause.getMessage().startsWith("ENGINE-13036")) {
                    return json(Response.Status.NOT_FOUND, "InvalidRequestException", "This process instance does "
                            + "not run (any more): its case has ended. Reload.", null);
                }
                if (cause instanceof FieldRefusal refusal) {
                    // The field by its label for the person; its variable, the bare reason and the row for the
                    // Tasklist to show the reason next to the field itself.
                    Map<String, Object> body = new LinkedHashMap<>();
                    body.put("type", "InvalidRequestException");
                    body.put("message", refusal.getMessage());
                    body.put("field", refusal.field());
                    body.put("label", refusal.label());
                    body.put("reason", refusal.reason());
                    if (refusal.row() != null) {
                        body.put("row", refusal.row());
                    }
                    return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON_TYPE)
                            .entity(body).build();
                }
                if (cause instanceof RefusedVariable refused) {
                    return json(Response.Status.BAD_REQUEST, "InvalidRequestException", refused.getMessage(),
                            refused.variable());
                }
                if (cause instanceof FormFieldValidationException invalid) {
                    return json(Response.Status.BAD_REQUEST, "InvalidRequestException", invalid.getMessage(),
                            String.valueOf((Object) invalid.getDetail()));
                }
                if (cause instanceof IllegalTransitionException refused) {
                    Map<String, Object> body = new LinkedHashMap<>();
                    body.put("type", "IllegalTransitionException");
                    body.put("message", refused.getMessage());
                    body.put("subject", refused.getSubject());
                    body.put("state", refused.getState());
                    return Response.status(Response.Status.CONFLICT).type(MediaType.APPLICATION_JSON_TYPE)
                            .entity(body).build();
                }
                if (cause instanceof ProcessEngineException
                        && PasswordPolicyText.CAMUNDA_REFUSAL.equals(cause.getMessage())) {
                    IdentityService identityService = identity != null ? identity.getObject()
                            : org.camunda.bpm.engine.ProcessEngines.getDefaultProcessEngine().getIdentityService();
                    return json(Response.Status.BAD_REQUEST, "InvalidRequestException",
                            "password: does not follow the password policy; it needs " + PasswordPolicyText
                                    .describe(identityService.getPasswordPolicy().getRules()) + ".",
                            "password");
                }
            }
            Response camunda = ExceptionHandlerHelper.getInstance().getResponse(exception);
            if (camunda.getStatus() < 500) {
                return camunda;
            }
            // The loser's listeners, or the engine itself, tripping over the execution the winner has just
            // removed (a NullPointerException, wrapped or not): late as well, once the task is finished.
            if (finishedTask(completedTaskOfRequest())) {
                return json(Response.Status.CONFLICT, "TaskNoLongerOpen", "This task is no longer open: "
                        + "someone completed it, or its case ended. Reload your task list.", null);
            }
            String reference = ServerErrors.newReference();
            LOG.error("Engine REST request failed (reference {})", reference, exception);
            return json(Response.Status.fromStatusCode(camunda.getStatus()), "ServerError",
                    ServerErrors.detail(reference), null);
        }

        /** The task the current request completes, if it is a completion (Spring holds the request). */
        private static String completedTaskOfRequest() {
            if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request) {
                Matcher completion = TASK_COMPLETION.matcher(request.getRequest().getRequestURI());
                return completion.find() ? completion.group(1) : null;
            }
            return null;
        }

        /**
         * Whether the task has been completed (or ended with its case) meanwhile. Asked without the person's
         * engine authentication, as the application's system account asks it: a person may not read history.
         */
        private static boolean finishedTask(String taskId) {
            if (taskId == null) {
                return false;
            }
            ProcessEngine engine = ProcessEngines.getDefaultProcessEngine();
            IdentityService identityService = engine.getIdentityService();
            Authentication person = identityService.getCurrentAuthentication();
            identityService.clearAuthentication();
            try {
                return engine.getHistoryService().createHistoricTaskInstanceQuery().taskId(taskId).finished()
                        .count() > 0;
            } finally {
                if (person != null) {
                    identityService.setAuthentication(person);
                }
            }
        }

        private static Response json(Response.Status status, String type, String message, String field) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("type", type);
            body.put("message", message);
            if (field != null) {
                body.put("field", field);
            }
            return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
        }
    }
}
