package com.engagementboard.cases;

import com.engagementboard.board.BoardMeetingProcess;
import com.engagementboard.charter.TouchpointCharterProcess;
import com.engagementboard.engine.OpenTasks;
import com.engagementboard.organisation.People;
import com.engagementboard.security.Groups;
import com.engagementboard.security.SystemAccount;
import com.engagementboard.summit.SummitProcess;
import com.engagementboard.web.NotFoundException;
import com.engagementboard.web.PageZone;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.TransitionInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where a case stands: one process instance (a charter version's, a meeting's, a summit's), running or
 * ended, read from the engine's runtime and history. The chair, the core group and administrators follow
 * every case; anyone else only a case in which they have or had a task (as assignee, candidate, or through
 * a group they are in), so that a page never shows the work of cases that are none of theirs.
 *
 * <p>Read as the system ({@link SystemAccount}): the person's engine grants cover their own tasks, not the
 * instance's others, and the rule above is this class's to apply.
 */
@Service
@Transactional(readOnly = true)
class Cases {

    /** Open tasks the page lists at most; the Tasklist and Cockpit have the rest. */
    static final int MAX_TASKS = 50;
    /** A group whose members are named with it when it has this many at most ("Head of Sales: Sam Smith"). */
    static final int NAMED_MEMBERS = 5;
    /** Finished activities read to find the end event an ended case reached (the latest come first). */
    private static final int LAST_ACTIVITIES = 50;
    private static final String MULTI_INSTANCE_BODY = "#multiInstanceBody";
    static final String COCKPIT = "/camunda/app/cockpit/default/#/process-instance/";

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm z",
            Locale.ENGLISH);
    /** Those who follow every case. */
    private static final Set<String> FOLLOW_ALL = Set.of(Groups.BOARD_CHAIR, Groups.BOARD_CORE, Groups.ADMIN);

    /** The page: what the case is, where it stands, what waits and for whom. */
    record CaseView(String id, String title, String recordLink, String process, String started, boolean ended,
            String endedAt, String outcome, List<String> currentSteps, List<OpenTask> tasks, long moreTasks,
            String zone, String cockpit) {
    }

    /** An open task: its name, whom it waits for (names), when it is due, whether that is past. */
    record OpenTask(String name, String waitsFor, String due, boolean overdue, String step) {
    }

    /**
     * What the diagram marks: the activities the case is at now (leaves), the sub-processes they run in,
     * and for an ended case the end event it reached last.
     */
    record CaseState(String id, boolean ended, List<String> current, List<String> scopes, List<String> reached) {
    }

    private final HistoryService history;
    private final RuntimeService runtime;
    private final RepositoryService repository;
    private final TaskService tasks;
    private final IdentityService identity;
    private final People people;
    private final CaseTitles titles;
    private final PageZone pageZone;
    private final SystemAccount system;
    private final Clock clock;

    Cases(HistoryService history, RuntimeService runtime, RepositoryService repository, TaskService tasks,
            IdentityService identity, People people, CaseTitles titles, PageZone pageZone, SystemAccount system,
            Clock clock) {
        this.history = history;
        this.runtime = runtime;
        this.repository = repository;
        this.tasks = tasks;
        this.identity = identity;
        this.people = people;
        this.titles = titles;
        this.pageZone = pageZone;
        this.system = system;
        this.clock = clock;
    }

    // --- from a record to its case -----------------------------------------------------------------------

    /*
     * A record's case, for someone who may follow it: for anyone else there is none, as for a record nobody knows
     * (a 404 either way), so that trying ids does not tell which drafts, meetings or summits exist.
     */

    Optional<String> ofCharterVersion(long charterId, String user, Collection<String> groups) {
        return latest(TouchpointCharterProcess.KEY, TouchpointCharterProcess.businessKey(charterId), user, groups);
    }

    Optional<String> ofMeeting(long meetingId, String user, Collection<String> groups) {
        return latest(BoardMeetingProcess.KEY, BoardMeetingProcess.businessKey(meetingId), user, groups);
    }

    Optional<String> ofSummit(long summitId, String user, Collection<String> groups) {
        return latest(SummitProcess.KEY, SummitProcess.businessKey(summitId), user, groups);
    }

    /** The newest instance of the process for the record (one each, normally), running or ended. */
    private Optional<String> latest(String processKey, String businessKey, String user, Collection<String> groups) {
        return system.call(() -> history.createHistoricProcessInstanceQuery().processDefinitionKey(processKey)
                .processInstanceBusinessKey(businessKey).orderByProcessInstanceStartTime().desc().listPage(0, 1)
                .stream().map(HistoricProcessInstance::getId).filter(id -> maySee(id, user, groups)).findFirst());
    }

    // --- the case ---------------------------------------------------------------------------------------------

    /** The case page's content, for a person who may follow it. */
    CaseView view(String instanceId, String user, Collection<String> groups) {
        return system.call(() -> {
            HistoricProcessInstance instance = visible(instanceId, user, groups);
            ZoneId zone = zone();
            DateTimeFormatter when = WHEN.withZone(zone);
            ProcessDefinition definition = repository.getProcessDefinition(instance.getProcessDefinitionId());
            String process = definition.getName() == null ? definition.getKey() : definition.getName();
            CaseTitles.Subject subject = titles.of(definition.getKey(), definition.getName(),
                    instance.getBusinessKey(), when);
            boolean ended = instance.getEndTime() != null;
            CaseState state = state(instance);
            BpmnModelInstance model = repository.getBpmnModelInstance(definition.getId());
            List<OpenTask> open = ended ? List.of() : openTasks(instanceId, when);
            List<String> steps = (ended ? state.reached() : state.current()).stream()
                    .flatMap(id -> stepNames(model, id, open).stream()).distinct().toList();
            long total = ended ? 0 : open.size() < MAX_TASKS ? open.size()
                    : tasks.createTaskQuery().processInstanceId(instanceId).count();
            return new CaseView(instance.getId(), subject.title(), subject.link(), process,
                    format(instance.getStartTime(), when), ended, format(instance.getEndTime(), when),
                    ended ? outcome(instance) : null, steps, open, Math.max(0, total - open.size()), zone.getId(),
                    groups.contains(Groups.ADMIN) && !ended ? COCKPIT + instance.getId() : null);
        });
    }

    /** The BPMN XML of the process definition version the case runs (or ran) on. */
    byte[] diagram(String instanceId, String user, Collection<String> groups) {
        return system.call(() -> {
            HistoricProcessInstance instance = visible(instanceId, user, groups);
            try (InputStream xml = repository.getProcessModel(instance.getProcessDefinitionId())) {
                return xml.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** What the diagram marks. */
    CaseState state(String instanceId, String user, Collection<String> groups) {
        return system.call(() -> state(visible(instanceId, user, groups)));
    }

    // --- who may follow it --------------------------------------------------------------------------------

    /** The instance, if this person may follow it: 404 for an id nobody knows, 403 for a case not theirs. */
    private HistoricProcessInstance visible(String instanceId, String user, Collection<String> groups) {
        HistoricProcessInstance instance = history.createHistoricProcessInstanceQuery().processInstanceId(instanceId)
                .singleResult();
        if (instance == null) {
            throw new NotFoundException("case", instanceId);
        }
        if (!maySee(instanceId, user, groups)) {
            throw new AccessDeniedException("Only the chair, the core group, administrators and those with a task "
                    + "in it follow this case");
        }
        return instance;
    }

    private boolean maySee(String instanceId, String user, Collection<String> groups) {
        if (groups.stream().anyMatch(FOLLOW_ALL::contains)) {
            return true;
        }
        // Involved: assignee, owner or candidate of a task of the instance, now or earlier (the history keeps it).
        if (history.createHistoricTaskInstanceQuery().processInstanceId(instanceId).taskInvolvedUser(user)
                .count() > 0) {
            return true;
        }
        return groups.stream().anyMatch(group -> history.createHistoricTaskInstanceQuery()
                .processInstanceId(instanceId).taskInvolvedGroup(group).count() > 0);
    }

    // --- where it stands ----------------------------------------------------------------------------------

    private CaseState state(HistoricProcessInstance instance) {
        if (instance.getEndTime() != null) {
            return new CaseState(instance.getId(), true, List.of(), List.of(), reachedEnd(instance.getId()));
        }
        ActivityInstance tree = runtime.getActivityInstance(instance.getId());
        Set<String> current = new LinkedHashSet<>();
        Set<String> scopes = new LinkedHashSet<>();
        if (tree != null) {
            walk(tree, current, scopes);
        }
        scopes.removeAll(current);
        return new CaseState(instance.getId(), false, List.copyOf(current), List.copyOf(scopes), List.of());
    }

    /**
     * The activities below the process: a leaf is where the case is (a task, a timer, a job waiting to run),
     * an activity with children is the sub-process they run in. A multi-instance's body is drawn as its activity.
     */
    private static void walk(ActivityInstance parent, Set<String> current, Set<String> scopes) {
        for (TransitionInstance waiting : parent.getChildTransitionInstances()) {
            current.add(elementId(waiting.getActivityId()));
        }
        for (ActivityInstance child : parent.getChildActivityInstances()) {
            boolean leaf = child.getChildActivityInstances().length == 0
                    && child.getChildTransitionInstances().length == 0;
            (leaf ? current : scopes).add(elementId(child.getActivityId()));
            walk(child, current, scopes);
        }
    }

    private static String elementId(String activityId) {
        return activityId.endsWith(MULTI_INSTANCE_BODY)
                ? activityId.substring(0, activityId.length() - MULTI_INSTANCE_BODY.length())
                : activityId;
    }

    /** The end event(s) the case reached last: those that finished when the last of them did. */
    private List<String> reachedEnd(String instanceId) {
        List<HistoricActivityInstance> ends = history.createHistoricActivityInstanceQuery()
                .processInstanceId(instanceId).finished().orderByHistoricActivityInstanceEndTime().desc()
                .listPage(0, LAST_ACTIVITIES).stream()
                .filter(a -> a.getActivityType() != null && a.getActivityType().endsWith("EndEvent")).toList();
        if (ends.isEmpty()) {
            return List.of();
        }
        Date last = ends.get(0).getEndTime();
        return ends.stream().filter(a -> a.getEndTime().equals(last)).map(HistoricActivityInstance::getActivityId)
                .distinct().toList();
    }

    private static String outcome(HistoricProcessInstance instance) {
        String state = instance.getState();
        if (HistoricProcessInstance.STATE_COMPLETED.equals(state)) {
            return "It ended normally.";
        }
        String reason = instance.getDeleteReason();
        return "It was stopped before its end" + (reason == null || reason.isBlank() ? "." : ": " + reason + ".");
    }

    // --- what waits, for whom ---------------------------------------------------------------------------

    private List<OpenTask> openTasks(String instanceId, DateTimeFormatter when) {
        Instant now = clock.instant();
        Map<String, String> names = new HashMap<>();
        List<OpenTask> open = new ArrayList<>();
        for (Task task : tasks.createTaskQuery().processInstanceId(instanceId).orderByDueDate().asc()
                .orderByTaskCreateTime().asc().listPage(0, MAX_TASKS)) {
            Date due = task.getDueDate();
            open.add(new OpenTask(task.getName(), waitsFor(task, names), format(due, when),
                    due != null && due.toInstant().isBefore(now), task.getTaskDefinitionKey()));
        }
        return open;
    }

    /** By name: the assignee; else the candidate people, and the candidate groups with their few members. */
    private String waitsFor(Task task, Map<String, String> names) {
        if (task.getAssignee() != null) {
            return person(task.getAssignee(), names);
        }
        List<String> who = new ArrayList<>();
        // From history: a task completed while the page is drawn must not fail this read-only transaction.
        for (OpenTasks.Candidate link : OpenTasks.candidates(history, task.getId())) {
            if (link.userId() != null) {
                who.add(person(link.userId(), names));
            } else if (link.groupId() != null) {
                who.add(group(link.groupId(), names));
            }
        }
        return who.isEmpty() ? "nobody yet" : String.join("; ", who);
    }

    // Plain get and put: the group's members are named through the same map (no nested computeIfAbsent).
    private String person(String userId, Map<String, String> names) {
        String known = names.get("user:" + userId);
        if (known == null) {
            known = people.nameOf(userId);
            names.put("user:" + userId, known);
        }
        return known;
    }

    private String group(String groupId, Map<String, String> names) {
        String known = names.get("group:" + groupId);
        if (known != null) {
            return known;
        }
        Group group = identity.createGroupQuery().groupId(groupId).singleResult();
        String name = group == null || group.getName() == null ? groupId : group.getName();
        // One more than are named: enough to tell a few members from many, however large the group.
        List<String> members = people.someMembersOf(groupId, NAMED_MEMBERS + 1);
        String named = members.isEmpty() || members.size() > NAMED_MEMBERS ? name
                : name + " (" + String.join(", ", members.stream().map(m -> person(m, names)).toList()) + ")";
        names.put("group:" + groupId, named);
        return named;
    }

    // --- words and times --------------------------------------------------------------------------------

    /**
     * A step in words: the names of its open tasks (their expressions resolved: "Accept 2 rights for Sales"),
     * else its name in the diagram, an expression in it shown as an ellipsis; its id when it has no name.
     */
    private static List<String> stepNames(BpmnModelInstance model, String elementId, List<OpenTask> open) {
        List<String> tasks = open.stream().filter(t -> elementId.equals(t.step())).map(OpenTask::name).distinct()
                .toList();
        if (!tasks.isEmpty()) {
            return tasks;
        }
        ModelElementInstance element = model == null ? null : model.getModelElementById(elementId);
        String name = element == null ? null : element.getAttributeValue("name");
        return List.of(name == null || name.isBlank() ? elementId
                : name.replaceAll("\\$\\{[^}]*}", "…").replaceAll("\\s+", " ").strip());
    }

    /** The board's time zone, or the company's while no board is set up (as the other pages say times). */
    private ZoneId zone() {
        return pageZone.zone();
    }

    private static String format(Date date, DateTimeFormatter when) {
        return date == null ? null : when.format(date.toInstant());
    }
}
