package com.engagementboard.board;

import static com.engagementboard.engine.Markdown.escape;

import com.engagementboard.engine.TaskTexts;
import com.engagementboard.organisation.People;
import com.engagementboard.web.BoundedText;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * What the meeting's forms say to people, from the record as it stands when a form is opened: the
 * agenda (the chair preparing it sees items queued since the meeting was called), the item the board
 * is on, the core group's votes for the chair breaking a tie, who escalated an item to the CEO, and
 * the notice of a meeting called off. People's words are escaped.
 */
@Component
class BoardMeetingTexts implements TaskTexts {

    private final BoardMeetings meetings;
    private final MeetingRepository meetingRecords;
    private final AgendaItemRepository items;
    private final MeetingItemRepository agenda;
    private final VoteRepository votes;
    private final People people;

    BoardMeetingTexts(BoardMeetings meetings, MeetingRepository meetingRecords, AgendaItemRepository items,
            MeetingItemRepository agenda, VoteRepository votes, People people) {
        this.meetings = meetings;
        this.meetingRecords = meetingRecords;
        this.items = items;
        this.agenda = agenda;
        this.votes = votes;
        this.people = people;
    }

    @Override
    public String processKey() {
        return BoardMeetingProcess.KEY;
    }

    @Override
    public Map<String, String> texts(DelegateTask task) {
        long meetingId = BoardMeetingProcess.meetingId(task.getExecution().getProcessBusinessKey());
        Long itemId = BoardMeetingProcess.Typed.ITEM_ID.get(task);
        Map<String, String> texts = new HashMap<>();
        switch (task.getTaskDefinitionKey()) {
            case BoardMeetingProcess.Elements.PREPARE_AGENDA, BoardMeetingProcess.Elements.READ_AGENDA ->
                    texts.put(BoardMeetingProcess.Variables.AGENDA_SUMMARY, agendaSummary(meetingId));
            case BoardMeetingProcess.Elements.PRESENT_ITEM, BoardMeetingProcess.Elements.VOTE ->
                    texts.put(BoardMeetingProcess.Variables.ITEM_SUMMARY, itemSummary(itemId));
            case BoardMeetingProcess.Elements.BREAK_TIE -> {
                texts.put(BoardMeetingProcess.Variables.ITEM_SUMMARY, itemSummary(itemId));
                texts.put(BoardMeetingProcess.Variables.TIE_CONTEXT, tieContext(meetingId, itemId));
            }
            case BoardMeetingProcess.Elements.DECIDE_ESCALATION -> {
                texts.put(BoardMeetingProcess.Variables.ITEM_SUMMARY, itemSummary(itemId));
                texts.put(BoardMeetingProcess.Variables.ESCALATION_CONTEXT, "Escalated by "
                        + escape(people.nameOf(meetings.chair())) + ", the board's chair.");
            }
            case BoardMeetingProcess.Elements.READ_CALL_OFF ->
                    texts.put(BoardMeetingProcess.Variables.MEETING_NOTICE, callOffNotice(meetingId));
            default -> {
            }
        }
        return texts;
    }

    /** The agenda, an item a line: its place, title and author by name. */
    String agendaSummary(long meetingId) {
        List<String> lines = new ArrayList<>();
        List<MeetingItem> entries = agenda.findByKeyMeetingIdOrderByPosition(meetingId);
        Map<Long, AgendaItem> byId = items.findAllById(entries.stream().map(MeetingItem::itemId).toList()).stream()
                .collect(Collectors.toMap(AgendaItem::getId, item -> item));
        for (MeetingItem entry : entries) {
            AgendaItem item = byId.get(entry.itemId());
            if (item == null) {
                // A form is read, never refused: the consistency report names the row without its item.
                lines.add(entry.getPosition() + ". _an item no longer in the board's register_");
                continue;
            }
            lines.add(entry.getPosition() + ". **" + escape(item.getTitle()) + "**, from "
                    + escape(people.nameOf(item.getAuthor()))
                    + (entry.getResult() == MeetingItem.Result.DEFERRED ? " (deferred to the next meeting)"
                            : entry.getResult() == MeetingItem.Result.WITHDRAWN ? " (withdrawn by its author)" : ""));
        }
        return lines.isEmpty() ? "_No item is on the agenda yet._"
                : BoundedText.lines(lines, BoundedText.DEFAULT_BUDGET, more -> "… and " + more + " more");
    }

    /** The item: the decision asked, the touchpoints, the fact base, the proposed actions, its author. */
    String itemSummary(Long itemId) {
        AgendaItem item = itemId == null ? null : items.findById(itemId).orElse(null);
        if (item == null) {
            return "_This item is not in the board's register._";
        }
        StringBuilder text = new StringBuilder("**Decision asked:** ").append(escape(item.getDecisionAsked()))
                .append("\n\n");
        if (!item.getTouchpoints().isEmpty()) {
            text.append("**Touchpoints:** ").append(item.getTouchpoints().stream().map(t -> escape(t.getName()))
                    .collect(Collectors.joining(", "))).append("\n\n");
        }
        text.append("**Fact base:**\n\n");
        fact(text, "Touchpoint priority", item.getFactPriority());
        fact(text, "Customer behaviour", item.getFactBehaviour());
        fact(text, "Competitors' moves", item.getFactCompetitors());
        fact(text, "The CEO asks", item.getCeoQuestion());
        if (!item.getActions().isEmpty()) {
            text.append("\n**Actions if approved:**\n\n");
            item.getActions().forEach(a -> text.append("- ").append(escape(a.getTouchpoint().getName())).append(": ")
                    .append(escape(a.getDescription())).append(" (by its ").append(a.isBuild() ? "build" : "operate")
                    .append(" owner, within ").append(a.getDueDays()).append(" days)\n"));
        }
        text.append("\n_Submitted by ").append(escape(people.nameOf(item.getAuthor()))).append("_");
        // A charter dispute may name hundreds of rights: the form stays readable, the item has it all.
        return BoundedText.text(text.toString(), BoundedText.DEFAULT_BUDGET,
                "_… more in the whole item: /api/board/agenda-items/" + itemId + "_");
    }

    private static void fact(StringBuilder text, String label, String value) {
        if (value != null && !value.isBlank()) {
            text.append("- **").append(label).append(":** ").append(escape(value.strip())).append('\n');
        }
    }

    /** The core group's votes on an item: each voter by name, the vote in words and the comment, the count first. */
    String tieContext(long meetingId, Long itemId) {
        if (itemId == null) {
            return "";
        }
        BoardMeetings.Tally tally = meetings.tally(meetingId, itemId, meetings.voters().size());
        List<String> lines = new ArrayList<>();
        for (Vote vote : votes.findByMeetingIdAndItemIdOrderByCastAt(meetingId, itemId)) {
            lines.add("- **" + escape(people.nameOf(vote.getVoter())) + "** votes to "
                    + BoardMeetings.voteInWords(vote.getChoice())
                    + (vote.getComment() == null || vote.getComment().isBlank() ? ""
                            : ": \u201c" + escape(vote.getComment().strip().replaceAll("\\s+", " ")) + "\u201d"));
        }
        String head = "**The core group's votes:** " + tally.approve() + " to approve, " + tally.reject()
                + " to reject, " + tally.abstain() + " abstaining.\n\n";
        return head + BoundedText.lines(lines, BoundedText.DEFAULT_BUDGET - head.length(),
                more -> "- … and " + more + " more");
    }

    /** What each member is told when the chair calls the meeting off: who, why, and where its items went. */
    String callOffNotice(long meetingId) {
        Meeting meeting = meetingRecords.findById(meetingId).orElse(null);
        if (meeting == null || meeting.getCalledOffBy() == null) {
            return "_This meeting is not called off in the board's record._";
        }
        long carried = agenda.findByKeyMeetingIdOrderByPosition(meetingId).stream()
                .filter(e -> e.getResult() == MeetingItem.Result.CARRIED_OVER).count();
        return "The chair, **" + escape(people.nameOf(meeting.getCalledOffBy())) + "**, called this meeting off.\n\n"
                + "**Why:** " + escape(BoundedText.text(meeting.getCallOffReason().strip(), 800, "...")) + "\n\n"
                + (carried == 0 ? "No item was on its agenda yet: the items submitted wait for the next meeting."
                        : carried + (carried == 1 ? " item on its agenda is" : " items on its agenda are")
                                + " carried over to the next meeting, first on its agenda.")
                + " No minutes are written for it.";
    }
}
