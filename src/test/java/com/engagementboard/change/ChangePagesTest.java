package com.engagementboard.change;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.engagementboard.EngagementBoardTest;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;

/** The changes pages and a touchpoint's changes: what a proposer, a head and anyone else reads there. */
@EngagementBoardTest
class ChangePagesTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Changes changes;

    @Autowired
    ApplicationContext context;

    @BeforeEach
    void charter() throws Exception {
        ChangeFixtures.charterInForce(context);
    }

    private TouchpointChange propose(String what) {
        return changes.propose(new ChangeRequest(ChangeFixtures.OWNED, what, "Customers <b>ask</b> for it", null,
                TouchpointChange.Urgency.LOW, 100L, List.of("brand"), null), "employee");
    }

    @Test
    void theProposerSeesWhereTheirChangeStandsAndItsHistory() throws Exception {
        String what = "Sleeve <script>alert(1)</script> " + UUID.randomUUID();
        TouchpointChange change = propose(what);
        mvc.perform(get("/changes").with(httpBasic("employee", "demo")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("/changes/" + change.getId())))
                .andExpect(content().string(containsString("Sleeve &lt;script&gt;alert(1)&lt;/script&gt;")))
                .andExpect(content().string(not(containsString("<script>alert(1)"))))
                .andExpect(content().string(containsString("in design")));
        mvc.perform(get("/changes/" + change.getId()).with(httpBasic("employee", "demo")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Customers &lt;b&gt;ask&lt;/b&gt; for it")))
                .andExpect(content().string(containsString("design brand, build operations, operate service")))
                .andExpect(content().string(containsString("routed")))
                .andExpect(content().string(containsString("Eddie Walsh")));
        // Someone else's list does not show it; their functions' does, and every change does.
        mvc.perform(get("/changes").with(httpBasic("cmo", "demo")))
                .andExpect(content().string(not(containsString("/changes/" + change.getId() + "\""))));
        mvc.perform(get("/changes?show=functions").with(httpBasic("brand.head", "demo")))
                .andExpect(content().string(containsString("/changes/" + change.getId() + "\"")));
        mvc.perform(get("/changes?show=all&size=200").with(httpBasic("ceo", "demo")))
                .andExpect(content().string(containsString("/changes/" + change.getId() + "\"")));
        mvc.perform(get("/touchpoints/" + ChangeFixtures.OWNED).with(httpBasic("employee", "demo")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Changes proposed here")))
                .andExpect(content().string(containsString("Standing permissions")))
                .andExpect(content().string(containsString("/changes/" + change.getId() + "\"")));
    }

    @Test
    void aTouchpointsPageShowsItsStandingPermissionsInForce() throws Exception {
        String scope = "Wording <i>and</i> colours " + UUID.randomUUID();
        StandingPermission permission = changes.grant(ChangeFixtures.OWNED, scope, 1_500, "service.head",
                List.of("head-service"));
        mvc.perform(get("/touchpoints/" + ChangeFixtures.OWNED).with(httpBasic("employee", "demo")))
                .andExpect(content().string(containsString(scope.replace("<", "&lt;").replace(">", "&gt;"))))
                .andExpect(content().string(containsString("Sofia Novak (Customer Service)")));
        changes.revoke(permission.getId(), "service.head", List.of("head-service"));
        mvc.perform(get("/touchpoints/" + ChangeFixtures.OWNED).with(httpBasic("employee", "demo")))
                .andExpect(content().string(not(containsString(scope.replace("<", "&lt;").replace(">", "&gt;")))));
    }

    @Test
    void theHeadOfTheOperatingFunctionGrantsAndRevokesAStandingPermissionOnTheTouchpointsPage() throws Exception {
        String page = "/touchpoints/" + ChangeFixtures.OWNED;
        String grant = page + "/standing-permissions";
        // Only the head of the operating function (Customer Service) is offered the form.
        mvc.perform(get(page).with(httpBasic("service.head", "demo")))
                .andExpect(content().string(containsString("As head of Customer Service, the operating owner here")))
                .andExpect(content().string(containsString("action=\"" + grant + "\"")));
        mvc.perform(get(page).with(httpBasic("brand.head", "demo")))
                .andExpect(content().string(not(containsString("action=\"" + grant + "\""))));
        // Anyone else is refused, whatever they send; nothing is granted.
        String scope = "Sleeve colours <b>by season</b> " + UUID.randomUUID();
        mvc.perform(post(grant).with(httpBasic("brand.head", "demo")).with(csrf()).param("scope", scope)
                .param("costLimit", "500")).andExpect(status().isForbidden());
        mvc.perform(post(grant).with(httpBasic("employee", "demo")).with(csrf()).param("scope", scope)
                .param("costLimit", "500")).andExpect(status().isForbidden());
        // Words, not a number: back to the page with the refusal in words and what was typed; nothing granted.
        mvc.perform(post(grant).with(httpBasic("service.head", "demo")).with(csrf()).param("scope", scope)
                .param("costLimit", "a lot"))
                .andExpect(redirectedUrl(page + "#standing-permissions"))
                .andExpect(flash().attribute(StandingPermissionPagesController.REFUSAL,
                        containsString("a whole number from 0 to")))
                .andExpect(flash().attribute(StandingPermissionPagesController.SCOPE, scope));
        mvc.perform(post(grant).with(httpBasic("service.head", "demo")).with(csrf()).param("scope", "  ")
                .param("costLimit", "500"))
                .andExpect(flash().attribute(StandingPermissionPagesController.REFUSAL,
                        containsString("say what front-line teams may change")));
        assertThat(changes.permissionsAt(ChangeFixtures.OWNED)).noneMatch(p -> p.getScope().equals(scope));

        mvc.perform(post(grant).with(httpBasic("service.head", "demo")).with(csrf()).param("scope", scope)
                .param("costLimit", "500"))
                .andExpect(redirectedUrl(page + "#standing-permissions"))
                .andExpect(flash().attribute(StandingPermissionPagesController.NOTICE, containsString("Granted")));
        StandingPermission granted = changes.permissionsAt(ChangeFixtures.OWNED).stream()
                .filter(p -> p.getScope().equals(scope)).findFirst().orElseThrow();
        assertThat(granted.getCostLimit()).isEqualTo(500);
        String revoke = "/standing-permissions/" + granted.getId() + "/revoke";
        mvc.perform(get(page).with(httpBasic("service.head", "demo")))
                .andExpect(content().string(containsString("Sleeve colours &lt;b&gt;by season&lt;/b&gt;")))
                .andExpect(content().string(containsString("action=\"" + revoke + "\"")));
        mvc.perform(get(page).with(httpBasic("employee", "demo")))
                .andExpect(content().string(not(containsString("action=\"" + revoke + "\""))));
        mvc.perform(post(revoke).with(httpBasic("brand.head", "demo")).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post(revoke).with(httpBasic("service.head", "demo")).with(csrf()))
                .andExpect(redirectedUrl(page + "#standing-permissions"))
                .andExpect(flash().attribute(StandingPermissionPagesController.NOTICE, containsString("Revoked")));
        assertThat(changes.permissionsAt(ChangeFixtures.OWNED)).noneMatch(p -> p.getScope().equals(scope));
        // Revoked already: a conflict, said in words.
        mvc.perform(post(revoke).with(httpBasic("service.head", "demo")).with(csrf()))
                .andExpect(status().isConflict());
    }

    @Test
    void strangersLogInFirstAndAnUnknownChangeIsAPageNotFound() throws Exception {
        mvc.perform(get("/changes")).andExpect(redirectedUrlPattern("**/login"));
        mvc.perform(get("/changes/987654321").with(httpBasic("employee", "demo")))
                .andExpect(status().isNotFound());
        // An edited address never breaks the list.
        mvc.perform(get("/changes?show=nonsense&status=SOON&page=-3&size=x").with(httpBasic("employee", "demo")))
                .andExpect(status().isOk());
    }
}
