package com.engagementboard.engine;

import com.engagementboard.board.AgendaItemProcess;
import com.engagementboard.board.BoardActionProcess;
import com.engagementboard.board.BoardMeetingProcess;
import com.engagementboard.charter.TouchpointCharterProcess;
import com.engagementboard.summit.SummitProcess;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.migration.MigratingActivityInstanceValidationReport;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationException;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationReport;
import org.camunda.bpm.engine.migration.MigratingTransitionInstanceValidationReport;
import org.camunda.bpm.engine.migration.MigrationInstruction;
import org.camunda.bpm.engine.migration.MigrationInstructionValidationReport;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.migration.MigrationPlanValidationException;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.ProcessInstanceQuery;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.spring.boot.starter.event.PostDeployEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Moves the running instances of this product's processes onto the newest version of their process when the
 * application starts, so that what a release adds (an event subprocess to cancel or withdraw, a timer, a guard)
 * reaches the cases already under way, not only the ones started after it. Camunda's community edition has the
 * migration API but not Cockpit's migration screen; this is the product doing it itself.
 *
 * <p>Right after the process application deployed the processes ({@link PostDeployEvent}, before the job
 * executor starts), for each key: every older version with running instances gets a plan that maps the
 * activities with the same id in the same place ({@code mapEqualActivities}) and updates the triggers of
 * events that changed ({@code updateEventTriggers}); its instances are migrated in chunks of
 * {@value #CHUNK}, one transaction each, synchronously. Events the new version adds to a scope an instance is
 * in are created by the migration: the message subscription of an added event subprocess, the job of an added
 * timer (counted from the migration). What cannot move stays where it is, with one WARN line per version that
 * names the activities that hold it back: a plan that does not validate, or instances waiting in an activity
 * the new version no longer has at that place. The start never fails because of it.
 *
 * <p>Several nodes starting at once each try; a node whose chunk another node (or a person completing a task)
 * changed at the same moment gets an {@link OptimisticLockingException}, logs it and goes on: what the other
 * committed stays, and this node's next query only sees what is still on the old version.
 *
 * <p>Off with {@code engagement-board.migrate-running-instances=false}.
 */
@Component
@ConditionalOnProperty(name = RunningInstanceMigration.ENABLED, havingValue = "true", matchIfMissing = true)
class RunningInstanceMigration {

    static final String ENABLED = "engagement-board.migrate-running-instances";

    /** This product's processes, from their contract classes. */
    static final List<String> KEYS = List.of(TouchpointCharterProcess.KEY, BoardMeetingProcess.KEY,
            AgendaItemProcess.KEY, BoardActionProcess.KEY, SummitProcess.KEY);

    /**
     * Instances migrated in one transaction. Small enough that a transaction stays short (a chunk locks
     * nothing a person waits for longer than a few seconds, see README) and that a node losing a race to
     * another repeats little; large enough that thousands of instances take a few hundred transactions.
     */
    static final int CHUNK = 100;

    /** Instance ids read from the database at a time, before migrating. */
    private static final int PAGE = 1000;

    private static final Logger LOG = LoggerFactory.getLogger(RunningInstanceMigration.class);

    private final RepositoryService repository;
    private final RuntimeService runtime;

    RunningInstanceMigration(RepositoryService repository, RuntimeService runtime) {
        this.repository = repository;
        this.runtime = runtime;
    }

    /** What happened to the instances of one older version. */
    record Outcome(String key, int sourceVersion, int targetVersion, int migrated, int left, String blocking) {
    }

    @EventListener(PostDeployEvent.class)
    void afterTheProcessesAreDeployed() {
        try {
            migrateAll();
        } catch (RuntimeException e) {
            // Never stops the start: the instances stay on their versions, as without this class.
            LOG.warn("Running process instances were not migrated to the newest versions: {}", e.toString(), e);
        }
    }

    List<Outcome> migrateAll() {
        List<Outcome> outcomes = new ArrayList<>();
        for (String key : KEYS) {
            outcomes.addAll(migrate(key));
        }
        return outcomes;
    }

    /** Every running instance of an older version of the process onto its newest version, where it can go. */
    List<Outcome> migrate(String key) {
        ProcessDefinition target = repository.createProcessDefinitionQuery().processDefinitionKey(key)
                .withoutTenantId().latestVersion().singleResult();
        if (target == null) {
            return List.of();
        }
        List<Outcome> outcomes = new ArrayList<>();
        for (ProcessDefinition source : repository.createProcessDefinitionQuery().processDefinitionKey(key)
                .withoutTenantId().orderByProcessDefinitionVersion().asc().list()) {
            if (source.getVersion() < target.getVersion()
                    && runtime.createProcessInstanceQuery().processDefinitionId(source.getId()).count() > 0) {
                outcomes.add(migrate(source, target));
            }
        }
        return outcomes;
    }

    private Outcome migrate(ProcessDefinition source, ProcessDefinition target) {
        long started = System.nanoTime();
        String key = source.getKey();
        MigrationPlan plan;
        try {
            plan = plan(source, target);
        } catch (MigrationPlanValidationException e) {
            long left = instances(source).count();
            String blocking = describe(e.getValidationReport().getInstructionReports());
            LOG.warn("{} instance(s) of process {} stay on version {}: no migration plan to version {} validates "
                    + "({}). Nothing was changed; end or move them by hand.", left, key, source.getVersion(),
                    target.getVersion(), blocking);
            return new Outcome(key, source.getVersion(), target.getVersion(), 0, (int) left, blocking);
        }

        // Instances waiting in an activity the plan has no place for cannot move: found by one query each,
        // rather than by a failing migration each.
        Set<String> mapped = plan.getInstructions().stream().map(MigrationInstruction::getSourceActivityId)
                .collect(Collectors.toSet());
        Map<String, String> blocking = new TreeMap<>();
        Set<String> stuck = new HashSet<>();
        for (String activity : activities(source)) {
            if (!mapped.contains(activity)) {
                List<String> waiting = ids(instances(source).activityIdIn(activity));
                if (!waiting.isEmpty()) {
                    blocking.put(activity, waiting.size() + " waiting there, and version " + target.getVersion()
                            + " has no activity with that id, type and place");
                    stuck.addAll(waiting);
                }
            }
        }

        List<String> movable = new ArrayList<>(ids(instances(source)));
        movable.removeAll(stuck);
        int migrated = 0;
        Set<String> failed = new LinkedHashSet<>(stuck);
        for (int from = 0; from < movable.size(); from += CHUNK) {
            List<String> chunk = movable.subList(from, Math.min(from + CHUNK, movable.size()));
            migrated += migrateChunk(plan, source, new ArrayList<>(chunk), failed, blocking);
        }

        long ms = (System.nanoTime() - started) / 1_000_000;
        // What this node could not move and is still there (not what another node is moving at this moment).
        int left = stillOn(source, new ArrayList<>(failed));
        if (migrated > 0) {
            LOG.info("Migrated {} instance(s) of process {} from version {} to version {} in {} ms", migrated, key,
                    source.getVersion(), target.getVersion(), ms);
        }
        String reasons = blocking.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue())
                .collect(Collectors.joining("; "));
        if (left > 0) {
            LOG.warn("{} instance(s) of process {} stay on version {}, not migrated to version {}: {}. End or move "
                    + "them by hand (the process instance modification API), or give the activities a place in "
                    + "the next version.", left, key, source.getVersion(), target.getVersion(),
                    reasons);
        }
        return new Outcome(key, source.getVersion(), target.getVersion(), migrated, left, reasons);
    }

    /**
     * Maps every activity that keeps its id, its type and its place, and updates the triggers of events that
     * changed. Camunda drops each generated instruction that does not validate (a task whose type changed, a
     * multi-instance body whose inner activity changed), so this plan itself validates; what it leaves out holds
     * back only the instances waiting there.
     * <p>
     * An activity that kept its id and type but moved into a new scope (a task the new version put into an
     * embedded subprocess, so that its timers are set again when the subprocess is re-entered) is not "equal" to
     * Camunda; where instances wait in it, it is mapped explicitly, and Camunda creates the new scope around it
     * when it migrates them. Such a mapping is kept only if the plan still validates with it.
     */
    MigrationPlan plan(ProcessDefinition source, ProcessDefinition target) {
        MigrationPlan equal = plan(source, target, List.of());
        Set<String> mapped = equal.getInstructions().stream().map(MigrationInstruction::getSourceActivityId)
                .collect(Collectors.toSet());
        Map<String, String> targetTypes = types(target);
        List<String> moved = new ArrayList<>();
        types(source).forEach((activity, type) -> {
            if (!mapped.contains(activity) && type.equals(targetTypes.get(activity))
                    && instances(source).activityIdIn(activity).count() > 0) {
                List<String> tried = new ArrayList<>(moved);
                tried.add(activity);
                try {
                    plan(source, target, tried);
                    moved.add(activity);
                } catch (MigrationPlanValidationException e) {
                    LOG.debug("{} of {} cannot follow its new place: {}", activity, source.getId(), e.getMessage());
                }
            }
        });
        return moved.isEmpty() ? equal : plan(source, target, moved);
    }

    private MigrationPlan plan(ProcessDefinition source, ProcessDefinition target, List<String> movedIntoNewScope) {
        var builder = runtime.createMigrationPlan(source.getId(), target.getId()).mapEqualActivities()
                .updateEventTriggers();
        for (String activity : movedIntoNewScope) {
            builder.mapActivities(activity, activity);
        }
        return builder.build();
    }

    private Map<String, String> types(ProcessDefinition definition) {
        return repository.getBpmnModelInstance(definition.getId()).getModelElementsByType(FlowNode.class).stream()
                .collect(Collectors.toMap(FlowNode::getId, node -> node.getElementType().getTypeName(), (a, b) -> a,
                        TreeMap::new));
    }

    /**
     * One transaction for the chunk. An instance that cannot move is noted and the rest tried again without
     * it; another failure tries the instances one by one; a concurrent change (another node migrating the same
     * instances) is logged and left to the other node.
     */
    private int migrateChunk(MigrationPlan plan, ProcessDefinition source, List<String> chunk, Set<String> failed,
            Map<String, String> blocking) {
        boolean retriedConcurrentChange = false;
        while (!chunk.isEmpty()) {
            // Only what is still on the old version: another node may have migrated part of the chunk.
            ProcessInstanceQuery still = instances(source).processInstanceIds(new HashSet<>(chunk));
            long count = still.count();
            if (count == 0) {
                return 0;
            }
            try {
                runtime.newMigration(plan).processInstanceQuery(still).execute();
                return (int) count;
            } catch (MigratingProcessInstanceValidationException e) {
                MigratingProcessInstanceValidationReport report = e.getValidationReport();
                noteBlocking(report, blocking);
                failed.add(report.getProcessInstanceId());
                chunk.remove(report.getProcessInstanceId());
            } catch (OptimisticLockingException e) {
                if (retriedConcurrentChange) {
                    LOG.info("Instances of process {} version {} changed twice while this node migrated them "
                            + "(another node migrating them at the same time): left to it", source.getKey(),
                            source.getVersion());
                    return 0;
                }
                LOG.info("Instances of process {} version {} changed while this node migrated them (another node "
                        + "migrating them at the same time, or a person completing a task); trying the rest once "
                        + "more: {}", source.getKey(), source.getVersion(), e.getMessage());
                retriedConcurrentChange = true;
            } catch (ProcessEngineException e) {
                return chunk.size() == 1 ? noteFailure(chunk.get(0), e, failed, blocking)
                        : oneByOne(plan, source, chunk, failed, blocking);
            }
        }
        return 0;
    }

    private int oneByOne(MigrationPlan plan, ProcessDefinition source, List<String> chunk, Set<String> failed,
            Map<String, String> blocking) {
        int migrated = 0;
        for (String id : chunk) {
            migrated += migrateChunk(plan, source, new ArrayList<>(List.of(id)), failed, blocking);
        }
        return migrated;
    }

    private static int noteFailure(String instanceId, ProcessEngineException e, Set<String> failed,
            Map<String, String> blocking) {
        failed.add(instanceId);
        String message = String.valueOf(e.getMessage());
        blocking.merge("instance " + instanceId, message.length() > 300 ? message.substring(0, 300) + "..." : message,
                (a, b) -> a);
        return 0;
    }

    private static void noteBlocking(MigratingProcessInstanceValidationReport report, Map<String, String> blocking) {
        for (MigratingActivityInstanceValidationReport activity : report.getActivityInstanceReports()) {
            blocking.merge(activity.getSourceScopeId(), String.join(", ", activity.getFailures()), (a, b) -> a);
        }
        for (MigratingTransitionInstanceValidationReport transition : report.getTransitionInstanceReports()) {
            blocking.merge(transition.getSourceScopeId(), String.join(", ", transition.getFailures()), (a, b) -> a);
        }
        for (String failure : report.getFailures()) {
            blocking.merge("instance " + report.getProcessInstanceId(), failure, (a, b) -> a);
        }
    }

    private static String describe(List<MigrationInstructionValidationReport> reports) {
        return reports.stream().map(r -> r.getMigrationInstruction().getSourceActivityId() + " -> "
                + r.getMigrationInstruction().getTargetActivityId() + ": " + String.join(", ", r.getFailures()))
                .collect(Collectors.joining("; "));
    }

    /** How many of the instances are still on the version, asked {@value #PAGE} ids at a time. */
    private int stillOn(ProcessDefinition definition, List<String> ids) {
        int still = 0;
        for (int from = 0; from < ids.size(); from += PAGE) {
            still += (int) instances(definition)
                    .processInstanceIds(new HashSet<>(ids.subList(from, Math.min(from + PAGE, ids.size())))).count();
        }
        return still;
    }

    private ProcessInstanceQuery instances(ProcessDefinition definition) {
        return runtime.createProcessInstanceQuery().processDefinitionId(definition.getId());
    }

    /** The ids the query finds, read a page at a time in a stable order. */
    private static List<String> ids(ProcessInstanceQuery query) {
        query.orderByProcessInstanceId().asc();
        List<String> ids = new ArrayList<>();
        for (int first = 0;; first += PAGE) {
            List<ProcessInstance> page = query.listPage(first, PAGE);
            page.forEach(instance -> ids.add(instance.getId()));
            if (page.size() < PAGE) {
                return ids;
            }
        }
    }

    /** The ids of the version's flow nodes, where an instance can wait. */
    private List<String> activities(ProcessDefinition definition) {
        return repository.getBpmnModelInstance(definition.getId()).getModelElementsByType(FlowNode.class).stream()
                .map(FlowNode::getId).sorted().toList();
    }
}
