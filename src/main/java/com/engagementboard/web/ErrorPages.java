package com.engagementboard.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.ViewResolver;

/**
 * The product's error pages ({@code templates/error/404.html}, {@code 403.html}, {@code 4xx.html},
 * {@code 500.html}) for a person in a browser: what happened in words, and the way back. Only for a request
 * that asks for HTML outside the API doors ({@code /api}, {@code /engine-rest}, the webapps' {@code /api},
 * the OpenAPI description, the actuator): those keep answering problem details.
 */
@Component
public class ErrorPages {

    private final PageHeader header;
    private final ViewResolver views;
    private final List<String> apiDoors;

    ErrorPages(PageHeader header, @Qualifier("thymeleafViewResolver") ViewResolver views,
            @Value("${camunda.bpm.webapp.application-path:/camunda}") String webapps) {
        this.header = header;
        this.views = views;
        this.apiDoors = List.of("/api", "/engine-rest", webapps + "/api", "/v3/api-docs", "/actuator");
    }

    /** A person's browser asking for a page (it accepts HTML), not an API client or a webapp's own call. */
    public boolean wantsPage(HttpServletRequest request) {
        String path = PageHeader.pathOf(request);
        boolean api = apiDoors.stream().anyMatch(door -> path.equals(door) || path.startsWith(door + "/")
                || path.startsWith(door + "."));
        return !api && acceptsHtml(request.getHeader(HttpHeaders.ACCEPT));
    }

    /** An {@code Accept} header that names HTML itself ({@code *}{@code /*} alone is an API client's). */
    static boolean acceptsHtml(String accept) {
        if (accept == null || accept.isBlank()) {
            return false;
        }
        try {
            return MediaType.parseMediaTypes(accept).stream().anyMatch(type -> type.getQualityValue() > 0
                    && !type.isWildcardType() && (type.isCompatibleWith(MediaType.TEXT_HTML)
                            || type.isCompatibleWith(MediaType.APPLICATION_XHTML_XML)));
        } catch (InvalidMediaTypeException unreadable) {
            return false;
        }
    }

    /**
     * The error page for a status: {@code title} and {@code detail} say what happened (null: the page's own
     * words for that status), {@code reference} is the one the server's log holds for a 5xx.
     */
    public ModelAndView page(HttpServletRequest request, int status, String title, String detail, String reference) {
        return new ModelAndView(viewName(status), model(request, status, title, detail, reference),
                HttpStatusCode.valueOf(status));
    }

    /** Writes the error page into the response (for the security filters, before any controller runs). */
    public void render(HttpServletRequest request, HttpServletResponse response, int status, String title,
            String detail) throws IOException {
        Locale locale = request.getLocale();
        try {
            View view = views.resolveViewName(viewName(status), locale == null ? Locale.getDefault() : locale);
            if (view == null) {
                response.sendError(status);
                return;
            }
            response.setStatus(status);
            view.render(model(request, status, title, detail, null), request, response);
        } catch (IOException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("The error page for " + status + " could not be shown", e);
        }
    }

    static String viewName(int status) {
        if (status == 404 || status == 403) {
            return "error/" + status;
        }
        return status >= 500 ? "error/500" : "error/4xx";
    }

    private Map<String, Object> model(HttpServletRequest request, int status, String title, String detail,
            String reference) {
        Map<String, Object> model = new LinkedHashMap<>(header.attributes(request));
        model.put("status", status);
        model.put("title", title);
        model.put("detail", detail);
        model.put("reference", reference);
        model.put("path", PageHeader.pathOf(request));
        return model;
    }
}
