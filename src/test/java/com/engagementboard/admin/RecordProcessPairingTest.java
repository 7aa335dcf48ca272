package com.engagementboard.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.engagementboard.admin.RecordProcessPairing.Running;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Records against running instances: what agrees, and each way they can disagree. */
class RecordProcessPairingTest {

    private final RecordProcessPairing meetings = new RecordProcessPairing("board-meeting", "board-meeting",
            "meeting-", Set.of("SCHEDULED", "IN_SESSION"));

    @Test
    void recordsWhoseInstancesRunWhileTheyShouldAndOnlyThenAgree() {
        assertThat(meetings.compare(Map.of(1L, "SCHEDULED", 2L, "IN_SESSION", 3L, "CLOSED"),
                List.of(new Running("pi-1", "meeting-1"), new Running("pi-2", "meeting-2")))).isEmpty();
        assertThat(meetings.compare(Map.of(), List.of())).isEmpty();
    }

    @Test
    void aRecordThatShouldHaveARunningInstanceAndHasNoneIsReported() {
        assertThat(meetings.compare(Map.of(7L, "SCHEDULED"), List.of(new Running("pi-9", "meeting-9"))))
                .contains(new Mismatch(Mismatch.Kind.RECORD_WITHOUT_PROCESS, "board-meeting", "7",
                        "board-meeting 7 is SCHEDULED, but no board-meeting instance with business key meeting-7 is "
                                + "running"));
    }

    @Test
    void anInstanceStillRunningForASettledRecordIsReported() {
        List<Mismatch> found = meetings.compare(Map.of(3L, "CLOSED"), List.of(new Running("pi-3", "meeting-3")));
        assertThat(found).singleElement().satisfies(m -> {
            assertThat(m.kind()).isEqualTo(Mismatch.Kind.PROCESS_FOR_SETTLED_RECORD);
            assertThat(m.id()).isEqualTo("3");
            assertThat(m.detail()).contains("CLOSED").contains("pi-3").contains("still running");
        });
    }

    @Test
    void aSettledRecordWindingDownMayHaveItsInstanceOrNoneButOtherSettledRecordsMayNot() {
        RecordProcessPairing summits = new RecordProcessPairing("summit", "engagement-summit", "summit-",
                Set.of("CONVENED"), Set.of("CANCELLED"));
        assertThat(summits.compare(Map.of(1L, "CANCELLED", 2L, "CANCELLED"), List.of(new Running("pi-1", "summit-1"))))
                .as("a cancelled summit's notices may still be open, or all read").isEmpty();
        assertThat(summits.compare(Map.of(3L, "CLOSED"), List.of(new Running("pi-3", "summit-3"))))
                .extracting(Mismatch::kind).containsExactly(Mismatch.Kind.PROCESS_FOR_SETTLED_RECORD);
    }

    @Test
    void instancesWhoseBusinessKeyNamesNoRecordAreReported() {
        List<Mismatch> found = meetings.compare(Map.of(1L, "CLOSED"), List.of(new Running("pi-a", "meeting-404"),
                new Running("pi-b", null), new Running("pi-c", "summit-1"), new Running("pi-d", "meeting-x")));
        assertThat(found).extracting(Mismatch::kind).containsOnly(Mismatch.Kind.PROCESS_WITHOUT_RECORD);
        assertThat(found).extracting(Mismatch::id).containsExactly("404", "(none)", "summit-1", "meeting-x");
        assertThat(found.get(0).detail()).contains("pi-a").contains("meeting-404");
        assertThat(found.get(1).detail()).contains("(none)");
    }

    @Test
    void twoInstancesForOneRecordAreReported() {
        List<Mismatch> found = meetings.compare(Map.of(5L, "SCHEDULED"),
                List.of(new Running("pi-1", "meeting-5"), new Running("pi-2", "meeting-5")));
        assertThat(found).singleElement().satisfies(m -> {
            assertThat(m.kind()).isEqualTo(Mismatch.Kind.DUPLICATE_PROCESSES);
            assertThat(m.detail()).contains("pi-1").contains("pi-2");
        });
    }
}
