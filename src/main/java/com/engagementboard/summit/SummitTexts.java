package com.engagementboard.summit;

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
 * objections). Each is bounded to what a text variable holds. {@link Summits} changes the record; this only
 * reads it.
 */
@Service
class SummitTexts {

    /** A summit's day and hour, said in the company's zone. */
    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy, HH:mm", Locale.ENGLISH);

    /** Room for one list of people in a form's context: two lists fit a text variable of 4,000 characters. */
    static final int PEOPLE_BUDGET = 1_600;

    private final Summits summits;
    private final People people;
    private final DateTimeFormatter when;

    SummitTexts(Summits summits, People people, Clock clock) {
        this.summits = summits;
        this.people = people;
        this.when = WHEN.withZone(clock.getZone());
    }

    /** What each participant is told when the chair cancels the summit: who, when and why. */
    @Transactional(readOnly = true)
    String cancellationNotice(long summitId) {
        Summit summit = summits.get(summitId);
        return "The chair, **" + people.nameOf(summit.getCancelledBy()) + "**, cancelled *" + summit.getTitle()
                + "* (it was to meet on " + when.format(summit.getAt()) + ").\n\n**Why:** "
                + BoundedText.text(summit.getCancellationReason(), 800, "...")
                + "\n\nAny task of this summit still open in your list has ended; nothing more is asked of you.";
    }

    /** What the chair and each participant are told when the summit lapses. */
    @Transactional(readOnly = true)
    String lapseNotice(long summitId) {
        Summit summit = summits.get(summitId);
        return "*" + summit.getTitle() + "* (to meet on " + when.format(summit.getAt()) + ") **lapsed** on "
                + when.format(summit.getCancelledAt()) + ".\n\n**Why:** " + summit.getCancellationReason()
                + ".\n\nAny task of this summit still open in your list has ended. It founded nothing; the chair "
                + "can convene a new summit.";
    }

    /** The comment on the chair's overdue step: what is overdue and when the summit lapses. */
    @Transactional(readOnly = true)
    String chairReminder(long summitId, java.util.Date lapses) {
        Summit summit = summits.get(summitId);
        return "Overdue: " + summit.getTitle() + " was to meet on " + when.format(summit.getAt()) + ". Record its "
                + "work here, or cancel it on its page; if it is not closed by " + when.format(lapses.toInstant())
                + ", it lapses and everyone is told.";
    }

    /** What each participant is told when the chair postpones the summit: the new date, who and why. */
    @Transactional(readOnly = true)
    String postponementNotice(long summitId, String userId) {
        Summit summit = summits.get(summitId);
        boolean preWorkIn = summit.participant(userId).map(SummitParticipant::preWorkIn).orElse(false);
        return "The chair, **" + people.nameOf(summit.getPostponedBy()) + "**, postponed *" + summit.getTitle()
                + "* from " + when.format(summit.getPostponedFrom()) + " to **" + when.format(summit.getAt())
                + "**.\n\n**Why:** " + BoundedText.text(summit.getPostponementReason(), 800, "...") + "\n\n"
                + (preWorkIn ? "Your pre-work is in and is kept: nothing more is asked of you before the summit."
                        : "Your pre-work is now due by " + when.format(summits.preWorkDue(summit.getAt()).toInstant())
                                + ": the task is in your list again.");
    }

    /**
     * For the chair opening the summit: whose pre-work is missing and whose is in, by name (opening records
     * the missing ones as such).
     */
    @Transactional(readOnly = true)
    String preWorkStatus(long summitId) {
        List<SummitParticipant> participants = summits.get(summitId).getParticipants();
        List<String> in = participants.stream().filter(SummitParticipant::preWorkIn)
                .map(p -> "- " + people.nameOf(p.userId())).toList();
        List<String> missing = participants.stream().filter(p -> !p.preWorkIn())
                .map(p -> "- " + people.nameOf(p.userId())).toList();
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
    @Transactional(readOnly = true)
    String preWorkContext(long summitId) {
        Summit summit = summits.get(summitId);
        List<String> lines = new ArrayList<>();
        for (SummitParticipant participant : summit.getParticipants()) {
            List<SummitParticipant.Assessment> answers = participant.assessments().stream()
                    .sorted((a, b) -> stageOrder(a.stage) - stageOrder(b.stage)).toList();
            if (answers.isEmpty()) {
                continue;
            }
            String name = people.nameOf(participant.userId());
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
        String tail = missing.isEmpty() ? "" : "\n\nNo pre-work from: " + BoundedText.text(String.join(", ", missing),
                500, "… and more");
        String gaps = lines.isEmpty() ? "No participant gave pre-work." : BoundedText.lines(lines,
                BoundedText.DEFAULT_BUDGET - tail.length(), more -> "- … and " + more + " more answers: see the summit's "
                        + "report");
        return gaps + tail;
    }

    /** The objections of the last round, for the chair: who objected, by name, and why. */
    @Transactional(readOnly = true)
    String objectionsSummary(long summitId) {
        return BoundedText.lines(summits.objections(summitId).stream()
                .map(p -> "- **" + people.nameOf(p.userId()) + "**: " + Objects.toString(p.objection(), "").strip()
                        .replaceAll("\\s*\\n\\s*", " "))
                .toList(), BoundedText.DEFAULT_BUDGET, more -> "- … and " + more + " more objections");
    }

    /** The vision as it stands, as the objections read it (bounded to a text variable). */
    @Transactional(readOnly = true)
    String currentVision(long summitId) {
        return BoundedText.text(summits.get(summitId).getVision(), BoundedText.DEFAULT_BUDGET, "…");
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
        return text == null ? "(not said)" : "“" + text.replaceAll("\\s*\\n\\s*", " ") + "”";
    }
}
