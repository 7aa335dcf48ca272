package com.engagementboard.web;

import java.security.Principal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The login form; the home page after login is the glance package's ({@code glance.GlanceController}). */
@Controller
class HomeController {

    @GetMapping("/login")
    String login(Principal principal) {
        return principal == null ? "login" : "redirect:/";
    }
}
