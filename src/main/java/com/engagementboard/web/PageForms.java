package com.engagementboard.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.function.Function;

/**
 * A page's form that asks for a change of a case (cancel, postpone, call off, withdraw): done, the browser
 * goes where the page says; refused, the person gets the same page again with the refusal in words and the
 * status an API caller would get (400 for input to correct, 409 for a case past its point of no return).
 */
public final class PageForms {

    private PageForms() {
    }

    /**
     * Runs the change; on success the view to go to, on a refusal the page rendered with the refusal's
     * words (and the response's status set).
     */
    public static String submit(Runnable change, String done, HttpServletResponse response,
            Function<String, String> pageWithRefusal) {
        try {
            change.run();
        } catch (InvalidInputException refused) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return pageWithRefusal.apply(refused.getMessage());
        } catch (ConflictException | IllegalTransitionException refused) {
            response.setStatus(HttpServletResponse.SC_CONFLICT);
            return pageWithRefusal.apply(refused.getMessage());
        }
        return done;
    }
}
