package com.engagementboard.summit;

import com.lowagie.text.Document;
import com.lowagie.text.Font;
import com.lowagie.text.FontFactory;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.util.List;
import org.springframework.stereotype.Component;

/** The summit's report as a PDF, with the sourcing as a picture: five elements, in-house or partners. */
@Component
class SummitPdf {

    static final Color IN_HOUSE = new Color(0x0b, 0x5f, 0xa5);
    static final Color PARTNER = new Color(0xd9, 0x7a, 0x00);
    static final Color MIXED = new Color(0x6b, 0x4c, 0x9a);

    byte[] of(SummitReport.Report report) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 48, 48, 48, 48);
        PdfWriter.getInstance(document, out);
        document.open();
        Font title = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 16);
        Font heading = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 12);
        Font body = FontFactory.getFont(FontFactory.HELVETICA, 10);
        Font white = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 10, Color.WHITE);
        document.add(new Paragraph(report.title(), title));
        document.add(new Paragraph("Customer engagement summit chaired by " + report.chair() + " (" + report.status()
                .toLowerCase() + ")", body));
        section(document, "Vision", heading);
        document.add(new Paragraph(report.vision() == null ? "(not yet drafted)" : report.vision(), body));
        if (report.dissent() != null) {
            document.add(new Paragraph("Dissent recorded: " + report.dissent(), body));
        }
        if (!report.missingPreWork().isEmpty()) {
            document.add(new Paragraph("Pre-work missing from: " + String.join(", ", report.missingPreWork()), body));
        }
        section(document, "Customer decision journey", heading);
        if (report.assessments().isEmpty()) {
            document.add(new Paragraph("(no assessments submitted)", body));
        } else {
            PdfPTable journey = new PdfPTable(new float[] { 2, 2, 3, 3, 4 });
            journey.setWidthPercentage(100);
            for (String column : List.of("Participant", "Stage", "Today", "Wanted", "Evidence")) {
                journey.addCell(new Phrase(column, heading));
            }
            report.assessments().forEach(a -> {
                journey.addCell(new Phrase(a.user(), body));
                journey.addCell(new Phrase(a.stage().charAt(0) + a.stage().substring(1).toLowerCase(), body));
                journey.addCell(new Phrase(a.today() == null ? "" : a.today(), body));
                journey.addCell(new Phrase(a.wanted() == null ? "" : a.wanted(), body));
                journey.addCell(new Phrase(a.evidence() == null ? "" : a.evidence(), body));
            });
            document.add(journey);
        }
        section(document, "Coordinated touchpoint plan", heading);
        PdfPTable plan = new PdfPTable(new float[] { 3, 5, 3, 3 });
        plan.setWidthPercentage(100);
        for (String column : List.of("Touchpoint", "Activity", "Functions", "Depends on")) {
            plan.addCell(new Phrase(column, heading));
        }
        report.plan().forEach(p -> {
            plan.addCell(new Phrase(p.name(), body));
            plan.addCell(new Phrase(p.activity(), body));
            plan.addCell(new Phrase(p.functions(), body));
            plan.addCell(new Phrase(p.dependsOn() == null ? "" : p.dependsOn(), body));
        });
        document.add(plan);
        if (report.silos() != null) {
            document.add(new Paragraph("Silos found: " + report.silos().replace("**", ""), body));
        }
        section(document, "Ecosystem sourcing", heading);
        PdfPTable sourcing = new PdfPTable(new float[] { 5, 2, 4 });
        sourcing.setWidthPercentage(100);
        for (SummitReport.SourcingView s : report.sourcing()) {
            sourcing.addCell(new Phrase(s.label(), body));
            PdfPCell mode = new PdfPCell(new Phrase(s.mode().replace('_', '-').toLowerCase(), white));
            mode.setBackgroundColor(SummitProcess.IN_HOUSE.equals(s.mode()) ? IN_HOUSE
                    : SummitProcess.PARTNER.equals(s.mode()) ? PARTNER : MIXED);
            sourcing.addCell(mode);
            sourcing.addCell(new Phrase((s.partners() == null ? "" : s.partners() + ": ") + s.reason(), body));
        }
        document.add(sourcing);
        section(document, "What the summit founded", heading);
        document.add(new Paragraph(report.outcome() == null ? "(not yet decided)"
                : SummitProcess.FOUND_BOARD.equals(report.outcome()) ? "The customer engagement board."
                        : "It named " + report.existingBody() + " as the board.", body));
        if (report.charterDraftId() != null) {
            document.add(new Paragraph("First charter draft: " + report.charterDraftId(), body));
        }
        document.close();
        return out.toByteArray();
    }

    private static void section(Document document, String text, Font font) {
        Paragraph paragraph = new Paragraph(text, font);
        paragraph.setSpacingBefore(12);
        paragraph.setSpacingAfter(4);
        document.add(paragraph);
    }
}
