package com.engagementboard.change;

import com.engagementboard.engine.TaskTexts;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * What every task of a change shows above its form: the proposal, the route and the owners of the touchpoint,
 * the standing permission, questions and answers so far, and earlier changes at the touchpoint, from the record
 * as it stands when the form is opened. The chair's gap notice leads with the rights nobody owns.
 */
@Component
class ChangeTexts implements TaskTexts {

    private final Changes changes;

    ChangeTexts(Changes changes) {
        this.changes = changes;
    }

    @Override
    public String processKey() {
        return TouchpointChangeProcess.KEY;
    }

    @Override
    public Map<String, String> texts(DelegateTask task) {
        Object id = task.getVariable(TouchpointChangeProcess.Variables.CHANGE_ID);
        if (!(id instanceof Number number) || !changes.exists(number.longValue())) {
            return Map.of(TouchpointChangeProcess.Variables.CHANGE_SUMMARY,
                    "_This change is not in the record: the administrator's consistency report names it._");
        }
        long changeId = number.longValue();
        String summary = changes.summary(changeId);
        if (TouchpointChangeProcess.Elements.READ_CHARTER_GAP.equals(task.getTaskDefinitionKey())) {
            summary = "**No owner for:** " + changes.missingRights(changeId) + "\n\n" + summary;
        }
        return Map.of(TouchpointChangeProcess.Variables.CHANGE_SUMMARY, summary);
    }
}
