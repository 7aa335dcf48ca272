package com.engagementboard.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.engagementboard.audit.AuditEntry.Action;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** How the changes of one transaction fold into lines, and how a line stays within its column. */
class PendingAuditTest {

    private static final Instant NOW = Instant.parse("2025-03-01T09:00:00Z");

    private static PendingChange change(Action action, Map<String, Object> before, Map<String, Object> after) {
        return new PendingChange(NOW, "cmo", "Touchpoint", "7", action, before, after);
    }

    private static Map<String, Object> state(Object... pairs) {
        Map<String, Object> state = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            state.put((String) pairs[i], pairs[i + 1]);
        }
        return state;
    }

    @Test
    void twoUpdatesOfOneRecordInOneTransactionAreOneLineFromFirstBeforeToLastAfter() {
        PendingChange first = change(Action.UPDATED, state("name", "A", "priority", 1), state("name", "B",
                "priority", 2));
        assertThat(first.absorb(change(Action.UPDATED, state("name", "B", "channel", "Mail"),
                state("name", "C", "channel", "Post")))).isTrue();
        first.settled();
        assertThat(first.before).containsExactlyInAnyOrderEntriesOf(state("name", "A", "priority", 1,
                "channel", "Mail"));
        assertThat(first.after).containsExactlyInAnyOrderEntriesOf(state("name", "C", "priority", 2,
                "channel", "Post"));
    }

    @Test
    void anUpdateThatEndsWhereItStartedLeavesNoLine() {
        PendingChange there = change(Action.UPDATED, state("name", "A"), state("name", "B"));
        there.absorb(change(Action.UPDATED, state("name", "B"), state("name", "A")));
        assertThat(there.settled().isEmpty()).isTrue();
    }

    @Test
    void anUpdateOfANewRecordFoldsIntoItsCreationButNothingFoldsIntoARemoval() {
        PendingChange created = change(Action.CREATED, null, state("name", "A", "scope", List.of()));
        assertThat(created.absorb(change(Action.UPDATED, state("scope", null), state("scope", List.of(3, 4)))))
                .isTrue();
        assertThat(created.after).containsEntry("scope", List.of(3, 4)).containsEntry("name", "A");
        assertThat(created.before).isNull();

        PendingChange deleted = change(Action.DELETED, state("name", "A"), null);
        assertThat(deleted.absorb(change(Action.UPDATED, state("name", "A"), state("name", "B")))).isFalse();
    }

    @Test
    void aHugeStateStillFitsItsColumnAsJson() throws Exception {
        Map<String, Object> huge = new HashMap<>();
        huge.put("notes", "x".repeat(100_000));
        huge.put("participants", IntStream.range(0, 500).mapToObj(i -> Map.of("objection", "y".repeat(900)))
                .toList());
        String json = PendingAudit.json(huge);
        assertThat(json.length()).isLessThanOrEqualTo(AuditEntry.MAX_STATE_LENGTH);
        JsonNode parsed = new ObjectMapper().readTree(json);
        assertThat(parsed.isObject()).isTrue();

        assertThat(PendingAudit.json(Collections.singletonMap("name", "short"))).isEqualTo("{\"name\":\"short\"}");
        assertThat(PendingAudit.json(null)).isNull();
    }
}
