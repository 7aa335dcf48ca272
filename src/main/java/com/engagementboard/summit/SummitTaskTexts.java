package com.engagementboard.summit;

import static com.engagementboard.engine.Markdown.escape;

import com.engagementboard.engine.TaskTexts;
import com.engagementboard.summit.SummitProcess.Elements;
import com.engagementboard.summit.SummitProcess.Variables;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * What the summit's forms say to people, from the record as it stands when a form is opened: whose pre-work is
 * in (the chair sees each submission at once, nothing is written for it), the participants' journey gaps, the
 * vision to endorse or objected to, who objected and why, the silos, and the notices of a summit cancelled,
 * postponed or lapsed. People's words are escaped ({@link SummitTexts}).
 */
@Component
class SummitTaskTexts implements TaskTexts {

    static final String NOT_IN_RECORD = "_This summit is not in the record._";

    private final Summits summits;
    private final SummitTexts texts;

    SummitTaskTexts(Summits summits, SummitTexts texts) {
        this.summits = summits;
        this.texts = texts;
    }

    @Override
    public String processKey() {
        return SummitProcess.KEY;
    }

    @Override
    public Map<String, String> texts(DelegateTask task) {
        long summitId = SummitProcess.summitId(task.getExecution().getProcessBusinessKey());
        Summit summit = summits.find(summitId).orElse(null);
        Map<String, String> shown = new HashMap<>();
        // Every form's heading names the summit: escaped, whatever its chair typed.
        shown.put(Variables.SUMMIT_TITLE, title(summit, task));
        switch (task.getTaskDefinitionKey()) {
            case Elements.OPEN_SUMMIT -> {
                shown.put(Variables.PRE_WORK_STATUS, summit == null ? NOT_IN_RECORD : texts.preWorkStatus(summit));
            }
            case Elements.DRAFT_VISION ->
                    shown.put(Variables.PRE_WORK_CONTEXT, summit == null ? NOT_IN_RECORD : texts.preWorkContext(summit));
            // The endorsement form shows the vision as the record holds it (the chair's own form field keeps its value).
            case Elements.ENDORSE_VISION ->
                    shown.put(Variables.VISION, summit == null ? NOT_IN_RECORD : texts.vision(summit));
            case Elements.ANSWER_OBJECTIONS -> {
                shown.put(Variables.OBJECTED_VISION, summit == null ? NOT_IN_RECORD : texts.vision(summit));
                shown.put(Variables.OBJECTIONS_SUMMARY, summit == null ? NOT_IN_RECORD
                        : texts.objectionsSummary(summit));
            }
            case Elements.DECIDE_OUTCOME ->
                    shown.put(Variables.SILO_SUMMARY, summit == null ? NOT_IN_RECORD : texts.siloSummary(summit));
            case Elements.READ_POSTPONEMENT -> {
                shown.put(Variables.SUMMIT_NOTICE, summit == null ? NOT_IN_RECORD
                        : texts.postponementNotice(summit, task.getAssignee()));
            }
            case Elements.READ_CANCELLATION -> {
                shown.put(Variables.SUMMIT_NOTICE, summit == null ? NOT_IN_RECORD : texts.cancellationNotice(summit));
            }
            case Elements.READ_LAPSE -> {
                shown.put(Variables.SUMMIT_NOTICE, summit == null ? NOT_IN_RECORD : texts.lapseNotice(summit));
            }
            default -> {
            }
        }
        return shown;
    }

    /** The title a form's heading shows: the record's, or the one the instance was started with. */
    private String title(Summit summit, DelegateTask task) {
        return summit != null ? texts.title(summit) : escape(SummitProcess.Typed.SUMMIT_TITLE.get(task));
    }
}
