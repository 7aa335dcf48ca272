package com.engagementboard.board;

import com.engagementboard.charter.TouchpointCharterProcess;
import com.engagementboard.organisation.People;
import com.engagementboard.web.BoundedText;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The board's ruling on a charter dispute goes back to the charter: the message its process waits for, with
 * the ruling in words (bounded; the register holds the whole decision). A version withdrawn or superseded
 * meanwhile no longer waits: the decision stays in the register and nothing fails for want of a receiver.
 * Nor does a version whose dispute went back to the chair (the board did not rule in time) and that she sent
 * to the board again: only a ruling on the newest dispute item of the version reaches its process, so a late
 * ruling on the older item never settles the proposal she sent since.
 */
@Service
class DisputeRulings {

    private static final Logger LOG = LoggerFactory.getLogger(DisputeRulings.class);

    private final VoteRepository votes;
    private final AgendaItemRepository items;
    private final RuntimeService runtime;
    private final People people;

    DisputeRulings(VoteRepository votes, AgendaItemRepository items, RuntimeService runtime, People people) {
        this.votes = votes;
        this.items = items;
        this.runtime = runtime;
        this.people = people;
    }

    /** Tells the charter version's process how the board ruled (all its instances that wait, or none). */
    void tellCharter(Decision decision, AgendaItem item) {
        Long newest = items.findFirstByKindAndCharterVersionIdOrderByIdDesc(AgendaItem.Kind.CHARTER_DISPUTE,
                item.getCharterVersionId()).map(AgendaItem::getId).orElse(item.getId());
        if (!newest.equals(item.getId())) {
            LOG.info("Decision {} ruled on dispute item {} of charter version {}, sent to the board again since as "
                    + "item {}: the charter waits for the ruling on that one", decision.getId(), item.getId(),
                    item.getCharterVersionId(), newest);
            return;
        }
        boolean received = !runtime.createMessageCorrelation(TouchpointCharterProcess.MESSAGE_BOARD_RULED)
                .processInstanceBusinessKey(TouchpointCharterProcess.businessKey(item.getCharterVersionId()))
                .setVariable(TouchpointCharterProcess.Variables.BOARD_APPROVED,
                        BoardMeetingProcess.APPROVED.equals(decision.getOutcome()))
                .setVariable(TouchpointCharterProcess.Variables.RULING_SUMMARY, ruling(decision))
                .correlateAllWithResult().isEmpty();
        if (!received) {
            LOG.info("Decision {} ruled on a dispute of charter version {}, which no longer waits for it",
                    decision.getId(), item.getCharterVersionId());
        }
    }

    /** For the charter's process (a variable): bounded, the register holds the whole decision. */
    private String ruling(Decision decision) {
        return BoundedText.text(rulingText(decision), BoundedText.DEFAULT_BUDGET,
                "_... the whole ruling is decision " + decision.getId() + " in the board's register_");
    }

    private String rulingText(Decision decision) {
        String said = BoardMeetings.said(votes.findByMeetingIdAndItemIdOrderByCastAt(decision.getMeetingId(),
                decision.getItemId()),
                people);
        return "The board " + (BoardMeetingProcess.APPROVED.equals(decision.getOutcome()) ? "approved" : "rejected")
                + " the proposal: " + decision.getDecisionAsked() + "\n\n**Votes:** "
                + (said.isEmpty() ? "none (escalated)" : said)
                + (decision.getCeoComment() == null ? "" : "\n\n**The CEO:** " + decision.getCeoComment());
    }
}
