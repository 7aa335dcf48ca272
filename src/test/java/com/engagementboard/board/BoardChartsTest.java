package com.engagementboard.board;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.engagementboard.EngagementBoardTest;
import com.engagementboard.StatementCount;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.persistence.EntityManagerFactory;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The figures of the meetings page's chart: the decisions of the last meetings that met, by outcome. The database
 * is shared: the assertions read the meeting this class writes (as the register writes one, see BoardPagesTest).
 */
@EngagementBoardTest
class BoardChartsTest {

    private static final String CHART = "/charts/board/decisions-per-meeting.json";

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @Autowired
    AgendaItems agendaItems;

    @Autowired
    AgendaItemRepository items;

    @Autowired
    MeetingRepository meetings;

    @Autowired
    MeetingItemRepository agenda;

    @Autowired
    DecisionRepository decisions;

    @Autowired
    BoardPages pages;

    @Autowired
    EntityManagerFactory persistence;

    @Test
    void eachMeetingThatMetShowsItsDecisionsByOutcomeOldestFirst() throws Exception {
        String tag = "Charts" + UUID.randomUUID().toString().substring(0, 8);
        // Years ahead (so among the newest meetings), behind BoardApiTest's far-future ones, which it expects first.
        Instant at = Instant.now().truncatedTo(ChronoUnit.SECONDS).plus(3333, ChronoUnit.DAYS);
        long earlier = meeting(at.minus(7, ChronoUnit.DAYS), tag + " earlier");
        long meeting = meeting(at, tag);
        decide(meeting, tag + " First", "call-centre-script", 1, BoardMeetingProcess.APPROVED);
        decide(meeting, tag + " Second", "branch-greeting", 2, BoardMeetingProcess.APPROVED);
        decide(meeting, tag + " Third", "branch-greeting", 3, BoardMeetingProcess.REJECTED);

        JsonNode chart = chart("employee");
        assertThat(chart.get("type").asText()).isEqualTo("bar");
        assertThat(chart.get("stacked").asBoolean()).isTrue();
        DateTimeFormatter day = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH).withZone(pages.zone());
        List<String> labels = texts(chart.get("labels"));
        int index = labels.indexOf(day.format(at));
        int before = labels.indexOf(day.format(at.minus(7, ChronoUnit.DAYS)));
        assertThat(index).as("%s in %s", day.format(at), labels).isNotNegative();
        assertThat(before).as("the earlier meeting comes first").isNotNegative().isLessThan(index);
        assertThat(chart.get("details").get(index).asText()).isEqualTo("extraordinary meeting");
        assertThat(value(chart, "approved", index)).isEqualTo(2);
        assertThat(value(chart, "rejected", index)).isEqualTo(1);
        // A meeting that met and decided nothing is there, with nothing.
        assertThat(value(chart, "approved", before)).isZero();
        assertThat(value(chart, "rejected", before)).isZero();
        assertThat(labels).hasSizeLessThanOrEqualTo(BoardCharts.MEETINGS);
        assertThat(chart.get("datasets").get(0).get("label").asText()).isEqualTo("Approved");
        assertThat(earlier).isNotEqualTo(meeting);
    }

    @Test
    void theChartIsAFewQueriesWhateverTheNumberOfDecisions() throws Exception {
        assertThat(StatementCount.of(persistence, () -> chart("cmo"))).isLessThanOrEqualTo(4);
    }

    @Test
    void nobodyLoggedOutReadsIt() throws Exception {
        mvc.perform(get(CHART).accept(MediaType.APPLICATION_JSON)).andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    private long meeting(Instant at, String reason) {
        Meeting meeting = new Meeting(Meeting.Kind.EXTRAORDINARY, at, at.minus(1, ChronoUnit.DAYS),
                at.plus(2, ChronoUnit.HOURS), "cmo", reason);
        meeting.closeAgenda(3, at);
        meeting.publishAgenda();
        meeting.open(at);
        meeting.close(at);
        return meetings.saveAndFlush(meeting).getId();
    }

    private void decide(long meetingId, String title, String touchpoint, int position, String outcome) {
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
        decisions.saveAndFlush(new Decision(meetingId, item, outcome, "cmo: " + outcome, null, false, null, null,
                null, null, touchpoint, "operations", null, Instant.now()));
    }

    private JsonNode chart(String user) throws Exception {
        return json.readTree(mvc.perform(get(CHART).with(httpBasic(user, "demo")).accept(MediaType.APPLICATION_JSON))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }

    private static long value(JsonNode chart, String key, int index) {
        for (JsonNode series : chart.get("datasets")) {
            if (series.get("key").asText().equals(key)) {
                return series.get("data").get(index).asLong();
            }
        }
        throw new AssertionError("no series " + key + " in " + chart);
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }
}
