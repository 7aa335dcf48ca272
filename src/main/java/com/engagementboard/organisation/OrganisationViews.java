package com.engagementboard.organisation;

import java.util.List;

/** What the organisation API answers with. */
final class OrganisationViews {

    private OrganisationViews() {
    }

    record DivisionView(String code, String name, String headUserId, List<String> functions) {
    }

    record FunctionView(String code, String name, String division, String headUserId, String headGroup) {

        static FunctionView of(BusinessFunction function) {
            return new FunctionView(function.getCode(), function.getName(),
                    function.getDivision() == null ? null : function.getDivision().getCode(),
                    function.getHeadUserId(), function.getHeadGroup());
        }
    }

    record TouchpointView(String code, String name, String description, TouchpointKind kind, String channel,
            JourneyStage journeyStage, int priority) {

        static TouchpointView of(Touchpoint touchpoint) {
            return new TouchpointView(touchpoint.getCode(), touchpoint.getName(), touchpoint.getDescription(),
                    touchpoint.getKind(), touchpoint.getChannel(), touchpoint.getJourneyStage(),
                    touchpoint.getPriority());
        }
    }
}
