package com.engagementboard.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.support.SessionFlashMapManager;

/**
 * A failed form login goes back to the login form: {@code /login?error} for a wrong user or password,
 * {@code /login?locked} with the message (and the time the account opens again) for a locked one.
 */
@Component
class LoginFailureHandler implements AuthenticationFailureHandler {

    /** The flash attribute the login page shows. */
    static final String LOCKED_MESSAGE = "lockedMessage";

    private final SessionFlashMapManager flash = new SessionFlashMapManager();

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException exception) throws IOException {
        String target = request.getContextPath() + "/login?error";
        if (exception instanceof AccountLockedException locked) {
            target = request.getContextPath() + "/login?locked";
            FlashMap message = new FlashMap();
            message.put(LOCKED_MESSAGE, locked.getMessage());
            message.setTargetRequestPath(request.getContextPath() + "/login");
            flash.saveOutputFlashMap(message, request, response);
        }
        response.sendRedirect(target);
    }
}
