package com.engagementboard.summit;

import com.engagementboard.organisation.People;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The summit's report: the vision, the plan, the sourcing, what it founded, and what changed since the last. */
@Service
class SummitReport {

    record ParticipantView(String user, boolean preWorkSubmitted, String endorsement, String objection) {
    }

    record AssessmentView(String user, String stage, String today, String wanted, String evidence) {
    }

    record PlanView(String touchpoint, String name, String activity, String functions, String dependsOn,
            String design, String build, String operate, String renew) {
    }

    record SourcingView(SourcingElement element, String label, String mode, String partners, String reason) {
    }

    record Changes(Long previousSummit, String previousTitle, boolean visionChanged, String previousVision,
            List<String> sourcingChanges, String previousOutcome) {
    }

    /** The chair cancelled the summit: who (by name), when, why. */
    record Cancellation(String by, Instant at, String reason) {
    }

    /** The chair last postponed the summit: who (by name), when it was to meet before, when she did it, why. */
    record Postponement(String by, Instant from, Instant at, String reason) {
    }

    record Report(Long id, String title, Instant at, String chair, String status, List<ParticipantView> participants,
            List<String> missingPreWork, List<String> coverageWarnings, List<AssessmentView> assessments, String vision,
            int visionRounds, String dissent, List<PlanView> plan, String silos, List<SourcingView> sourcing,
            String outcome, String existingBody, Long charterDraftId, Changes changesSinceLastSummit,
            Cancellation cancellation, Postponement postponement) {
    }

    private final Summits summits;
    private final People people;

    SummitReport(Summits summits, People people) {
        this.summits = summits;
        this.people = people;
    }

    @Transactional(readOnly = true)
    Report of(long id) {
        Summit s = summits.get(id);
        List<ParticipantView> participants = s.getParticipants().stream()
                .map(p -> new ParticipantView(p.userId(), p.preWorkIn(), p.endorsement(), p.objection())).toList();
        return new Report(s.getId(), s.getTitle(), s.getAt(), s.getChair(), s.getStatus().name(), participants,
                s.getOpenedAt() == null ? List.of() : participants.stream().filter(p -> !p.preWorkSubmitted())
                        .map(ParticipantView::user).toList(),
                summits.coverageWarnings(s),
                s.getParticipants().stream().flatMap(p -> p.assessments().stream()
                        .map(a -> new AssessmentView(p.userId(), a.stage, a.today, a.wanted, a.evidence))).toList(),
                s.getVision(), s.getVisionRounds(), s.getDissent(),
                s.getPlan().stream().map(p -> new PlanView(p.touchpoint.getCode(), p.touchpoint.getName(), p.activity,
                        p.functions, p.dependsOn, p.design, p.build, p.operate, p.renew)).toList(),
                s.getSilos(), sourcing(s), s.getOutcome(), s.getExistingBody(), s.getCharterDraftId(), changes(s),
                s.getCancelledAt() == null ? null : new Cancellation(people.nameOf(s.getCancelledBy()),
                        s.getCancelledAt(), s.getCancellationReason()),
                s.getPostponedAt() == null ? null : new Postponement(people.nameOf(s.getPostponedBy()),
                        s.getPostponedFrom(), s.getPostponedAt(), s.getPostponementReason()));
    }

    static List<SourcingView> sourcing(Summit s) {
        return s.getSourcing().stream().map(x -> new SourcingView(x.element, x.element.label(), x.mode, x.partners,
                x.reason)).sorted((a, b) -> a.element().compareTo(b.element())).toList();
    }

    private Changes changes(Summit s) {
        return summits.previous(s).map(previous -> {
            List<String> sourcing = new ArrayList<>();
            for (SourcingElement element : SourcingElement.values()) {
                String before = previous.getSourcing().stream().filter(x -> x.element == element).map(x -> x.mode)
                        .findFirst().orElse(null);
                String now = s.getSourcing().stream().filter(x -> x.element == element).map(x -> x.mode).findFirst()
                        .orElse(null);
                if (now != null && !Objects.equals(before, now)) {
                    sourcing.add(element.label() + ": " + Objects.toString(before, "undecided") + " → " + now);
                }
            }
            return new Changes(previous.getId(), previous.getTitle(),
                    s.getVision() != null && !Objects.equals(previous.getVision(), s.getVision()), previous.getVision(),
                    sourcing, previous.getOutcome());
        }).orElse(null);
    }

    @Transactional(readOnly = true)
    List<SourcingView> register() {
        return summits.lastWithSourcing().map(SummitReport::sourcing).orElse(List.of());
    }
}
