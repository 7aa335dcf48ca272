package com.engagementboard.web;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.Map;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.springframework.stereotype.Component;

/**
 * The engine REST API as Camunda ships it, with three mends: a task form that fails the application's
 * server-side checks answers 400 with the field and the reason, two people changing the same thing at
 * once get 409, and a move the domain forbids (a delegate or task listener throwing
 * {@link IllegalTransitionException}) gets 409 with its reason. Camunda would answer 500 to all.
 */
@Component
class EngineRestConfig extends CamundaJerseyResourceConfig {

    @Override
    protected void registerAdditionalResources() {
        register(FormCheckFailedMapper.class);
        register(EngineFailureMapper.class);
        register(IllegalTransitionMapper.class);
    }

    /**
     * The same mappers for the webapps' engine API, the door the Tasklist uses (see
     * {@link WebappEngineApiErrors}).
     */
    static String providerClassNames() {
        return String.join(",", FormCheckFailedMapper.class.getName(), EngineFailureMapper.class.getName(),
                IllegalTransitionMapper.class.getName());
    }

    /** The answer the application gives to an exception somewhere in the chain, or null for Camunda's own. */
    static Response known(Throwable exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof OptimisticLockingException) {
                return Response.status(Response.Status.CONFLICT).type(MediaType.APPLICATION_JSON_TYPE)
                        .entity(Map.of("type", "OptimisticLockingException", "message",
                                "Someone else changed this at the same time. Reload and try again."))
                        .build();
            }
            if (cause instanceof FormFieldValidationException invalid) {
                return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON_TYPE)
                        .entity(Map.of("type", "InvalidRequestException", "message", invalid.getMessage(),
                                "field", String.valueOf((Object) invalid.getDetail())))
                        .build();
            }
            if (cause instanceof IllegalTransitionException refused) {
                return Response.status(Response.Status.CONFLICT).type(MediaType.APPLICATION_JSON_TYPE)
                        .entity(Map.of("type", "IllegalTransitionException", "message", refused.getMessage(),
                                "subject", refused.getSubject(), "state", refused.getState()))
                        .build();
            }
        }
        return null;
    }

    /** What Camunda's resources wrap (a task completion's failure, for one). */
    @Priority(1)
    public static class FormCheckFailedMapper implements ExceptionMapper<RestException> {

        @Override
        public Response toResponse(RestException exception) {
            Response response = known(exception);
            return response != null ? response : ExceptionHandlerHelper.getInstance().getResponse(exception);
        }
    }

    /** What reaches Jersey unwrapped from the engine (a task listener's failure, which the engine wraps). */
    @Priority(1)
    public static class EngineFailureMapper implements ExceptionMapper<ProcessEngineException> {

        @Override
        public Response toResponse(ProcessEngineException exception) {
            Response response = known(exception);
            return response != null ? response : ExceptionHandlerHelper.getInstance().getResponse(exception);
        }
    }

    /** A delegate's refusal, which the engine passes on as it is (a process instance modification, a job). */
    public static class IllegalTransitionMapper implements ExceptionMapper<IllegalTransitionException> {

        @Override
        public Response toResponse(IllegalTransitionException exception) {
            return known(exception);
        }
    }
}
