package com.engagementboard.board;

import static com.engagementboard.engine.Markdown.escape;

import com.engagementboard.charter.LateRulings;
import com.engagementboard.charter.TouchpointCharterProcess;
import com.engagementboard.organisation.People;
import com.engagementboard.web.BoundedText;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The board's ruling on a charter dispute goes back to the charter: the message its process waits for, with
 * the ruling in words (bounded; the register holds the whole decision). Only a ruling on the newest dispute
 * item of the version reaches its process, so a late ruling on an older item never settles a proposal the
 * chair sent since.
 * <p>
 * A ruling no charter process waits for (the chair took the dispute back when the board did not rule in time,
 * and its item was already on a published agenda; or the version was withdrawn or superseded meanwhile) is an
 * outcome, not a lost message: it starts the item's {@code agenda-item} process at <i>The board ruled, no
 * charter waits</i>, which notes it on the charter version and tells the chair (a notice that expires).
 */
@Service
class DisputeRulings {

    private final VoteRepository votes;
    private final AgendaItemRepository items;
    private final DecisionRepository decisions;
    private final RuntimeService runtime;
    private final People people;
    private final LateRulings late;

    DisputeRulings(VoteRepository votes, AgendaItemRepository items, DecisionRepository decisions,
            RuntimeService runtime, People people, LateRulings late) {
        this.votes = votes;
        this.items = items;
        this.decisions = decisions;
        this.runtime = runtime;
        this.people = people;
        this.late = late;
    }

    /** Tells the charter version's process how the board ruled; if none waits, the chair hears of it late. */
    void tellCharter(Decision decision, AgendaItem item) {
        Long newest = items.findFirstByKindAndCharterVersionIdOrderByIdDesc(AgendaItem.Kind.CHARTER_DISPUTE,
                item.getCharterVersionId()).map(AgendaItem::getId).orElse(item.getId());
        boolean received = newest.equals(item.getId())
                && !runtime.createMessageCorrelation(TouchpointCharterProcess.MESSAGE_BOARD_RULED)
                        .processInstanceBusinessKey(TouchpointCharterProcess.businessKey(item.getCharterVersionId()))
                        .setVariable(TouchpointCharterProcess.Variables.BOARD_APPROVED,
                                BoardMeetingProcess.APPROVED.equals(decision.getOutcome()))
                        // The words, for the charter's record: transient, never stored in the engine.
                        .setVariable(TouchpointCharterProcess.Variables.RULING_SUMMARY,
                                org.camunda.bpm.engine.variable.Variables.stringValue(ruling(decision), true))
                        .correlateAllWithResult().isEmpty();
        if (!received) {
            // Set and cleared in this one transaction: the late-ruling start and its record run synchronously
            // in the correlation below (keep them so: a save point there would let a message sent by hand take
            // the pending ruling first).
            item.lateRuling();
            items.saveAndFlush(item);
            runtime.createMessageCorrelation(AgendaItemProcess.Messages.LATE_RULING)
                    .processInstanceBusinessKey(AgendaItemProcess.BUSINESS_KEY_PREFIX + item.getId())
                    .correlateStartMessage();
        }
    }


    /**
     * The check and the record behind <i>Record the late ruling with the charter</i>: the item must be a
     * decided charter dispute whose ruling found no charter waiting and is not yet told (a message the register
     * does not back, or a second one, is refused, 409, and ends nothing). The
     * ruling is noted on the charter version while it is open (a draft or in acceptance).
     */
    @Transactional
    String recordLate(long itemId) {
        AgendaItem item = items.findById(itemId).orElseThrow();
        item.lateRulingRecorded();
        Decision decision = decisions.findFirstByItemIdOrderByIdDesc(itemId).orElseThrow();
        late.note(item.getCharterVersionId(), lateNote(itemId, decision));
        return item.getTitle();
    }

    /** The note a late ruling leaves on the charter version (while it is open). */
    static String lateNote(long itemId, Decision decision) {
        return "The board " + (BoardMeetingProcess.APPROVED.equals(decision.getOutcome()) ? "approved" : "rejected")
                + " the proposal of dispute item " + itemId + " (decision " + decision.getId() + ") after the "
                + "dispute had gone back to the chair; the ruling changes nothing by itself.";
    }

    /**
     * What the chair's notice of a late ruling says, in markdown, from the register as it stands when she reads
     * it: the item must be a decided dispute; its decision, and whether the charter version noted it. People's
     * words are escaped; bounded (the register holds the whole decision).
     */
    @Transactional(readOnly = true)
    String lateRulingNotice(long itemId) {
        AgendaItem item = items.findById(itemId).orElse(null);
        Decision decision = item == null || item.getKind() != AgendaItem.Kind.CHARTER_DISPUTE ? null
                : decisions.findFirstByItemIdOrderByIdDesc(itemId).orElse(null);
        if (decision == null) {
            return "_No ruling of the board on this item is in its register._";
        }
        long version = item.getCharterVersionId();
        String said = "No charter process waited for this ruling any more: the dispute had gone back to you, or "
                + "the version was withdrawn or superseded. It changes nothing by itself; decide in the charter "
                + "whether it should.\n\n**Charter:** " + late.name(version)
                + (late.noted(version, lateNote(itemId, decision)) ? ", the ruling noted on it" : "") + "\n\n";
        return said + BoundedText.text(escape(ruling(decision)), BoundedText.DEFAULT_BUDGET - said.length(),
                "_... the whole ruling is decision " + decision.getId() + " in the board's register_");
    }

    /**
     * The ruling in plain words (no markdown: what reaches the charter's record, and what a form escapes):
     * the outcome, the decision asked, the votes by name, the CEO's comment. Bounded: the register holds it all.
     */
    private String ruling(Decision decision) {
        String said = BoardMeetings.said(votes.findByMeetingIdAndItemIdOrderByCastAt(decision.getMeetingId(),
                decision.getItemId()),
                people);
        return BoundedText.text("The board " + (BoardMeetingProcess.APPROVED.equals(decision.getOutcome())
                ? "approved" : "rejected") + " the proposal: " + decision.getDecisionAsked() + "\n\nVotes: "
                + (said.isEmpty() ? "none (escalated)" : said)
                + (decision.getCeoComment() == null ? "" : "\n\nThe CEO: " + decision.getCeoComment()),
                BoundedText.DEFAULT_BUDGET, "... the whole ruling is decision " + decision.getId()
                        + " in the board's register");
    }
}
