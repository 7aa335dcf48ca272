package com.engagementboard.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.validation.ConstraintViolationException;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.util.ReflectionUtils;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.ExceptionHandlerMethodResolver;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error of the application's API as RFC 9457 problem details, with a message a person can act
 * on: which field is wrong and what would be accepted.
 */
@RestControllerAdvice(basePackages = "com.engagementboard")
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> problems = ex.getBindingResult().getFieldErrors().stream()
                .map(error -> new FieldProblem(error.getField(), error.getDefaultMessage()))
                .sorted((a, b) -> a.field().compareTo(b.field()))
                .collect(Collectors.toList());
        ex.getBindingResult().getGlobalErrors().forEach(
                error -> problems.add(new FieldProblem(error.getObjectName(), error.getDefaultMessage())));
        return problem(Problems.invalidInput(problems));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> problems = ex.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream()
                        .map(error -> new FieldProblem(result.getMethodParameter().getParameterName(),
                                error.getDefaultMessage())))
                .toList();
        return problem(Problems.invalidInput(problems));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return problem(Problems.invalidInput(List.of(unreadable(ex.getCause()))));
    }

    private static FieldProblem unreadable(Throwable cause) {
        if (cause instanceof PlainTextModule.UnprintableText unprintable) {
            return new FieldProblem(path(unprintable), "holds a control character or a broken Unicode character; "
                    + "send plain text");
        }
        if (cause instanceof InvalidFormatException invalid && invalid.getTargetType() != null
                && invalid.getTargetType().isEnum()) {
            String allowed = Arrays.stream(invalid.getTargetType().getEnumConstants()).map(Object::toString)
                    .collect(Collectors.joining(", "));
            return new FieldProblem(path(invalid), "'" + invalid.getValue() + "' is not one of " + allowed);
        }
        if (cause instanceof UnrecognizedPropertyException unknown) {
            return new FieldProblem(path(unknown), "is not a known field; known fields are "
                    + unknown.getKnownPropertyIds());
        }
        if (cause instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            String type = mismatch.getTargetType() == null ? "another type" : mismatch.getTargetType().getSimpleName();
            return new FieldProblem(path(mismatch), "has the wrong type: expected " + type);
        }
        if (cause instanceof JsonProcessingException json) {
            String location = json.getLocation() == null ? ""
                    : " at line " + json.getLocation().getLineNr() + ", column " + json.getLocation().getColumnNr();
            // The parser's own words ("Unexpected character ... was expecting ...") stay in the server: the place is
            // what the client needs.
            return new FieldProblem("body", "is not well-formed JSON" + location + "; send a JSON object");
        }
        return new FieldProblem("body", "is missing or cannot be read");
    }

    private static String path(JsonMappingException ex) {
        return ex.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(org.springframework.beans.TypeMismatchException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String name = ex instanceof MethodArgumentTypeMismatchException mismatch ? mismatch.getName()
                : ex.getPropertyName();
        Class<?> type = ex.getRequiredType();
        String expected = type != null && type.isEnum()
                ? "one of " + Arrays.stream(type.getEnumConstants()).map(Object::toString)
                        .collect(Collectors.joining(", "))
                : expected(type);
        return problem(Problems.invalidInput(
                List.of(new FieldProblem(name, "'" + ex.getValue() + "' is not accepted; expected " + expected))));
    }

    /** What a value of this type looks like, in words: "a whole number", not "a long". */
    private static String expected(Class<?> type) {
        if (type == null) {
            return "another value";
        }
        if (type == long.class || type == int.class || type == Long.class || type == Integer.class
                || type == short.class || type == Short.class) {
            return "a whole number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (java.time.temporal.Temporal.class.isAssignableFrom(type)) {
            return "a date or time such as 2026-12-07 or 2026-12-07T09:00";
        }
        return "a " + type.getSimpleName();
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<Object> constraintViolation(ConstraintViolationException ex) {
        List<FieldProblem> problems = ex.getConstraintViolations().stream()
                .map(v -> new FieldProblem(lastNode(v.getPropertyPath().toString()), v.getMessage()))
                .sorted((a, b) -> a.field().compareTo(b.field()))
                .toList();
        return problem(Problems.invalidInput(problems));
    }

    private static String lastNode(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }

    /**
     * A task form that fails the server's checks (see the charter's form checks): 400 naming the field;
     * a process variable a process cannot take (missing, or of the wrong type): 400 naming it; a refused
     * transition inside the engine's command: 409. Any other engine failure is the server's:
     * a 500 without the engine's text.
     */
    @ExceptionHandler(org.camunda.bpm.engine.ProcessEngineException.class)
    ResponseEntity<Object> engine(org.camunda.bpm.engine.ProcessEngineException ex) {
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            if (cause instanceof FormFieldValidationException invalid) {
                return formField(invalid);
            }
            if (cause instanceof IllegalTransitionException refused) {
                return illegalTransition(refused);
            }
            if (cause instanceof RefusedVariable refused) {
                ProblemDetail problem = Problems.invalidInput(List.of(new FieldProblem(refused.variable(),
                        refused.getMessage())));
                problem.setDetail(refused.getMessage());
                return problem(problem);
            }
            if (cause instanceof OptimisticLockingException concurrent) {
                return concurrentChange(concurrent);
            }
        }
        return unexpected(ex);
    }

    /**
     * Anything else is the server's fault: 500 with a reference, never the exception's text (engine,
     * SQL or stack). The server logs the cause under the same reference.
     */
    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception ex) {
        return problem(ServerErrors.problem(unexpectedReference(ex)));
    }

    /** A move the domain's transition tables forbid (a decided item re-queued, a closed meeting reopened). */
    @ExceptionHandler(IllegalTransitionException.class)
    ResponseEntity<Object> illegalTransition(IllegalTransitionException ex) {
        ProblemDetail problem = Problems.of(HttpStatus.CONFLICT, "Not possible in its current state", ex.getMessage());
        problem.setType(Problems.ILLEGAL_TRANSITION);
        problem.setProperty("subject", ex.getSubject());
        problem.setProperty("state", ex.getState());
        return problem(problem);
    }

    @ExceptionHandler(FormFieldValidationException.class)
    ResponseEntity<Object> formField(FormFieldValidationException ex) {
        if (ex instanceof FieldRefusal refusal) {
            ProblemDetail problem = Problems.invalidInput(List.of(new FieldProblem(refusal.field(), refusal.reason())));
            problem.setDetail(refusal.getMessage());
            return problem(problem);
        }
        Object field = ex.getDetail();
        String message = ex.getMessage();
        String prefix = field + ": ";
        return problem(Problems.invalidInput(List.of(new FieldProblem(String.valueOf(field),
                message != null && message.startsWith(prefix) ? message.substring(prefix.length()) : message))));
    }

    @ExceptionHandler({ OptimisticLockingFailureException.class, OptimisticLockingException.class,
            TaskAlreadyClaimedException.class })
    ResponseEntity<Object> concurrentChange(RuntimeException ex) {
        return problem(Problems.of(HttpStatus.CONFLICT, "Changed by someone else",
                "Someone else changed this at the same time. Reload and try again."));
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<Object> integrity(DataIntegrityViolationException ex) {
        LOG.info("Refused a write that breaks a database constraint: {}", ex.getMostSpecificCause().getMessage());
        return problem(Problems.of(HttpStatus.CONFLICT, "Conflicts with existing data",
                "The change conflicts with existing data (a duplicate code, or something still refers to it)."));
    }

    @ExceptionHandler({ AuthorizationException.class, AccessDeniedException.class })
    ResponseEntity<Object> forbidden(RuntimeException ex) {
        return problem(Problems.of(HttpStatus.FORBIDDEN, "Forbidden",
                "Your groups do not allow this. " + (ex instanceof AuthorizationException ? ex.getMessage() : "")
                        .trim()));
    }

    private static final ExceptionHandlerMethodResolver HANDLERS = new ExceptionHandlerMethodResolver(
            ProblemDetailsAdvice.class);

    /**
     * The problem this advice answers an exception with, found as Spring finds it (the closest
     * {@code @ExceptionHandler} here, for the exception or one of its causes): the error pages for browsers
     * ({@link PageErrorResolver}) say the same as the API. A 5xx is logged here, under its reference.
     */
    ProblemDetail problemOf(Exception ex, WebRequest request) {
        Method handler = HANDLERS.resolveMethodByThrowable(ex);
        if (handler != null) {
            List<Throwable> chain = new java.util.ArrayList<>();
            for (Throwable cause = ex; cause != null && !chain.contains(cause); cause = cause.getCause()) {
                chain.add(cause);
            }
            Object[] arguments = Arrays.stream(handler.getParameterTypes())
                    .map(type -> WebRequest.class.isAssignableFrom(type) ? request
                            : chain.stream().filter(type::isInstance).findFirst().orElse(null))
                    .toArray();
            try {
                ReflectionUtils.makeAccessible(handler);
                if (handler.invoke(this, arguments) instanceof ResponseEntity<?> answer
                        && answer.getBody() instanceof ProblemDetail problem) {
                    return problem;
                }
            } catch (ReflectiveOperationException | RuntimeException failed) {
                LOG.debug("No problem details for {}", ex.getClass().getName(), failed);
            }
        }
        return ServerErrors.problem(unexpectedReference(ex));
    }

    private static String unexpectedReference(Exception ex) {
        String reference = ServerErrors.newReference();
        LOG.error("Request failed unexpectedly (reference {})", reference, ex);
        return reference;
    }

    private static ResponseEntity<Object> problem(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }
}
