package com.engagementboard.glance;

import com.engagementboard.security.Groups;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The front door after login: at a glance, by role, what waits for the person and for the board. */
@Controller
class GlanceController {

    private final AtAGlance glance;

    GlanceController(AtAGlance glance) {
        this.glance = glance;
    }

    @GetMapping("/")
    String home(Authentication authentication, Model model) {
        model.addAttribute("glance", glance.of(authentication.getName(), Groups.of(authentication)));
        return "home";
    }
}
