package com.engagementboard.web;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.annotation.Priority;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
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
 * answers 500 with a reference instead of the engine's (or the database's) text. Every error is problem
 * details ({@code application/problem+json}, see {@link EngineErrors}), Jersey's own refusals (no such address,
 * method or content type) and malformed JSON included, without parser or class names.
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
        register(JsonParseMapper.class);
        register(JsonMappingMapper.class);
        register(EngineJsonMapper.class);
    }

    /**
     * The same mappers (and the one JSON mapper, {@link EngineJsonMapper}) for the webapps' engine API, the door the Tasklist uses (see
     * {@link WebappEngineApiErrors}); Jersey makes them there by their no-argument constructors.
     */
    static String providerClassNames() {
        return String.join(",", RestExceptionMapper.class.getName(), ProcessEngineExceptionMapper.class.getName(),
                AnyExceptionMapper.class.getName(), JsonParseMapper.class.getName(), JsonMappingMapper.class.getName(),
                EngineJsonMapper.class.getName());
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

    /** Malformed JSON: Camunda's and Jackson's own mappers answer it with the parser's text. */
    @Priority(1)
    public static class JsonParseMapper implements ExceptionMapper<JsonParseException> {
        @Override
        public Response toResponse(JsonParseException exception) {
            return new EngineErrors(null).toResponse(exception);
        }
    }

    /** JSON of the wrong shape (a text where an object belongs): Jackson's mapper names Camunda's classes. */
    @Priority(1)
    public static class JsonMappingMapper implements ExceptionMapper<JsonMappingException> {
        @Override
        public Response toResponse(JsonMappingException exception) {
            return new EngineErrors(null).toResponse(exception);
        }
    }

    /**
     * One answer for every failure, as RFC 9457 problem details ({@code type}, {@code title}, {@code status},
     * {@code detail}; {@code application/problem+json}) that also carry Camunda's {@code message}, which the
     * Tasklist and Cockpit show the person. Camunda's own {@code type} names stay for the two kinds clients read:
     * {@code AuthorizationException} (the Tasklist names the missing permission from it) and
     * {@code IllegalTransitionException}; every other kind is a URN of the application's.
     */
    static final class EngineErrors {

        static final MediaType PROBLEM_JSON = MediaType.valueOf("application/problem+json");
        static final String NOT_FOUND = "urn:engagement-board:problem:not-found";
        static final String CONCURRENT_CHANGE = "urn:engagement-board:problem:concurrent-change";
        static final String TASK_NO_LONGER_OPEN = "urn:engagement-board:problem:task-no-longer-open";
        static final String FORBIDDEN = "urn:engagement-board:problem:forbidden";
        static final String CONFLICT = "urn:engagement-board:problem:conflict";
        static final String AUTHORIZATION = "AuthorizationException";
        static final String ILLEGAL_TRANSITION = "IllegalTransitionException";

        private static final ObjectMapper JSON = new ObjectMapper();

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
                    return problem(Response.Status.CONFLICT, CONCURRENT_CHANGE, "Changed by someone else",
                            "Someone else changed this at the same time. Reload and try again.", null);
                }
                // Or the record the winner wrote first is unique (one vote per voter and item): the loser's
                // insert meets it before the engine's own lock does. SQL state 23505 on H2 and PostgreSQL alike.
                if (cause instanceof java.sql.SQLException sql && "23505".equals(sql.getSQLState())) {
                    if (completedTaskOfRequest() != null) {
                        return problem(Response.Status.CONFLICT, CONCURRENT_CHANGE, "Changed by someone else",
                                "Someone else changed this at the same time. Reload and try again.", null);
                    }
                    // Elsewhere (a user, group or filter created in Admin) it is a record that exists: retrying
                    // cannot help.
                    LOG.info("Engine REST request refused: a record with this key exists already ({})",
                            sql.getMessage());
                    return problem(Response.Status.CONFLICT, CONFLICT, "Exists already",
                            "A record with this id or name exists already. Choose another one.", null);
                }
                // The winner's completion removed the task and the grants on it while the loser's request was
                // being checked: the loser was late, not unauthorized.
                if (cause instanceof AuthorizationException refused && lateForTheirTask(refused)) {
                    return problem(Response.Status.CONFLICT, TASK_NO_LONGER_OPEN, "Task no longer open",
                            "This task is no longer open: someone completed it, or its case ended. Reload your task "
                                    + "list.", null);
                }
                // The task was completed (by someone else, or ended with its case: a vote decided without
                // it) between the person opening it and submitting it.
                if (cause instanceof org.camunda.bpm.engine.exception.NullValueException
                        && cause.getMessage() != null && cause.getMessage().startsWith("Cannot find task with id")) {
                    return problem(Response.Status.CONFLICT, TASK_NO_LONGER_OPEN, "Task no longer open",
                            "This task is no longer open: someone completed it, or its case ended. Reload your task "
                                    + "list.", null);
                }
                // A modification of an instance that has ended (its case closed, or it never existed).
                if (cause instanceof org.camunda.bpm.engine.ProcessEngineException && cause.getMessage() != null
                        && cause.getMessage().startsWith("ENGINE-13036")) {
                    return problem(Response.Status.NOT_FOUND, NOT_FOUND, "Not found", "This process instance does "
                            + "not run (any more): its case has ended. Reload.", null);
                }
                if (cause instanceof FieldRefusal refusal) {
                    // The field by its label for the person; its variable, the bare reason and the row for the
                    // Tasklist to show the reason next to the field itself.
                    Map<String, Object> extra = new LinkedHashMap<>();
                    extra.put("field", refusal.field());
                    extra.put("label", refusal.label());
                    extra.put("reason", refusal.reason());
                    if (refusal.row() != null) {
                        extra.put("row", refusal.row());
                    }
                    return invalid(refusal.getMessage(), extra);
                }
                if (cause instanceof RefusedVariable refused) {
                    return invalid(refused.getMessage(), Map.of("field", refused.variable()));
                }
                if (cause instanceof FormFieldValidationException invalid) {
                    return invalid(invalid.getMessage(), Map.of("field", String.valueOf((Object) invalid.getDetail())));
                }
                if (cause instanceof IllegalTransitionException refused) {
                    Map<String, Object> extra = new LinkedHashMap<>();
                    extra.put("subject", refused.getSubject());
                    extra.put("state", refused.getState());
                    return problem(Response.Status.CONFLICT, ILLEGAL_TRANSITION, "Not possible in its current state",
                            refused.getMessage(), extra);
                }
                if (cause instanceof ProcessEngineException
                        && PasswordPolicyText.CAMUNDA_REFUSAL.equals(cause.getMessage())) {
                    IdentityService identityService = identity != null ? identity.getObject()
                            : org.camunda.bpm.engine.ProcessEngines.getDefaultProcessEngine().getIdentityService();
                    return invalid("password: does not follow the password policy; it needs " + PasswordPolicyText
                            .describe(identityService.getPasswordPolicy().getRules()) + ".", Map.of("field", "password"));
                }
                if (cause instanceof JsonParseException unreadable) {
                    return invalid("The body is not well-formed JSON" + at(unreadable.getLocation())
                            + ". Send a JSON object, such as {\"variables\": {}}.", Map.of("field", "body"));
                }
                if (cause instanceof JsonMappingException shape) {
                    return misshapen(shape);
                }
            }
            if (exception instanceof WebApplicationException web && !(exception instanceof RestException)) {
                return unmatched(web);
            }
            Response camunda = ExceptionHandlerHelper.getInstance().getResponse(exception);
            if (camunda.getStatus() < 500) {
                return fromCamunda(camunda);
            }
            // The loser's listeners, or the engine itself, tripping over the execution the winner has just
            // removed (a NullPointerException, wrapped or not): late as well, once the task is finished.
            if (finishedTask(completedTaskOfRequest())) {
                // Late, most likely; but a failure of its own at the same moment would look the same: logged.
                String reference = ServerErrors.newReference();
                LOG.warn("Engine REST completion failed while its task was finished by another request; answered "
                        + "409 (reference {})", reference, exception);
                return problem(Response.Status.CONFLICT, TASK_NO_LONGER_OPEN, "Task no longer open",
                        "This task is no longer open: someone completed it, or its case ended. Reload your task "
                                + "list.", Map.of("reference", reference));
            }
            String reference = ServerErrors.newReference();
            LOG.error("Engine REST request failed (reference {})", reference, exception);
            return problem(Response.Status.fromStatusCode(camunda.getStatus()), ServerErrors.TYPE.toString(),
                    ServerErrors.TITLE, ServerErrors.detail(reference), Map.of("reference", reference));
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
            return taskId != null && asSystem((engine, person) -> engine.getHistoryService()
                    .createHistoricTaskInstanceQuery().taskId(taskId).finished().count() > 0);
        }

        /**
         * A refusal to complete a task that was the caller's (assigned to them, or offered to them or a group of
         * theirs) and that someone else completed a moment before: late, not unauthorized. Anyone else keeps the
         * 403, so trying task ids tells nothing.
         */
        private static boolean lateForTheirTask(AuthorizationException refused) {
            String taskId = refused.getMissingAuthorizations().stream()
                    .filter(missing -> Resources.TASK.resourceName().equals(missing.getResourceType()))
                    .map(MissingAuthorization::getResourceId).findFirst().orElse(null);
            if (taskId == null || !taskId.equals(completedTaskOfRequest())) {
                return false;
            }
            return asSystem((engine, person) -> person != null
                    && engine.getHistoryService().createHistoricTaskInstanceQuery().taskId(taskId).finished().count() > 0
                    && engine.getHistoryService().createHistoricIdentityLinkLogQuery().taskId(taskId).list().stream()
                            .anyMatch(link -> person.getUserId().equals(link.getUserId())
                                    || link.getGroupId() != null && person.getGroupIds() != null
                                            && person.getGroupIds().contains(link.getGroupId())));
        }

        /**
         * Asks history without the person's engine authentication, as the application's system account asks
         * it (a person may not read history); the person is given to the question and restored after. A
         * failure of the question itself (the database gone) answers false: the original failure is reported.
         */
        private static boolean asSystem(java.util.function.BiPredicate<ProcessEngine, Authentication> question) {
            ProcessEngine engine;
            try {
                engine = ProcessEngines.getDefaultProcessEngine();
            } catch (RuntimeException noEngine) {
                return false;
            }
            if (engine == null) {
                return false;
            }
            IdentityService identityService = engine.getIdentityService();
            Authentication person = identityService.getCurrentAuthentication();
            identityService.clearAuthentication();
            try {
                return question.test(engine, person);
            } catch (RuntimeException unanswered) {
                LOG.warn("Could not ask history whether a task was finished: {}", unanswered.toString());
                return false;
            } finally {
                if (person != null) {
                    identityService.setAuthentication(person);
                }
            }
        }

        /** Camunda's answer to a mistake of the client (a 4xx), with its words and members, as a problem. */
        private static Response fromCamunda(Response camunda) {
            Map<String, Object> extra = new LinkedHashMap<>();
            Object entity = camunda.getEntity();
            if (entity != null) {
                JSON.convertValue(entity, new TypeReference<Map<String, Object>>() { }).forEach((key, value) -> {
                    if (value != null) {
                        extra.put(key, value);
                    }
                });
            }
            Object camundaType = extra.remove("type");
            Object message = extra.remove("message");
            int status = camunda.getStatus();
            String type = AUTHORIZATION.equals(camundaType) ? AUTHORIZATION : typeOf(status);
            String detail = message == null || message.toString().isBlank() ? titleOf(status) + "." : message.toString();
            return problem(status, type, titleOf(status), detail, extra, camunda.getHeaders());
        }

        /** Jersey's own refusals: no such address, method or content type; in words, not "HTTP 404 Not Found". */
        private static Response unmatched(WebApplicationException web) {
            int status = web.getResponse().getStatus();
            String detail = switch (status) {
                case 404 -> "There is nothing at this address of the engine API: see Camunda's REST API reference "
                        + "for the addresses it offers.";
                case 405 -> "This address of the engine API does not take this method"
                        + (web.getResponse().getHeaderString("Allow") == null ? "."
                                : "; it takes " + web.getResponse().getHeaderString("Allow") + ".");
                case 415 -> "This address of the engine API takes a body of type application/json.";
                case 406 -> "This address of the engine API answers application/json: accept that.";
                default -> status >= 500 ? null : titleOf(status) + ".";
            };
            if (detail == null) {
                String reference = ServerErrors.newReference();
                LOG.error("Engine REST request failed (reference {})", reference, web);
                return problem(Response.Status.INTERNAL_SERVER_ERROR, ServerErrors.TYPE.toString(),
                        ServerErrors.TITLE, ServerErrors.detail(reference), Map.of("reference", reference));
            }
            return problem(status, typeOf(status), titleOf(status), detail, Map.of(), web.getResponse().getHeaders());
        }

        /** Which member of the body has the wrong type, and what it should be; no class or parser names. */
        private static Response misshapen(JsonMappingException shape) {
            String path = shape.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            String expected = "";
            if (shape instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
                expected = "; expected " + described(mismatch.getTargetType());
            }
            String field = path.isEmpty() ? "body" : path;
            String detail = path.isEmpty() ? "The body does not have the expected shape" + expected
                    + ": send a JSON object, such as {\"variables\": {}}."
                    : field + ": has the wrong type" + expected + ".";
            return invalid(detail, Map.of("field", field));
        }

        private static String described(Class<?> type) {
            if (Map.class.isAssignableFrom(type) || type.getName().startsWith("org.camunda")) {
                return "an object";
            }
            if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
                return "a list";
            }
            if (type == String.class) {
                return "a text";
            }
            if (type == Boolean.class || type == boolean.class) {
                return "true or false";
            }
            if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
                return "a number";
            }
            if (java.util.Date.class.isAssignableFrom(type)) {
                return "a date and time such as 2026-12-07T09:00:00.000+0000";
            }
            return "another value";
        }

        private static String at(JsonLocation location) {
            return location == null || location.getLineNr() < 0 ? ""
                    : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
        }

        private static Response invalid(String detail, Map<String, Object> extra) {
            return problem(Response.Status.BAD_REQUEST, Problems.INVALID_INPUT.toString(), "Invalid request", detail,
                    extra);
        }

        static String typeOf(int status) {
            return switch (status) {
                case 400 -> Problems.INVALID_INPUT.toString();
                case 403 -> FORBIDDEN;
                case 404 -> NOT_FOUND;
                case 409 -> CONFLICT;
                default -> "about:blank";
            };
        }

        private static String titleOf(int status) {
            Response.Status known = Response.Status.fromStatusCode(status);
            return known == null ? "Error " + status : known.getReasonPhrase();
        }

        private static Response problem(Response.Status status, String type, String title, String detail,
                Map<String, Object> extra) {
            return problem(status.getStatusCode(), type, title, detail, extra, null);
        }

        /**
         * The problem: its members, then Camunda's {@code message} (the same words as {@code detail}: the
         * webapps show it), then the members of this kind of answer; with the {@code Allow} header kept.
         */
        static Response problem(int status, String type, String title, String detail, Map<String, Object> extra,
                MultivaluedMap<String, Object> headers) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("type", type);
            body.put("title", title);
            body.put("status", status);
            body.put("detail", detail);
            body.put("message", detail);
            if (extra != null) {
                extra.forEach(body::putIfAbsent);
            }
            Response.ResponseBuilder answer = Response.status(status).type(PROBLEM_JSON).entity(body);
            if (headers != null && headers.getFirst("Allow") != null) {
                answer.header("Allow", headers.getFirst("Allow"));
            }
            return answer.build();
        }
    }
}
