package com.engagementboard.change;

import com.engagementboard.organisation.BusinessFunction;
import com.engagementboard.web.PersonNames;
import java.time.Instant;
import java.util.List;

/** What the API answers about changes and standing permissions. */
final class ChangeViews {

    private ChangeViews() {
    }

    /** A change: what was proposed, where it stands, who decided, built and confirmed it; with its history. */
    record ChangeView(long id, String touchpoint, String touchpointName, String proposer, String proposerName,
            String whatChange, String why, String evidence, String urgency, long estimatedCost,
            List<String> functionsAffected, String status, String route, String routeReason,
            Long standingPermission, String designOwner, String buildOwner, String operateOwner, boolean charterGap,
            Long agendaItem, String decidedBy, String decisionNote, Instant buildDue, String builtBy,
            Instant builtAt, String confirmedBy, Instant liveAt, Instant createdAt, Instant updatedAt,
            List<EventView> history) {

        static ChangeView of(TouchpointChange c, List<EventView> history, PersonNames people) {
            return new ChangeView(c.getId(), c.getTouchpoint() == null ? null : c.getTouchpoint().getCode(),
                    c.getTouchpoint() == null ? null : c.getTouchpoint().getName(), c.getProposer(),
                    people.nameOf(c.getProposer()), c.getWhatChange(), c.getWhy(), c.getEvidence(),
                    c.getUrgency().name(), c.getEstimatedCost(),
                    c.getFunctionsAffected().stream().map(BusinessFunction::getCode).sorted().toList(),
                    c.getStatus().name(), c.getRoute(), c.getRouteReason(),
                    c.getStandingPermission() == null ? null : c.getStandingPermission().getId(),
                    code(c.getDesignFunction()), code(c.getBuildFunction()), code(c.getOperateFunction()),
                    c.isCharterGap(), c.getAgendaItemId(), c.getDecidedBy(), c.getDecisionNote(), c.getBuildDue(),
                    c.getBuiltBy(), c.getBuiltAt(), c.getConfirmedBy(), c.getLiveAt(), c.getCreatedAt(),
                    c.getUpdatedAt(), history);
        }

        private static String code(BusinessFunction function) {
            return function == null ? null : function.getCode();
        }
    }

    /** One step of a change's history. */
    record EventView(Instant at, String actor, String actorName, String kind, String note) {

        static EventView of(ChangeEvent e, PersonNames people) {
            return new EventView(e.getAt(), e.getActor(), people.nameOf(e.getActor()), e.getKind(), e.getNote());
        }
    }

    /** A standing permission: at which touchpoint, of which function, what it allows, up to what cost. */
    record PermissionView(long id, String touchpoint, String touchpointName, String function, String scope,
            long costLimit, String grantedBy, Instant grantedAt, String revokedBy, Instant revokedAt) {

        static PermissionView of(StandingPermission p) {
            return new PermissionView(p.getId(), p.getTouchpoint().getCode(), p.getTouchpoint().getName(),
                    p.getFunction().getCode(), p.getScope(), p.getCostLimit(), p.getGrantedBy(), p.getGrantedAt(),
                    p.getRevokedBy(), p.getRevokedAt());
        }
    }
}
