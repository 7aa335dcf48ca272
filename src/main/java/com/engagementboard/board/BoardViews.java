package com.engagementboard.board;

import java.time.Instant;
import java.util.List;

/** What the board API answers with. */
final class BoardViews {

    private BoardViews() {
    }

    record ItemView(Long id, String kind, String title, String decisionAsked, String author, String status,
            List<String> touchpoints, String factBase, String returnReason, Long charterVersionId,
            List<ActionView> actions, Instant withdrawnAt, String withdrawalReason) {

        static ItemView of(AgendaItem item) {
            return new ItemView(item.getId(), item.getKind().name(), item.getTitle(), item.getDecisionAsked(),
                    item.getAuthor(), item.getStatus().name(), item.getTouchpoints().stream().map(t -> t.getCode())
                            .toList(), item.factBase(), item.getReturnReason(), item.getCharterVersionId(),
                    item.getActions().stream().map(a -> new ActionView(a.getTouchpoint().getCode(), a.getDescription(),
                            a.isBuild() ? "BUILD" : "OPERATE", a.getDueDays())).toList(), item.getWithdrawnAt(),
                    item.getWithdrawalReason());
        }
    }

    /** An action the item proposes, created for the touchpoint's owner of that right if the board approves. */
    record ActionView(String touchpoint, String description, String right, int dueInDays) {
    }

    record AgendaEntry(int position, Long itemId, String title, String result) {
    }

    record MeetingView(Long id, String kind, String status, Instant scheduledAt, Instant agendaCutoff, Instant endsAt,
            String calledBy, String reason, List<AgendaEntry> agenda, CallOff calledOff) {
    }

    /** The chair called the meeting off: who (user id), when, why. */
    record CallOff(String by, Instant at, String reason) {
    }

    record DecisionView(Long id, Long meetingId, Long itemId, String outcome, String title, String decisionAsked,
            String factBase, String votes, String tieBrokenBy, boolean escalated, String recommendation,
            String ceoDecision, String ceoComment, Long charterVersionId, List<String> touchpoints,
            List<String> functions, Long supersedes, Instant decidedAt) {

        static DecisionView of(Decision d) {
            return new DecisionView(d.getId(), d.getMeetingId(), d.getItemId(), d.getOutcome(), d.getTitle(),
                    d.getDecisionAsked(), d.getFactBase(), d.getVotes(), d.getTieBrokenBy(), d.isEscalated(),
                    d.getRecommendation(), d.getCeoDecision(), d.getCeoComment(), d.getCharterVersionId(),
                    split(d.getTouchpoints()), split(d.getFunctions()), d.getSupersedesId(), d.getDecidedAt());
        }

        private static List<String> split(String value) {
            return value == null || value.isBlank() ? List.of() : List.of(value.split(","));
        }
    }
}
