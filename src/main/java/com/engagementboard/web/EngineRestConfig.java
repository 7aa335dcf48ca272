package com.engagementboard.web;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.Map;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.springframework.stereotype.Component;

/**
 * The engine REST API as Camunda ships it, with two mends: a task form that fails the application's
 * server-side checks answers 400 with the field and the reason, and two people changing the same
 * thing at once get 409 (Camunda would answer 500 to both).
 */
@Component
class EngineRestConfig extends CamundaJerseyResourceConfig {

    @Override
    protected void registerAdditionalResources() {
        register(FormCheckFailedMapper.class);
        register(FieldRefusedMapper.class);
    }

    /** The providers both engine doors ({@code /engine-rest} and the Tasklist's engine API) answer with. */
    static String providerClassNames() {
        return FormCheckFailedMapper.class.getName() + "," + FieldRefusedMapper.class.getName();
    }

    /**
     * A refusal the engine throws as it is (not wrapped in a REST exception, for example when a message
     * carries variables nobody may set): 400 naming the field, like a form check.
     */
    @Priority(1)
    public static class FieldRefusedMapper implements ExceptionMapper<FormFieldValidationException> {

        @Override
        public Response toResponse(FormFieldValidationException invalid) {
            return badRequest(invalid);
        }
    }

    static Response badRequest(FormFieldValidationException invalid) {
        return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(Map.of("type", "InvalidRequestException", "message", invalid.getMessage(),
                        "field", String.valueOf((Object) invalid.getDetail())))
                .build();
    }

    @Priority(1)
    public static class FormCheckFailedMapper implements ExceptionMapper<RestException> {

        @Override
        public Response toResponse(RestException exception) {
            for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
                if (cause instanceof OptimisticLockingException) {
                    return Response.status(Response.Status.CONFLICT).type(MediaType.APPLICATION_JSON_TYPE)
                            .entity(Map.of("type", "OptimisticLockingException", "message",
                                    "Someone else changed this at the same time. Reload and try again."))
                            .build();
                }
                if (cause instanceof FormFieldValidationException invalid) {
                    return badRequest(invalid);
                }
            }
            return ExceptionHandlerHelper.getInstance().getResponse(exception);
        }
    }
}
