package com.engagementboard.change;

import com.engagementboard.security.Groups;
import com.engagementboard.web.ConflictException;
import com.engagementboard.web.FieldProblem;
import com.engagementboard.web.InvalidInputException;
import java.nio.charset.StandardCharsets;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriUtils;

/**
 * The touchpoint page's forms for standing permissions: the head of the touchpoint's operating function grants
 * one (what front-line teams may change without asking, up to what cost) and revokes it. Back to the touchpoint's
 * page either way, with the refusal in words where there is one (a head of another function: 403, as at the API).
 */
@Controller
class StandingPermissionPagesController {

    static final String REFUSAL = "permissionRefusal";
    static final String NOTICE = "permissionNotice";
    static final String SCOPE = "permissionScope";

    private final Changes changes;

    StandingPermissionPagesController(Changes changes) {
        this.changes = changes;
    }

    @PostMapping("/touchpoints/{code}/standing-permissions")
    String grant(@PathVariable String code, @RequestParam(required = false) String scope,
            @RequestParam(required = false) String costLimit, Authentication user, RedirectAttributes page) {
        try {
            StandingPermission granted = changes.grant(code, scope(scope), cost(costLimit), user.getName(),
                    Groups.of(user));
            page.addFlashAttribute(NOTICE, "Granted: front-line teams may now change this without asking: "
                    + granted.label());
        } catch (InvalidInputException refused) {
            page.addFlashAttribute(REFUSAL, String.join("; ", refused.problems().stream()
                    .map(FieldProblem::message).toList()));
            page.addFlashAttribute(SCOPE, scope);
        } catch (ConflictException refused) {
            page.addFlashAttribute(REFUSAL, refused.getBody().getDetail());
            page.addFlashAttribute(SCOPE, scope);
        }
        return back(code);
    }

    @PostMapping("/standing-permissions/{id}/revoke")
    String revoke(@PathVariable long id, Authentication user, RedirectAttributes page) {
        StandingPermission revoked = changes.revoke(id, user.getName(), Groups.of(user));
        page.addFlashAttribute(NOTICE, "Revoked: " + revoked.label() + ". Changes like it go to the owners again.");
        return back(revoked.getTouchpoint().getCode());
    }

    private static String back(String code) {
        return "redirect:/touchpoints/" + UriUtils.encodePathSegment(code, StandardCharsets.UTF_8)
                + "#standing-permissions";
    }

    private static String scope(String scope) {
        if (scope == null || scope.isBlank()) {
            throw new InvalidInputException("scope", "say what front-line teams may change without asking");
        }
        if (scope.length() > StandingPermission.MAX_SCOPE) {
            throw new InvalidInputException("scope", "at most " + StandingPermission.MAX_SCOPE + " characters");
        }
        return scope;
    }

    private static long cost(String costLimit) {
        try {
            long cost = Long.parseLong(costLimit == null ? "" : costLimit.strip());
            if (cost >= 0 && cost <= Changes.MAX_COST) {
                return cost;
            }
        } catch (NumberFormatException notAWholeNumber) {
            // refused below
        }
        throw new InvalidInputException("costLimit", "give the most a change within it may cost, a whole number "
                + "from 0 to " + Changes.MAX_COST);
    }
}
