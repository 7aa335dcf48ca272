package com.engagementboard.glance;

import com.engagementboard.board.BoardMeetingProcess;
import com.engagementboard.board.BoardOverview;
import com.engagementboard.charter.CharterOverview;
import com.engagementboard.engine.OpenTasks;
import com.engagementboard.charter.RightKind;
import com.engagementboard.charter.TouchpointCharterProcess;
import com.engagementboard.organisation.BusinessFunction;
import com.engagementboard.organisation.FunctionService;
import com.engagementboard.organisation.People;
import com.engagementboard.security.Groups;
import com.engagementboard.security.SystemAccount;
import com.engagementboard.web.PageZone;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the home page shows a person at a glance, by role: their own open tasks for everyone; what waits for
 * the board for its chair; their function's rights, acceptances and actions for a function head; the
 * escalations for the CEO. Read-only; every list is a count and its first few rows, never a whole table.
 * Names, never ids; times in the board's time zone (the company's while no board is set up).
 */
@Service
@Transactional(readOnly = true)
class AtAGlance {

    /** Open tasks "my work" lists; the Tasklist has the rest. */
    static final int MY_WORK = 20;
    /** Rows of every other list. */
    static final int TOP = 10;
    /** Acceptance tasks read to group by function: one per function and version in acceptance, normally. */
    static final int ACCEPTANCE_TASKS = 50;

    static final String TASKLIST = "/camunda/app/tasklist/default/";

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm z",
            Locale.ENGLISH);

    // --- what the page reads ------------------------------------------------------------------------------

    /** The whole page: the person's name, their work, and a section for each of their roles (null: not theirs). */
    record Glance(String name, String zone, MyWork work, Chair chair, List<Head> heads, Ceo ceo, boolean admin) {
    }

    /** Open tasks of the person: the first {@link #MY_WORK}, how many there are in all and how many are not shown. */
    record MyWork(List<WorkItem> tasks, long total, long more, String tasklist) {
    }

    /** One task: its name, its process's name, when it is due and the link straight into its Tasklist form. */
    record WorkItem(String id, String name, String process, String due, boolean overdue, String link) {
    }

    /** A task someone else does, as the chair or the CEO follows it: since when it waits, when it is due. */
    record TaskLine(String name, String since, String age, String due, boolean overdue, String link) {
    }

    record Chair(Disputes disputes, CharterState charter, List<PendingAcceptance> pending, long acceptanceTasks,
            NextMeeting meeting, List<ActionLine> overdueActions, long overdueCount, List<TaskLine> escalations,
            long escalationCount) {
    }

    /** Charter disputes: at the board (items not yet decided), and waiting for the chair's own resolution. */
    record Disputes(long atBoard, List<String> titles, long withChair) {
    }

    /**
     * The version in acceptance (or the newest draft): its gaps, conflicts and declined rights, and the touchpoints
     * it leaves out; the rights nobody holds are both kinds of gap, as the matrix shows them.
     */
    record CharterState(String version, String status, long gaps, long conflicts, long declined, long uncovered,
            long rightsWithoutOwner) {
    }

    /** A function's acceptance: how many tasks, since when, due when, how many rights wait. */
    record PendingAcceptance(String function, int tasks, long rights, String since, String age, String due,
            boolean overdue) {
    }

    /** The next meeting that is not over: when, its cut-off, where it stands and what is on (or queued for) it. */
    record NextMeeting(String kind, String status, String at, String cutoff, boolean cutoffPassed, long items,
            List<String> titles) {
    }

    /** A board action: what, where, whose, due when. */
    record ActionLine(String description, String touchpoint, String owner, String due, boolean overdue,
            String status) {
    }

    record Head(String code, String function, long rights, String rightsLink, long pendingRights,
            List<TaskLine> acceptances, long acceptanceCount, List<ActionLine> actions, long actionCount,
            long overdueActions) {
    }

    record Ceo(List<TaskLine> escalations, long count) {
    }

    // --- how it is read -------------------------------------------------------------------------------------

    private final TaskService tasks;
    private final HistoryService history;
    private final RepositoryService repository;
    private final CharterOverview charterOverview;
    private final BoardOverview boardOverview;
    private final People people;
    private final FunctionService functions;
    private final PageZone zone;
    private final SystemAccount system;
    private final Clock clock;

    AtAGlance(TaskService tasks, HistoryService history, RepositoryService repository, CharterOverview charterOverview,
            BoardOverview boardOverview,
            People people, FunctionService functions, PageZone zone, SystemAccount system, Clock clock) {
        this.tasks = tasks;
        this.history = history;
        this.repository = repository;
        this.charterOverview = charterOverview;
        this.boardOverview = boardOverview;
        this.people = people;
        this.functions = functions;
        this.zone = zone;
        this.system = system;
        this.clock = clock;
    }

    Glance of(String user, Collection<String> groups) {
        Instant now = clock.instant();
        ZoneId zone = this.zone.zone();
        DateTimeFormatter when = WHEN.withZone(zone);
        List<String> headCodes = groups.stream().map(Groups::functionOfHeadGroup).filter(Objects::nonNull).sorted()
                .toList();
        return new Glance(people.nameOf(user), zone.getId(), work(user, groups, now, when),
                groups.contains(Groups.BOARD_CHAIR) ? chair(now, when) : null,
                headCodes.isEmpty() ? List.of() : heads(headCodes, now, when),
                groups.contains(Groups.CEO) ? ceo(now, when) : null,
                groups.contains(Groups.ADMIN));
    }

    /** The link that opens the task's form in the Tasklist. */
    static String tasklistLink(String taskId) {
        return TASKLIST + "#/?task=" + taskId;
    }

    // --- my work ----------------------------------------------------------------------------------------------

    private TaskQuery myTasks(String user, Collection<String> groups) {
        TaskQuery query = tasks.createTaskQuery().or().taskAssignee(user).taskCandidateUser(user);
        if (!groups.isEmpty()) {
            query = query.taskCandidateGroupIn(List.copyOf(groups));
        }
        return query.endOr();
    }

    private MyWork work(String user, Collection<String> groups, Instant now, DateTimeFormatter when) {
        List<Task> mine = myTasks(user, groups).orderByTaskPriority().desc().orderByDueDate().asc()
                .orderByTaskCreateTime().asc().listPage(0, MY_WORK);
        long total = mine.size() < MY_WORK ? mine.size() : myTasks(user, groups).count();
        Map<String, String> processes = processNames(mine);
        List<WorkItem> items = mine.stream().map(t -> new WorkItem(t.getId(), t.getName(),
                // A task made by hand in the Tasklist belongs to no process.
                t.getProcessDefinitionId() == null ? null : processes.get(t.getProcessDefinitionId()),
                format(t.getDueDate(), when), overdue(t.getDueDate(), now),
                tasklistLink(t.getId()))).toList();
        return new MyWork(items, total, Math.max(0, total - items.size()), TASKLIST);
    }

    /** The names of the tasks' processes, in one query. */
    private Map<String, String> processNames(List<Task> list) {
        String[] ids = list.stream().map(Task::getProcessDefinitionId).filter(Objects::nonNull).distinct()
                .toArray(String[]::new);
        if (ids.length == 0) {
            return Map.of();
        }
        return repository.createProcessDefinitionQuery().processDefinitionIdIn(ids).list().stream()
                .collect(Collectors.toMap(ProcessDefinition::getId,
                        d -> d.getName() == null ? d.getKey() : d.getName(), (a, b) -> a));
    }

    // --- the chair ----------------------------------------------------------------------------------------

    private Chair chair(Instant now, DateTimeFormatter when) {
        return system.call(() -> {
            List<PendingAcceptance> pending = pendingAcceptances(now, when);
            long acceptanceTasks = acceptanceTasks().count();
            TaskQuery escalations = escalations();
            long escalationCount = escalations.count();
            return new Chair(disputes(), charterState(), pending, acceptanceTasks, nextMeeting(now, when),
                    actionLines(boardOverview.overdueActions(now, TOP), now, when),
                    boardOverview.countOverdueActions(now),
                    escalationCount == 0 ? List.of() : taskLines(escalations.listPage(0, TOP), now, when, false),
                    escalationCount);
        });
    }

    private Disputes disputes() {
        BoardOverview.Disputes atBoard = boardOverview.disputes(TOP);
        long withChair = tasks.createTaskQuery().processDefinitionKey(TouchpointCharterProcess.KEY)
                .taskDefinitionKey(TouchpointCharterProcess.Elements.RESOLVE_DISPUTE).count();
        return new Disputes(atBoard.atBoard(), atBoard.titles(), withChair);
    }

    /** The version in acceptance, else the newest draft: its gaps and conflicts as the chair's checks count them. */
    private CharterState charterState() {
        return charterOverview.workInProgress().map(v -> new CharterState(
                (v.number() == null ? "" : "Version " + v.number() + " ")
                        + (v.title() == null || v.title().isBlank() ? "(untitled)" : "“" + v.title() + "”"),
                words(v.status().name()), v.gaps(), v.conflicts(), v.declined(), v.uncovered(),
                v.gaps() + v.uncovered() * RightKind.values().length)).orElse(null);
    }

    private TaskQuery acceptanceTasks() {
        return tasks.createTaskQuery().processDefinitionKey(TouchpointCharterProcess.KEY)
                .taskDefinitionKey(TouchpointCharterProcess.Elements.ACCEPT_RIGHTS);
    }

    /**
     * The acceptance tasks (the first {@link #ACCEPTANCE_TASKS} by due date), grouped by the function whose head
     * group is their candidate, with how many of its rights wait in the version in acceptance: overdue first,
     * then the longest waiting.
     */
    private List<PendingAcceptance> pendingAcceptances(Instant now, DateTimeFormatter when) {
        List<Task> open = acceptanceTasks().orderByDueDate().asc().orderByTaskCreateTime().asc()
                .listPage(0, ACCEPTANCE_TASKS);
        if (open.isEmpty()) {
            return List.of();
        }
        Map<String, List<Task>> byFunction = new LinkedHashMap<>();
        for (Task task : open) {
            // From history: a task accepted while the page is drawn must not fail this read-only transaction.
            String code = OpenTasks.candidates(history, task.getId()).stream().map(OpenTasks.Candidate::groupId)
                    .filter(Objects::nonNull).map(Groups::functionOfHeadGroup).filter(Objects::nonNull).findFirst()
                    .orElse("");
            byFunction.computeIfAbsent(code, k -> new ArrayList<>()).add(task);
        }
        Map<String, BusinessFunction> named = functions.byCodes(byFunction.keySet());
        Map<String, Long> rights = charterOverview.pendingRightsByFunction();
        record Row(PendingAcceptance view, Date since) {
        }
        List<Row> rows = new ArrayList<>();
        byFunction.forEach((code, list) -> {
            Date since = list.stream().map(Task::getCreateTime).filter(Objects::nonNull).min(Date::compareTo)
                    .orElse(null);
            Date due = list.stream().map(Task::getDueDate).filter(Objects::nonNull).min(Date::compareTo).orElse(null);
            BusinessFunction function = named.get(code);
            rows.add(new Row(new PendingAcceptance(function == null ? (code.isEmpty() ? "No function" : code)
                    : function.getName(), list.size(), rights.getOrDefault(code, 0L), format(since, when),
                    age(since, now), format(due, when), overdue(due, now)), since));
        });
        // Overdue first, then the longest waiting.
        rows.sort(Comparator.comparing((Row r) -> !r.view().overdue()).thenComparing(Row::since,
                Comparator.nullsLast(Comparator.naturalOrder())));
        return rows.stream().limit(TOP * 2L).map(Row::view).toList();
    }

    /** The next meeting not yet over, with what is on its agenda (or queued for it while the agenda is open). */
    private NextMeeting nextMeeting(Instant now, DateTimeFormatter when) {
        return boardOverview.nextMeeting(TOP).map(m -> new NextMeeting(words(m.kind()), meetingStatus(m.status()),
                format(m.at(), when), format(m.cutoff(), when), m.cutoff() != null && m.cutoff().isBefore(now),
                m.items(), m.titles())).orElse(null);
    }

    private static String meetingStatus(String status) {
        return switch (status) {
            case "SCHEDULED" -> "its agenda is open until the cut-off";
            case "AGENDA_CLOSED" -> "its agenda is closed: the chair prepares it";
            case "AGENDA_PUBLISHED" -> "its agenda is published";
            case "IN_SESSION" -> "in session";
            default -> words(status);
        };
    }

    private List<ActionLine> actionLines(List<BoardOverview.ActionRow> rows, Instant now, DateTimeFormatter when) {
        return rows.stream().map(r -> {
            String owner = r.function() != null ? r.function()
                    : Groups.BOARD_CHAIR.equals(r.ownerGroup()) ? "The chair" : String.valueOf(r.ownerGroup());
            return new ActionLine(r.description(), r.touchpoint(), owner, format(r.due(), when),
                    r.status().equals("OPEN") && r.due() != null && r.due().isBefore(now), words(r.status()));
        }).toList();
    }

    private TaskQuery escalations() {
        return tasks.createTaskQuery().processDefinitionKey(BoardMeetingProcess.KEY)
                .taskDefinitionKey(BoardMeetingProcess.Elements.DECIDE_ESCALATION).orderByDueDate().asc()
                .orderByTaskCreateTime().asc();
    }

    private List<TaskLine> taskLines(List<Task> list, Instant now, DateTimeFormatter when, boolean linked) {
        return list.stream().map(t -> new TaskLine(t.getName(), format(t.getCreateTime(), when),
                age(t.getCreateTime(), now), format(t.getDueDate(), when), overdue(t.getDueDate(), now),
                linked ? tasklistLink(t.getId()) : null)).toList();
    }

    // --- a function's head --------------------------------------------------------------------------------

    private List<Head> heads(List<String> codes, Instant now, DateTimeFormatter when) {
        Map<String, BusinessFunction> named = functions.byCodes(codes);
        return system.call(() -> codes.stream().filter(named::containsKey).map(code -> head(named.get(code), now,
                when)).toList());
    }

    private Head head(BusinessFunction function, Instant now, DateTimeFormatter when) {
        String code = function.getCode();
        long rights = charterOverview.rightsInForce(code);
        long pendingRights = charterOverview.rightsToAccept(code);
        TaskQuery acceptances = acceptanceTasks().taskCandidateGroup(function.getHeadGroup()).orderByDueDate().asc()
                .orderByTaskCreateTime().asc();
        long acceptanceCount = acceptances.count();
        List<TaskLine> acceptanceLines = acceptanceCount == 0 ? List.of()
                : taskLines(acceptances.listPage(0, TOP), now, when, true);
        long actionCount = boardOverview.countOpenActionsOf(code);
        long overdue = boardOverview.countOverdueActionsOf(code, now);
        List<ActionLine> actions = actionCount == 0 ? List.of()
                : actionLines(boardOverview.openActionsOf(code, TOP), now, when);
        return new Head(code, function.getName(), rights, "/charter?function=" + code, pendingRights, acceptanceLines,
                acceptanceCount, actions, actionCount, overdue);
    }

    // --- the CEO --------------------------------------------------------------------------------------------

    private Ceo ceo(Instant now, DateTimeFormatter when) {
        return system.call(() -> {
            TaskQuery escalations = escalations();
            long count = escalations.count();
            return new Ceo(count == 0 ? List.of() : taskLines(escalations.listPage(0, TOP), now, when, true), count);
        });
    }

    // --- words --------------------------------------------------------------------------------------------

    private static String format(Date date, DateTimeFormatter when) {
        return date == null ? null : when.format(date.toInstant());
    }

    private static String format(Instant instant, DateTimeFormatter when) {
        return instant == null ? null : when.format(instant);
    }

    private static boolean overdue(Date due, Instant now) {
        return due != null && due.toInstant().isBefore(now);
    }

    /** How long something has waited, in words: "today", "1 day", "12 days". */
    static String age(Date since, Instant now) {
        if (since == null) {
            return null;
        }
        long days = Duration.between(since.toInstant(), now).toDays();
        return days <= 0 ? "today" : days == 1 ? "1 day" : days + " days";
    }

    /** An enum's name as people write it: IN_ACCEPTANCE is "in acceptance". */
    static String words(String code) {
        return code == null ? "" : code.toLowerCase(Locale.ENGLISH).replace('_', ' ');
    }
}
