package com.engagementboard.web;

import java.security.Principal;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The front door after login: where to work (the Tasklist) and what there is to read. */
@Controller
class HomeController {

    @GetMapping("/")
    String home(Authentication authentication, Model model) {
        model.addAttribute("user", authentication.getName());
        model.addAttribute("groups", authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith("GROUP_")).map(a -> a.substring("GROUP_".length())).sorted().toList());
        return "home";
    }

    @GetMapping("/login")
    String login(Principal principal) {
        return principal == null ? "login" : "redirect:/";
    }
}
