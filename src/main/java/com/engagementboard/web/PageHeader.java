package com.engagementboard.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What the header of every page needs (see {@code templates/fragments/layout.html}): the path of the page,
 * the section of the navigation it belongs to (marked {@code aria-current="page"}), and the person logged
 * in, by name. Added to the model of every controller's page; the error pages add it themselves
 * ({@link ErrorPages}). The name is looked up only when a page shows it, so API calls pay nothing.
 */
@ControllerAdvice
public class PageHeader {

    public static final String PATH = "currentPath";
    public static final String SECTION = "currentSection";
    public static final String VIEWER = "viewer";

    /** The sections of the navigation, by the start of their paths (longest first where they nest). */
    private static final List<Map.Entry<String, String>> SECTIONS = List.of(
            Map.entry("/board/decisions", "decisions"), Map.entry("/board/meetings", "meetings"),
            Map.entry("/board/actions", "actions"), Map.entry("/charter", "charter"),
            Map.entry("/summits", "summits"), Map.entry("/organisation", "organisation"),
            Map.entry("/changes", "changes"));

    private final PersonNames names;

    PageHeader(PersonNames names) {
        this.names = names;
    }

    @ModelAttribute
    void header(HttpServletRequest request, Model model) {
        model.addAllAttributes(attributes(request));
    }

    /** The header's model attributes for this request. */
    public Map<String, Object> attributes(HttpServletRequest request) {
        String path = pathOf(request);
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put(PATH, path);
        attributes.put(SECTION, sectionOf(path));
        attributes.put(VIEWER, new Viewer(userId(), names));
        return attributes;
    }

    /** The request's path inside the application (the original one, on an error dispatch). */
    static String pathOf(HttpServletRequest request) {
        Object original = request.getAttribute(jakarta.servlet.RequestDispatcher.ERROR_REQUEST_URI);
        String uri = original instanceof String error ? error : request.getRequestURI();
        String context = request.getContextPath();
        String path = context != null && !context.isEmpty() && uri.startsWith(context) ? uri.substring(context.length())
                : uri;
        return path.isEmpty() ? "/" : path;
    }

    /** The navigation's section a path belongs to; null for a page outside them (the Tasklist, an error). */
    static String sectionOf(String path) {
        if (path.equals("/")) {
            return "home";
        }
        for (Map.Entry<String, String> section : SECTIONS) {
            String start = section.getKey();
            if (path.equals(start) || path.startsWith(start + "/") || path.startsWith(start + ".")) {
                return section.getValue();
            }
        }
        return null;
    }

    private static String userId() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null || authentication instanceof AnonymousAuthenticationToken
                || !authentication.isAuthenticated() ? null : authentication.getName();
    }

    /** The person logged in: their user id, and their name, looked up once when a page first asks. */
    public static final class Viewer {

        private final String userId;
        private final PersonNames names;
        private String name;

        Viewer(String userId, PersonNames names) {
            this.userId = userId;
            this.names = names;
        }

        public String getUserId() {
            return userId;
        }

        public String getName() {
            if (name == null && userId != null) {
                name = names.nameOf(userId);
            }
            return name;
        }
    }
}
