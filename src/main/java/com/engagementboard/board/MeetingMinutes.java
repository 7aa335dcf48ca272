package com.engagementboard.board;

import com.engagementboard.board.BoardViews.DecisionView;
import com.engagementboard.board.BoardViews.MeetingView;
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
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The minutes of a meeting: attendance (who voted), each item with its decision and votes, the
 * actions with their owners and due dates, and what was carried over. As a page and as a PDF.
 */
@Service
class MeetingMinutes {

    record ItemMinutes(int position, String title, String result, DecisionView decision,
            List<BoardActions.ActionView> actions) {
    }

    record Minutes(MeetingView meeting, List<String> attendance, String chair, List<ItemMinutes> items,
            List<String> carriedOver) {
    }

    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm", Locale.ENGLISH)
            .withZone(ZoneId.systemDefault());

    private final BoardRegister register;
    private final VoteRepository votes;
    private final BoardActions actions;
    private final BoardSetupService setup;

    MeetingMinutes(BoardRegister register, VoteRepository votes, BoardActions actions,
            BoardSetupService setup) {
        this.register = register;
        this.votes = votes;
        this.actions = actions;
        this.setup = setup;
    }

    @Transactional(readOnly = true)
    Minutes of(long meetingId) {
        MeetingView meeting = register.meeting(meetingId);
        List<DecisionView> decisions = register.decisionsOf(meetingId);
        List<ItemMinutes> items = meeting.agenda().stream().map(entry -> {
            DecisionView decision = decisions.stream().filter(d -> d.itemId().equals(entry.itemId())).findFirst()
                    .orElse(null);
            return new ItemMinutes(entry.position(), entry.title(), entry.result(), decision,
                    decision == null ? List.of() : actions.ofDecisions(List.of(decision.id())));
        }).toList();
        List<String> attendance = List.copyOf(votes.findByMeetingIdOrderByCastAt(meetingId).stream().map(Vote::getVoter)
                .collect(java.util.stream.Collectors.toCollection(TreeSet::new)));
        List<String> carried = meeting.agenda().stream()
                .filter(e -> e.result().equals("CARRIED_OVER") || e.result().equals("RETURNED")
                        || e.result().equals("DEFERRED"))
                .map(e -> e.title() + " (" + e.result().toLowerCase(Locale.ENGLISH).replace('_', ' ') + ")").toList();
        return new Minutes(meeting, attendance, setup.setup().getChair(), items, carried);
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
        document.add(new Paragraph("Minutes of the customer engagement board", title));
        document.add(new Paragraph(meeting.kind().charAt(0) + meeting.kind().substring(1).toLowerCase(Locale.ENGLISH)
                + " meeting of " + WHEN.format(meeting.scheduledAt()) + " (" + meeting.status().toLowerCase(Locale.ENGLISH)
                .replace('_', ' ') + ")", body));
        document.add(new Paragraph("Chair: " + minutes.chair(), body));
        document.add(new Paragraph("Attendance (voted): " + (minutes.attendance().isEmpty() ? "nobody voted"
                : String.join(", ", minutes.attendance())), body));
        for (ItemMinutes item : minutes.items()) {
            Paragraph head = new Paragraph(item.position() + ". " + item.title(), heading);
            head.setSpacingBefore(12);
            document.add(head);
            DecisionView decision = item.decision();
            if (decision == null) {
                document.add(new Paragraph(item.result().toLowerCase(Locale.ENGLISH).replace('_', ' '), small));
                continue;
            }
            document.add(new Paragraph("Decision asked: " + decision.decisionAsked(), body));
            document.add(new Paragraph("Outcome: " + decision.outcome()
                    + (decision.escalated() ? " (escalated to the CEO: " + decision.ceoDecision() + ", "
                            + decision.ceoComment() + ")" : "")
                    + (decision.tieBrokenBy() == null ? "" : " (tie broken by " + decision.tieBrokenBy() + ")"), body));
            document.add(new Paragraph("Votes: " + decision.votes(), body));
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
                    table.addCell(new Phrase(WHEN.format(action.dueAt()), body));
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
