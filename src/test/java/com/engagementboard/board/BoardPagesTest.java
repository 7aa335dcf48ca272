package com.engagementboard.board;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.engagementboard.EngagementBoardTest;
import com.engagementboard.StatementCount;
import com.engagementboard.organisation.FunctionService;
import com.engagementboard.organisation.TouchpointService;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The board's record as pages: the register and its search, a decision with its votes and actions, the meetings
 * with their agendas and minutes, the actions overdue first. Each test reads the meeting, decisions, votes and
 * actions it wrote itself (a tag of its own in every title), as the test database is shared.
 */
@EngagementBoardTest
class BoardPagesTest {

    private static final String SCRIPT = "<script>alert('x')</script>";

    @Autowired
    MockMvc mvc;

    @Autowired
    AgendaItems agendaItems;

    @Autowired
    AgendaItemRepository items;

    @Autowired
    MeetingRepository meetings;

    @Autowired
    MeetingItemRepository agenda;

    @Autowired
    VoteRepository votes;

    @Autowired
    DecisionRepository decisions;

    @Autowired
    BoardActionRepository actions;

    @Autowired
    TouchpointService touchpoints;

    @Autowired
    FunctionService functions;

    @Autowired
    jakarta.persistence.EntityManagerFactory persistence;

    private String tag;
    private long meetingId;
    private long approved;
    private long rejected;
    private final List<Long> openActions = new java.util.ArrayList<>();

    /**
     * A closed meeting (years ahead, so that it is on the first page of meetings, newest first, yet behind
     * BoardApiTest's far-future ones, which that test expects first) that decided two
     * items: one approved by Clara Martens against Rafael Ortega, with an overdue action, one due later and one
     * done; one rejected. As the register and the board's processes write them (see BoardApiTest).
     */
    @BeforeEach
    void aMeetingThatDecided() {
        tag = "Pages" + UUID.randomUUID().toString().substring(0, 8);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant at = now.plus(3000, ChronoUnit.DAYS);
        Meeting meeting = new Meeting(Meeting.Kind.EXTRAORDINARY, at, at.minus(1, ChronoUnit.DAYS),
                at.plus(2, ChronoUnit.HOURS), "cmo", tag + " meeting");
        meeting.closeAgenda(2, at);
        meeting.publishAgenda();
        meeting.open(at);
        meeting.close(at);
        meetingId = meetings.saveAndFlush(meeting).getId();

        AgendaItem script = decidedItem(tag + " Shorter script " + SCRIPT, "call-centre-script", 1);
        votes.saveAndFlush(new Vote(meetingId, script.getId(), "cmo", BoardMeetingProcess.APPROVE, "The facts are clear",
                now.minusSeconds(120)));
        votes.saveAndFlush(new Vote(meetingId, script.getId(), "retail.head", BoardMeetingProcess.REJECT, null,
                now.minusSeconds(110)));
        approved = decisions.saveAndFlush(new Decision(meetingId, script, "APPROVED",
                "cmo: APPROVE; retail.head: REJECT", null, false, null, null, null, null, "call-centre-script",
                "operations", null, now.minusSeconds(60))).getId();
        action(approved, tag + " Rewrite the script", now.minus(3, ChronoUnit.DAYS), false);
        action(approved, tag + " Train the agents", now.plus(7, ChronoUnit.DAYS), false);
        action(approved, tag + " Count the hang-ups", now.minus(10, ChronoUnit.DAYS), true);

        AgendaItem greeting = decidedItem(tag + " Warmer greeting", "branch-greeting", 2);
        votes.saveAndFlush(new Vote(meetingId, greeting.getId(), "cmo", BoardMeetingProcess.REJECT, null, now));
        rejected = decisions.saveAndFlush(new Decision(meetingId, greeting, "REJECTED", "cmo: REJECT", null, false,
                null, null, null, null, "branch-greeting", "sales", null, now)).getId();
    }

    private AgendaItem decidedItem(String title, String touchpoint, int position) {
        AgendaItem item = agendaItems.create(AgendaItem.Kind.MEMBER, new AgendaItemRequest(title, "Decide it",
                List.of(touchpoint), new AgendaItemRequest.FactBase(null, "40% hang up before question five", null),
                List.of()), "sales.head");
        item.queue();
        item.putOnAgenda();
        item.decide();
        items.saveAndFlush(item);
        MeetingItem entry = new MeetingItem(meetingId, item.getId(), position);
        entry.result(MeetingItem.Result.DECIDED);
        agenda.saveAndFlush(entry);
        return item;
    }

    private void action(long decisionId, String description, Instant due, boolean done) {
        BoardAction action = new BoardAction(decisionId, touchpoints.get("call-centre-script"),
                functions.get("operations"), "head-operations", "OPERATE", description, due);
        if (done) {
            action.done("operations.head", "Done.", Instant.now());
        }
        long id = actions.saveAndFlush(action).getId();
        if (!done) {
            openActions.add(id);
        }
    }

    /** The open actions this test wrote have no process: cancelled, they leave the board's consistency check alone. */
    @org.junit.jupiter.api.AfterEach
    void cancelTheOpenActions() {
        openActions.forEach(id -> actions.findById(id).ifPresent(a -> {
            a.cancel("cmo", "The page test is over.", Instant.now());
            actions.saveAndFlush(a);
        }));
        openActions.clear();
    }

    private MvcResult page(String user, String path) throws Exception {
        return mvc.perform(get(path).with(httpBasic(user, "demo"))).andExpect(status().isOk()).andReturn();
    }

    private String html(String path) throws Exception {
        return page("employee", path).getResponse().getContentAsString();
    }

    @Test
    void theRegisterListsTheDecisionsNewestFirstAndTheSearchNarrowsThem() throws Exception {
        String all = html("/board/decisions?q=" + tag);
        assertThat(all).contains("<a href=\"/board/decisions\" aria-current=\"page\">Decisions</a>",
                "<a href=\"/board/meetings\">Meetings</a>", "<a href=\"/board/actions\">Actions</a>");
        assertThat(all).contains(tag + " Warmer greeting", tag + " Shorter script")
                .contains("/board/decisions/" + approved, "/board/decisions/" + rejected)
                .contains("Call-centre script", "Branch greeting", "Operations", "Sales")
                .doesNotContain("call-centre-script</td>");
        assertThat(all.indexOf(tag + " Warmer greeting")).as("newest first")
                .isLessThan(all.indexOf(tag + " Shorter script"));

        String byTouchpoint = html("/board/decisions?q=" + tag + "&touchpoint=call-centre-script");
        assertThat(byTouchpoint).contains(tag + " Shorter script").doesNotContain(tag + " Warmer greeting");
        String byText = html("/board/decisions?q=" + tag + " warmer");
        assertThat(byText).contains(tag + " Warmer greeting").doesNotContain(tag + " Shorter script");
        String byOutcome = html("/board/decisions?q=" + tag + "&outcome=REJECTED&function=sales&meeting=" + meetingId);
        assertThat(byOutcome).contains(tag + " Warmer greeting").doesNotContain(tag + " Shorter script");
        assertThat(html("/board/decisions?q=" + tag + "&touchpoint=branch-greeting&outcome=APPROVED"))
                .doesNotContain(tag + " ").contains("No decision matches this search");

        String second = html("/board/decisions?q=" + tag + "&size=1&page=1");
        assertThat(second).contains(tag + " Shorter script").doesNotContain(tag + " Warmer greeting")
                .contains("Page 2 of 2 (2 in all)").contains("Previous page");
    }

    @Test
    void theTouchpointPickerOffersWhatDecisionsNameAndTheOneChosenNotEveryTouchpoint() throws Exception {
        assertThat(html("/board/decisions"))
                .contains("<option value=\"call-centre-script\">Call-centre script</option>",
                        "<option value=\"branch-greeting\">Branch greeting</option>")
                .doesNotContain("value=\"customer-insight-report\"");
        // A touchpoint's page links its decisions: the filter names it even before a decision does.
        assertThat(html("/board/decisions?touchpoint=customer-insight-report"))
                .contains("<option value=\"customer-insight-report\" selected=\"selected\">Customer-insight report</option>")
                .contains("No decision matches this search");
    }

    @Test
    void aDecisionShowsItsFactsVotesByNameActionsAndMeeting() throws Exception {
        String page = html("/board/decisions/" + approved);
        assertThat(page).contains("Clara Martens", "Rafael Ortega", ">approve<", ">reject<", "The facts are clear")
                .contains("Customer behaviour", "40% hang up before question five")
                .contains("Sanjay Patel")
                .contains(tag + " Rewrite the script", tag + " Train the agents", "Operations", "Oliver Brandt")
                .contains("overdue")
                .contains("no charter version was in force")
                .contains("/board/meetings/" + meetingId)
                .doesNotContain("retail.head", "sales.head");
    }

    @Test
    void theMeetingsListLinksTheMeetingWhosePageShowsItsAgendaVotesDecisionsAndMinutes() throws Exception {
        String list = html("/board/meetings");
        assertThat(list).contains("/board/meetings/" + meetingId).contains("extraordinary");

        String page = html("/board/meetings/" + meetingId);
        assertThat(page).contains(tag + " Shorter script", tag + " Warmer greeting")
                .contains("Sanjay Patel", "Clara Martens", "Rafael Ortega")
                .contains("/board/meetings/" + meetingId + "/minutes")
                .contains("/api/board/meetings/" + meetingId + "/minutes.pdf")
                .contains("/board/decisions/" + approved, "/board/decisions/" + rejected)
                .doesNotContain("/call-off");
    }

    @Test
    void votesOnAnItemNotDecidedYetAreNotShownAsTheMinutesDoNotShowThem() throws Exception {
        AgendaItem voting = agendaItems.create(AgendaItem.Kind.MEMBER, new AgendaItemRequest(tag + " Still voting",
                "Decide it", List.of("branch-greeting"), new AgendaItemRequest.FactBase(null, "A fact", null),
                List.of()), "sales.head");
        voting.queue();
        voting.putOnAgenda();
        long votingId = items.saveAndFlush(voting).getId();
        MeetingItem entry = agenda.saveAndFlush(new MeetingItem(meetingId, voting.getId(), 3));
        Vote cast = votes.saveAndFlush(new Vote(meetingId, voting.getId(), "wealth.head", BoardMeetingProcess.REJECT,
                "Not to be read before the decision " + tag, Instant.now()));
        try {
            String page = html("/board/meetings/" + meetingId);
            assertThat(page).contains(tag + " Still voting").doesNotContain("Not to be read before the decision");
            // The decided items' votes are there.
            assertThat(page).contains("The facts are clear");
        } finally {
            votes.delete(cast);
            agenda.delete(entry);
            items.deleteById(votingId);
        }
    }

    @Test
    void theChairIsOfferedToCallOffAMeetingThatHasNotOpenedAndOthersAreNot() throws Exception {
        Instant at = Instant.now().plus(3001, ChronoUnit.DAYS);
        long upcoming = meetings.saveAndFlush(new Meeting(Meeting.Kind.EXTRAORDINARY, at, at.minus(1, ChronoUnit.DAYS),
                at.plus(2, ChronoUnit.HOURS), "cmo", tag + " upcoming")).getId();
        try {
            assertThat(page("cmo", "/board/meetings/" + upcoming).getResponse().getContentAsString())
                    .contains("/board/meetings/" + upcoming + "/call-off")
                    .contains("Nothing on the agenda yet")
                    .doesNotContain("/minutes.pdf");
            assertThat(html("/board/meetings/" + upcoming)).doesNotContain("/call-off");
            // A meeting that has not opened is on the calendar: the list leads with the next one and its cut-off.
            assertThat(html("/board/meetings")).contains("Next meeting:", "Agenda cut-off:")
                    .doesNotContain("No meeting is on the calendar");
        } finally {
            meetings.deleteById(upcoming);
        }
    }

    @Test
    void theActionsComeOverdueFirstAndMarkedThenByDueDateThenTheDoneOnes() throws Exception {
        String page = html("/board/actions?owner=operations&size=100");
        int overdue = page.indexOf(tag + " Rewrite the script");
        int later = page.indexOf(tag + " Train the agents");
        int done = page.indexOf(tag + " Count the hang-ups");
        assertThat(overdue).isPositive().isLessThan(later);
        assertThat(later).isLessThan(done);
        String overdueRow = page.substring(page.lastIndexOf("<tr", overdue), overdue);
        assertThat(overdueRow).contains("class=\"overdue\"").contains("overdue</span>");
        String laterRow = page.substring(page.lastIndexOf("<tr", later), later);
        assertThat(laterRow).doesNotContain("overdue");
        assertThat(page).contains("Oliver Brandt", "Call-centre script").doesNotContain("operations.head");

        String open = html("/board/actions?owner=operations&status=OPEN&size=100");
        assertThat(open).contains(tag + " Rewrite the script", tag + " Train the agents")
                .doesNotContain(tag + " Count the hang-ups");
        assertThat(html("/board/actions?owner=marketing&status=DONE")).doesNotContain(tag + " ");
        assertThat(html("/board/actions?status=DONE&size=100")).doesNotContain(tag + " Rewrite the script");
    }

    @Test
    void unknownDecisionsAndMeetingsAreNotFound() throws Exception {
        mvc.perform(get("/board/decisions/987654321").with(httpBasic("employee", "demo")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/board/meetings/987654321").with(httpBasic("employee", "demo")))
                .andExpect(status().isNotFound());
    }

    @Test
    void aTitleIsShownAsTextNeverAsMarkup() throws Exception {
        for (String path : List.of("/board/decisions?q=" + tag, "/board/decisions/" + approved,
                "/board/meetings/" + meetingId)) {
            assertThat(html(path)).as(path).doesNotContain(SCRIPT)
                    .contains("&lt;script&gt;alert(").contains("&lt;/script&gt;");
        }
    }

    @Test
    void aPageIsAtMostAHundredRowsAndABadPageOrSizeIsTheDefault() throws Exception {
        for (String path : List.of("/board/decisions", "/board/meetings", "/board/actions")) {
            assertThat(size(path + "?size=1000")).as(path).isEqualTo(100);
            assertThat(size(path)).as(path).isEqualTo(50);
            assertThat(size(path + "?size=x&page=-3")).as(path).isEqualTo(50);
        }
    }

    @Test
    void aPageOfEachListIsAFewQueriesWhateverItsSize() throws Exception {
        for (String path : List.of("/board/decisions", "/board/meetings", "/board/actions")) {
            long one = StatementCount.of(persistence, () -> page("employee", path + "?size=1"));
            long three = StatementCount.of(persistence, () -> page("employee", path + "?size=3"));
            // The page, its count, the names of its touchpoints, functions and meetings, the pickers' choices:
            // never one more query per row.
            assertThat(three).as("statements for a page of three rows of %s", path).isLessThanOrEqualTo(one);
        }
    }

    private int size(String path) throws Exception {
        Object model = page("employee", path).getModelAndView().getModel().values().stream()
                .filter(v -> v instanceof BoardPages.Register || v instanceof BoardPages.Meetings
                        || v instanceof BoardPages.Actions)
                .findFirst().orElseThrow();
        if (model instanceof BoardPages.Register register) {
            return register.page().size();
        }
        if (model instanceof BoardPages.Meetings meetingList) {
            return meetingList.page().size();
        }
        return ((BoardPages.Actions) model).page().size();
    }
}
