package com.engagementboard.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.ProblemDetail;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.method.annotation.ExceptionHandlerMethodResolver;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * A page that fails, for a person in a browser: the product's error page with the problem the API would
 * answer, in words (an unknown id: "There is no summit '12'."; a 500: only a reference). It runs before
 * Spring's own resolvers, and only for a request that wants a page ({@link ErrorPages#wantsPage}) and a
 * handler that renders one: the API, and any {@code @ResponseBody} method, keep their problem details; a
 * controller's own {@code @ExceptionHandler} still comes first.
 */
class PageErrorResolver implements HandlerExceptionResolver {

    private final Supplier<ErrorPages> pages;
    private final Supplier<ProblemDetailsAdvice> problems;
    private final Map<Class<?>, ExceptionHandlerMethodResolver> own = new ConcurrentHashMap<>();

    PageErrorResolver(Supplier<ErrorPages> pages, Supplier<ProblemDetailsAdvice> problems) {
        this.pages = pages;
        this.problems = problems;
    }

    @Override
    public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
            Exception ex) {
        if (response.isCommitted() || answersData(handler) || handlesItself(handler, ex)
                || !pages.get().wantsPage(request)) {
            return null;
        }
        ProblemDetail problem = problems.get().problemOf(ex, new ServletWebRequest(request, response));
        int status = problem.getStatus();
        if (status >= 500) {
            Object reference = problem.getProperties() == null ? null : problem.getProperties().get("reference");
            return pages.get().page(request, status, null, null, reference == null ? null : reference.toString());
        }
        if (ex instanceof NoResourceFoundException) {
            // Spring's words name a "static resource": the page says it in its own.
            return pages.get().page(request, 404, null, null, null);
        }
        if (ex instanceof HttpRequestMethodNotSupportedException) {
            return pages.get().page(request, status, "Not a page to open",
                    "This address takes a form's answer, not a visit. Go back to the page the form is on.", null);
        }
        return pages.get().page(request, status, problem.getTitle(), problem.getDetail(), null);
    }

    /** A controller with its own {@code @ExceptionHandler} for this exception: it decides what the person sees. */
    private boolean handlesItself(Object handler, Exception ex) {
        return handler instanceof HandlerMethod method && own.computeIfAbsent(method.getBeanType(),
                ExceptionHandlerMethodResolver::new).resolveMethodByThrowable(ex) != null;
    }

    /** A handler that answers data ({@code @ResponseBody}): its clients read problem details. */
    private static boolean answersData(Object handler) {
        return handler instanceof HandlerMethod method
                && (AnnotatedElementUtils.hasAnnotation(method.getMethod(), ResponseBody.class)
                        || AnnotatedElementUtils.hasAnnotation(method.getBeanType(), ResponseBody.class));
    }
}
