package com.engagementboard.summit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.engagementboard.web.IllegalTransitionException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The summit's transitions as {@code engagement-summit.bpmn} walks them: convened (pre-work), in session
 * (vision, plan, sourcing, outcome), closed for good; cancelled by the chair from either of the first two, for
 * good too. Each state is reached along that path, then every move and every piece of work is tried from it.
 */
class SummitTransitionsTest {

    private static final Instant NOW = Instant.parse("2026-12-07T09:00:00Z");

    private static Summit summitIn(Summit.Status status) {
        Summit summit = new Summit("Summit", NOW, "cmo", List.of("marketing.head", "retail.head"), NOW);
        if (status == Summit.Status.CANCELLED) {
            summit.cancel(NOW, "cmo", "The merger");
        }
        if (status == Summit.Status.IN_SESSION || status == Summit.Status.CLOSED) {
            summit.open(NOW);
        }
        if (status == Summit.Status.CLOSED) {
            summit.close(NOW.plusSeconds(3_600));
        }
        assertThat(summit.getStatus()).isEqualTo(status);
        return summit;
    }

    @Test
    void theTableIsConvenedThenInSessionThenClosed() {
        for (Summit.Status from : Summit.Status.values()) {
            for (Summit.Status to : Summit.Status.values()) {
                boolean expected = from == Summit.Status.CONVENED && to == Summit.Status.IN_SESSION
                        || from == Summit.Status.IN_SESSION && to == Summit.Status.CLOSED
                        || (from == Summit.Status.CONVENED || from == Summit.Status.IN_SESSION)
                                && to == Summit.Status.CANCELLED;
                assertThat(from.canMoveTo(to)).as("%s -> %s", from, to).isEqualTo(expected);
            }
        }
    }

    @Test
    void eachMoveAndEachPieceOfWorkPassesOnlyInItsState() {
        Map<String, Consumer<Summit>> preWork = Map.of("preWork", s -> s.preWork("marketing.head",
                List.of(new SummitParticipant.Assessment("BUY", "slow", "fast", null)), NOW));
        Map<String, Consumer<Summit>> sessionWork = new LinkedHashMap<>();
        sessionWork.put("vision", s -> s.vision("Advice first"));
        sessionWork.put("endorse", s -> s.endorse("retail.head", SummitProcess.ENDORSE, null));
        sessionWork.put("dissent", s -> s.dissent("retail.head: too vague"));
        sessionWork.put("plan", s -> s.plan(List.of()));
        sessionWork.put("silos", s -> s.silos("- call centre"));
        sessionWork.put("sourcing", s -> s.sourcing(List.of()));
        sessionWork.put("outcome", s -> s.outcome(SummitProcess.NAME_EXISTING_BODY, "Brand council"));
        sessionWork.put("charterDraft", s -> s.charterDraft(7));
        sessionWork.put("close", s -> s.close(NOW));
        sessionWork.put("closeEndorsement", Summit::closeEndorsement);
        Map<String, Consumer<Summit>> beforeOpening = Map.of("open", s -> s.open(NOW),
                "postpone", s -> s.postpone(NOW.plusSeconds(86_400), NOW, "cmo", "Later"));
        Map<String, Consumer<Summit>> cancelling = Map.of("cancel", s -> s.cancel(NOW, "cmo", "Called off"));

        for (Summit.Status state : Summit.Status.values()) {
            check(state, preWork, state == Summit.Status.CONVENED);
            check(state, beforeOpening, state == Summit.Status.CONVENED);
            check(state, sessionWork, state == Summit.Status.IN_SESSION);
            check(state, cancelling, state == Summit.Status.CONVENED || state == Summit.Status.IN_SESSION);
        }
    }

    private static void check(Summit.Status state, Map<String, Consumer<Summit>> work, boolean allowed) {
        for (Map.Entry<String, Consumer<Summit>> each : work.entrySet()) {
            Summit summit = summitIn(state);
            if (allowed) {
                each.getValue().accept(summit);
            } else {
                assertThatThrownBy(() -> each.getValue().accept(summit)).as("%s when %s", each.getKey(), state)
                        .isInstanceOf(IllegalTransitionException.class).hasMessageContaining("is " + state);
                assertThat(summit.getStatus()).isEqualTo(state);
                assertThat(summit.getVision()).isNull();
                assertThat(summit.getOutcome()).isNull();
                assertThat(summit.getParticipants()).allMatch(p -> p.endorsement() == null && !p.preWorkIn()
                        && p.assessments().isEmpty());
                assertThat(summit.getAt()).isEqualTo(NOW);
            }
        }
    }

    @Test
    void aFinishedSummitIsNeverReopened() {
        Summit closed = summitIn(Summit.Status.CLOSED);
        Instant closedAt = closed.getClosedAt();
        Instant openedAt = closed.getOpenedAt();

        assertThatThrownBy(() -> closed.open(NOW.plusSeconds(7_200))).isInstanceOf(IllegalTransitionException.class)
                .hasMessage("Summit null is CLOSED, so it cannot be opened; that is possible only when it is "
                        + "CONVENED.");
        assertThatThrownBy(() -> closed.close(NOW.plusSeconds(7_200))).isInstanceOf(IllegalTransitionException.class);
        assertThat(closed.getStatus()).isEqualTo(Summit.Status.CLOSED);
        assertThat(closed.getOpenedAt()).isEqualTo(openedAt);
        assertThat(closed.getClosedAt()).isEqualTo(closedAt);
    }

    @Test
    void theListsAreChangedOnlyThroughTheSummit() {
        Summit summit = summitIn(Summit.Status.CLOSED);
        assertThatThrownBy(() -> summit.getPlan().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> summit.getSourcing().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> summit.getParticipants().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> summit.getParticipants().get(0).assessments().clear())
                .isInstanceOf(UnsupportedOperationException.class);
    }
}
