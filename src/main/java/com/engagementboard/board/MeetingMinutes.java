package com.engagementboard.board;

import com.engagementboard.board.BoardViews.DecisionView;
import com.engagementboard.board.BoardViews.MeetingView;
import com.engagementboard.organisation.People;
import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.FontFactory;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.io.ByteArrayOutputStream;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The minutes of a meeting: attendance (who voted), each item with its decision and votes, the
 * actions with their owners and due dates, and what was carried over. As a page and as a PDF.
 */
@Service
class MeetingMinutes {

    /**
     * One item as the minutes say it, in words and names: its result, and for a decided item the outcome, the
     * votes ("Clara Martens: approve"), who broke a tie and what the CEO answered.
     */
    record ItemMinutes(int position, String title, String result, DecisionView decision,
            List<BoardActions.ActionView> actions, String outcome, String votes, String tieBrokenBy,
            String escalation) {
    }

    /** The meeting with its kind and status in words, the chair and who voted by name. */
    record Minutes(MeetingView meeting, String kind, String status, List<String> attendance, String chair,
            List<ItemMinutes> items, List<String> carriedOver) {
    }

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm z", Locale.ENGLISH);

    private final BoardRegister register;
    private final VoteRepository votes;
    private final BoardActions actions;
    private final BoardSetupService setup;
    private final People people;

    MeetingMinutes(BoardRegister register, VoteRepository votes, BoardActions actions, BoardSetupService setup,
            People people) {
        this.register = register;
        this.votes = votes;
        this.actions = actions;
        this.setup = setup;
        this.people = people;
    }

    /**
     * Times as the board's tasks show them: in the board's own time zone, with the zone (the minutes said 08:00
     * UTC where the Tasklist said 09:00 CET); in the company's zone while no board is set up.
     */
    DateTimeFormatter when() {
        return WHEN.withZone(setup.zone());
    }

    @Transactional(readOnly = true)
    Minutes of(long meetingId) {
        MeetingView meeting = register.meeting(meetingId);
        List<DecisionView> decisions = register.decisionsOf(meetingId);
        List<ItemMinutes> items = meeting.agenda().stream().map(entry -> {
            DecisionView decision = decisions.stream().filter(d -> d.itemId().equals(entry.itemId())).findFirst()
                    .orElse(null);
            if (decision == null) {
                return new ItemMinutes(entry.position(), entry.title(), words(entry.result()), null, List.of(), null,
                        null, null, null);
            }
            String said = BoardMeetings.said(votes.findByMeetingIdAndItemIdOrderByCastAt(meetingId, entry.itemId()),
                    people);
            return new ItemMinutes(entry.position(), entry.title(), words(entry.result()), decision,
                    actions.ofDecisions(List.of(decision.id())), words(decision.outcome()),
                    said.isEmpty() ? "no vote (escalated)" : said,
                    decision.tieBrokenBy() == null ? null : people.nameOf(decision.tieBrokenBy()),
                    decision.escalated() ? words(decision.ceoDecision()) + (decision.ceoComment() == null ? ""
                            : ", " + decision.ceoComment()) : null);
        }).toList();
        TreeSet<String> voters = votes.findByMeetingIdOrderByCastAt(meetingId).stream().map(Vote::getVoter)
                .collect(java.util.stream.Collectors.toCollection(TreeSet::new));
        Map<String, String> names = people.namesOf(voters);
        List<String> attendance = voters.stream().map(names::get).toList();
        List<String> carried = meeting.agenda().stream()
                .filter(e -> e.result().equals("CARRIED_OVER") || e.result().equals("RETURNED")
                        || e.result().equals("DEFERRED"))
                .map(e -> e.title() + " (" + words(e.result()) + ")").toList();
        return new Minutes(meeting, words(meeting.kind()), words(meeting.status()), attendance,
                people.nameOf(setup.setup().getChair()), items, carried);
    }

    /** An enum of the register as the minutes say it: CARRIED_OVER is "carried over". */
    static String words(String code) {
        return code == null ? "" : code.toLowerCase(Locale.ENGLISH).replace('_', ' ');
    }

    byte[] pdf(long meetingId) {
        Minutes minutes = of(meetingId);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 48, 48, 48, 48);
        PdfWriter.getInstance(document, out);
        document.open();
        Font title = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 16);
        Font heading = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 12);
        Font body = FontFactory.getFont(FontFactory.HELVETICA, 10);
        Font small = FontFactory.getFont(FontFactory.HELVETICA_OBLIQUE, 9);
        MeetingView meeting = minutes.meeting();
        DateTimeFormatter when = when();
        document.add(new Paragraph("Minutes of the customer engagement board", title));
        document.add(new Paragraph(Character.toUpperCase(minutes.kind().charAt(0)) + minutes.kind().substring(1)
                + " meeting of " + when.format(meeting.scheduledAt()) + " (" + minutes.status() + ")", body));
        document.add(new Paragraph("Chair: " + minutes.chair(), body));
        document.add(new Paragraph("Attendance (voted): " + (minutes.attendance().isEmpty() ? "nobody voted"
                : String.join(", ", minutes.attendance())), body));
        for (ItemMinutes item : minutes.items()) {
            Paragraph head = new Paragraph(item.position() + ". " + item.title(), heading);
            head.setSpacingBefore(12);
            document.add(head);
            DecisionView decision = item.decision();
            if (decision == null) {
                document.add(new Paragraph(item.result(), small));
                continue;
            }
            document.add(new Paragraph("Decision asked: " + decision.decisionAsked(), body));
            document.add(new Paragraph("Outcome: " + item.outcome()
                    + (item.escalation() == null ? "" : " (escalated to the CEO: " + item.escalation() + ")")
                    + (item.tieBrokenBy() == null ? "" : " (tie broken by " + item.tieBrokenBy() + ")"), body));
            document.add(new Paragraph("Votes: " + item.votes(), body));
            if (!item.actions().isEmpty()) {
                PdfPTable table = new PdfPTable(new float[] { 3, 4, 2, 2 });
                table.setWidthPercentage(100);
                table.setSpacingBefore(6);
                for (String column : List.of("Touchpoint", "Action", "Owner", "Due")) {
                    PdfPCell cell = new PdfPCell(new Phrase(column, heading));
                    cell.setHorizontalAlignment(Element.ALIGN_LEFT);
                    table.addCell(cell);
                }
                for (BoardActions.ActionView action : item.actions()) {
                    table.addCell(new Phrase(action.touchpoint(), body));
                    table.addCell(new Phrase(action.description(), body));
                    table.addCell(new Phrase(action.function() == null ? action.ownerGroup() : action.function(), body));
                    table.addCell(new Phrase(when.format(action.dueAt()), body));
                }
                document.add(table);
            }
        }
        if (!minutes.carriedOver().isEmpty()) {
            Paragraph head = new Paragraph("Carried over", heading);
            head.setSpacingBefore(12);
            document.add(head);
            minutes.carriedOver().forEach(line -> document.add(new Paragraph("- " + line, body)));
        }
        document.close();
        return out.toByteArray();
    }
}
