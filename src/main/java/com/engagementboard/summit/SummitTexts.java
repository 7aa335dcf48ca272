package com.engagementboard.summit;

import static com.engagementboard.engine.Markdown.escape;

import com.engagementboard.organisation.JourneyStage;
import com.engagementboard.organisation.People;
import com.engagementboard.web.BoundedText;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the summit's people read, in words and by name, from the record: the notices (cancelled, postponed,
 * lapsed), the chair's reminder, and the context her forms show (whose pre-work is in, the journey's gaps, the
 * objections, the silos). The forms' texts are markdown with whatever people typed escaped ({@code
 * Markdown.escape}: titles, reasons, answers, objections, the vision, names), rendered each time a form is read
 * ({@link SummitTaskTexts}); each list is bounded so a form stays readable however many take part.
 * {@link Summits} changes the record; this only reads it.
 */
@Service
class SummitTexts {

    /** A summit's day and hour, said in the company's zone. */
    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy, HH:mm", Locale.ENGLISH);

    /** Room for one list of people in a form's context: both lists of the open step read at a glance. */
    static final int PEOPLE_BUDGET = 1_600;

    private final Summits summits;
    private final People people;
    private final DateTimeFormatter when;

    SummitTexts(Summits summits, People people, Clock clock) {
        this.summits = summits;
        this.people = people;
        this.when = WHEN.withZone(clock.getZone());
    }

    /** The summit's title as a form's heading shows it. */
    String title(Summit summit) {
        return escape(summit.getTitle());
    }

    /** What each participant is told when the chair cancels the summit: who, when and why. */
    String cancellationNotice(Summit summit) {
        if (summit.getStatus() != Summit.Status.CANCELLED || summit.getCancelledBy() == null) {
            return "_This summit is not cancelled by the chair in the record._";
        }
        return "The chair, **" + escape(people.nameOf(summit.getCancelledBy())) + "**, cancelled *"
                + escape(summit.getTitle()) + "* (it was to meet on " + when.format(summit.getAt()) + ").\n\n**Why:** "
                + escape(BoundedText.text(summit.getCancellationReason().strip(), 800, "..."))
                + "\n\nAny task of this summit still open in your list has ended; nothing more is asked of you.";
    }

    /** What the chair and each participant are told when the summit lapses. */
    String lapseNotice(Summit summit) {
        if (summit.getStatus() != Summit.Status.CANCELLED || summit.getCancelledBy() != null
                || summit.getCancelledAt() == null) {
            return "_This summit has not lapsed in the record._";
        }
        return "*" + escape(summit.getTitle()) + "* (to meet on " + when.format(summit.getAt()) + ") **lapsed** on "
                + when.format(summit.getCancelledAt()) + ".\n\n**Why:** " + escape(summit.getCancellationReason())
                + ".\n\nAny task of this summit still open in your list has ended. It founded nothing; the chair "
                + "can convene a new summit.";
    }

    /** The comment on the chair's overdue step: what is overdue and when the summit lapses (a comment, not markdown). */
    @Transactional(readOnly = true)
    String chairReminder(long summitId, java.util.Date lapses) {
        Summit summit = summits.get(summitId);
        return "Overdue: " + summit.getTitle() + " was to meet on " + when.format(summit.getAt()) + ". Record its "
                + "work here, or cancel it on its page; if it is not closed by " + when.format(lapses.toInstant())
                + ", it lapses and everyone is told.";
    }

    /**
     * What a participant is told when the chair postpones the summit: the new date, who and why, as the record
     * says now (a later postponement shows its own date and reason).
     */
    String postponementNotice(Summit summit, String userId) {
        if (summit.getPostponedBy() == null || summit.getPostponedFrom() == null) {
            return "_This summit is not postponed in the record._";
        }
        boolean preWorkIn = summit.participant(userId).map(SummitParticipant::preWorkIn).orElse(false);
        return "The chair, **" + escape(people.nameOf(summit.getPostponedBy())) + "**, postponed *"
                + escape(summit.getTitle()) + "* from " + when.format(summit.getPostponedFrom()) + " to **"
                + when.format(summit.getAt()) + "**.\n\n**Why:** "
                + escape(BoundedText.text(summit.getPostponementReason().strip(), 800, "...")) + "\n\n"
                + (preWorkIn ? "Your pre-work is in and is kept: nothing more is asked of you before the summit."
                        : "Your pre-work is now due by " + when.format(summits.preWorkDue(summit.getAt()).toInstant())
                                + ": the task is in your list again.");
    }

    /**
     * For the chair opening the summit: whose pre-work is missing and whose is in, by name (opening records
     * the missing ones as such).
     */
    String preWorkStatus(Summit summit) {
        List<SummitParticipant> participants = summit.getParticipants();
        List<String> in = participants.stream().filter(SummitParticipant::preWorkIn)
                .map(p -> "- " + escape(people.nameOf(p.userId()))).toList();
        List<String> missing = participants.stream().filter(p -> !p.preWorkIn())
                .map(p -> "- " + escape(people.nameOf(p.userId()))).toList();
        int all = participants.size();
        return "**Pre-work missing** (" + missing.size() + " of " + all + "):\n\n"
                + (missing.isEmpty() ? "- nobody: everyone's pre-work is in" : BoundedText.lines(missing, PEOPLE_BUDGET,
                        more -> "- … and " + more + " more"))
                + "\n\n**Pre-work in** (" + in.size() + " of " + all + "):\n\n"
                + (in.isEmpty() ? "- nobody yet" : BoundedText.lines(in, PEOPLE_BUDGET, more -> "- … and " + more
                        + " more"));
    }

    /**
     * For the chair drafting the vision: each participant's pre-work by name, the engagement today and the
     * engagement wanted per stage of the journey, in the journey's order; whose pre-work is missing last.
     */
    String preWorkContext(Summit summit) {
        List<String> lines = new ArrayList<>();
        for (SummitParticipant participant : summit.getParticipants()) {
            List<SummitParticipant.Assessment> answers = participant.assessments().stream()
                    .sorted((a, b) -> stageOrder(a.stage) - stageOrder(b.stage)).toList();
            if (answers.isEmpty()) {
                continue;
            }
            String name = escape(people.nameOf(participant.userId()));
            for (SummitParticipant.Assessment a : answers) {
                if (a.today == null && a.wanted == null) {
                    continue;
                }
                lines.add("- **" + name + "**, " + stageName(a.stage) + ": today " + quoted(a.today) + "; wanted "
                        + quoted(a.wanted));
            }
        }
        List<String> missing = summit.getParticipants().stream().filter(p -> !p.preWorkIn())
                .map(p -> people.nameOf(p.userId())).toList();
        String tail = missing.isEmpty() ? "" : "\n\nNo pre-work from: " + escape(BoundedText.text(
                String.join(", ", missing), 500, "… and more"));
        String gaps = lines.isEmpty() ? "No participant gave pre-work." : BoundedText.lines(lines,
                BoundedText.DEFAULT_BUDGET - tail.length(), more -> "- … and " + more + " more answers: see the summit's "
                        + "report");
        return gaps + tail;
    }

    /** The objections of the last round, for the chair: who objected, by name, and why. */
    String objectionsSummary(Summit summit) {
        return BoundedText.lines(summit.getParticipants().stream()
                .filter(p -> SummitProcess.OBJECT.equals(p.endorsement()))
                .map(p -> "- **" + escape(people.nameOf(p.userId())) + "**: " + escape(Objects.toString(p.objection(), "")
                        .strip().replaceAll("\\s*\\n\\s*", " ")))
                .toList(), BoundedText.DEFAULT_BUDGET, more -> "- … and " + more + " more objections");
    }

    /** The vision as it stands (the one the participants endorse, or objected to), as typed. */
    String vision(Summit summit) {
        String vision = summit.getVision();
        return vision == null || vision.isBlank() ? "_No vision is drafted yet._"
                : escape(BoundedText.text(vision.strip(), BoundedText.DEFAULT_BUDGET, "…"));
    }

    /** Touchpoints several functions work on while no charter covers them, for the chair deciding the outcome. */
    String siloSummary(Summit summit) {
        List<Summits.Silo> silos = summits.silos(summit);
        if (silos.isEmpty()) {
            return "No silos found: every touchpoint several functions work on is covered by the charter.";
        }
        return BoundedText.lines(silos.stream().map(s -> "- **" + escape(s.touchpoint()) + "**: "
                + escape(String.join(", ", s.functions())) + " work on it and no charter says who owns it").toList(),
                BoundedText.DEFAULT_BUDGET, more -> "- … and " + more + " more: see the summit's report");
    }

    private static int stageOrder(String stage) {
        try {
            return JourneyStage.valueOf(stage).ordinal();
        } catch (IllegalArgumentException e) {
            return JourneyStage.values().length;
        }
    }

    /** "EXPERIENCE" as "Experience". */
    private static String stageName(String stage) {
        return stage.isEmpty() ? stage : stage.charAt(0) + stage.substring(1).toLowerCase(Locale.ROOT);
    }

    private static String quoted(String text) {
        return text == null ? "(not said)" : "“" + escape(text.strip().replaceAll("\\s*\\n\\s*", " ")) + "”";
    }
}
