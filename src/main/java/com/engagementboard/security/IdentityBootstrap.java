package com.engagementboard.security;

import com.engagementboard.web.PasswordPolicyText;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.PasswordPolicyResult;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.TaskQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What every installation needs in Camunda's identity and authorization tables, made idempotently at
 * each start: the fixed groups, administrators' rights on everything, everyone's access to the
 * Tasklist and its shared filters, and, in production, the configured administrator.
 */
@Component
@Order(10)
class IdentityBootstrap implements ApplicationRunner {

    static final String FILTER_ALL = "All my tasks";
    static final String FILTER_MINE = "Assigned to me";
    static final String FILTER_GROUPS = "My groups' open tasks";
    static final String FILTER_OVERDUE = "Overdue";
    /** The shared filters' revision, in their properties: a filter of an earlier one is updated at start. */
    static final int FILTER_REVISION = 2;
    private static final String REVISION = "engagementBoardRevision";

    private static final Logger LOG = LoggerFactory.getLogger(IdentityBootstrap.class);
    private static final Map<String, String> GROUP_NAMES = Map.of(
            Groups.BOARD_CHAIR, "Board chair",
            Groups.BOARD_CORE, "Board core group",
            Groups.BOARD_MEMBER, "Board members",
            Groups.CEO, "Chief executive",
            Groups.EMPLOYEE, "Employees",
            Groups.ADMIN, "Administrators");

    private final IdentityService identity;
    private final AuthorizationService authorizations;
    private final FilterService filters;
    private final TaskService tasks;
    private final AdminProperties admin;
    private final Environment environment;
    private final EngineGrants grants;

    IdentityBootstrap(IdentityService identity, AuthorizationService authorizations, FilterService filters,
            TaskService tasks, AdminProperties admin, Environment environment, EngineGrants grants) {
        this.grants = grants;
        this.identity = identity;
        this.authorizations = authorizations;
        this.filters = filters;
        this.tasks = tasks;
        this.admin = admin;
        this.environment = environment;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        Groups.FIXED.forEach(this::ensureGroup);
        for (Resources resource : Resources.values()) {
            grants.grant(Groups.ADMIN, resource, Authorization.ANY, Permissions.ALL);
        }
        grantEveryone(Resources.APPLICATION, "tasklist", Permissions.ACCESS);
        // Everyone reads process definitions (names, diagrams, forms); nobody but administrators reads the
        // engine's raw history: people read the charter and the register through /api.
        grantEveryone(Resources.PROCESS_DEFINITION, Authorization.ANY, Permissions.READ);
        revokeFromEveryone(Resources.PROCESS_DEFINITION, Authorization.ANY, Permissions.READ_HISTORY);
        createSharedFilters();
        if (environment.acceptsProfiles(Profiles.of("prod"))) {
            createConfiguredAdministrator();
        }
    }

    private void createConfiguredAdministrator() {
        if (!admin.configured()) {
            throw new IllegalStateException("The prod profile needs an administrator: set ADMIN_USER and "
                    + "ADMIN_PASSWORD (at least " + AdminProperties.MIN_PASSWORD_LENGTH + " characters).");
        }
        if (admin.password().length() < AdminProperties.MIN_PASSWORD_LENGTH) {
            throw new IllegalStateException("ADMIN_PASSWORD is too short: use at least "
                    + AdminProperties.MIN_PASSWORD_LENGTH + " characters.");
        }
        if (identity.createUserQuery().userId(admin.user()).count() == 0) {
            PasswordPolicyResult policy = identity.checkPasswordAgainstPolicy(admin.password());
            if (!policy.isValid()) {
                throw new IllegalStateException("ADMIN_PASSWORD does not follow the password policy: it needs "
                        + PasswordPolicyText.describe(policy.getViolatedRules()) + ".");
            }
            User user = identity.newUser(admin.user());
            user.setFirstName("Administrator");
            user.setLastName(admin.user());
            user.setPassword(admin.password());
            identity.saveUser(user);
            LOG.info("Created the administrator '{}'", admin.user());
        }
        if (identity.createUserQuery().userId(admin.user()).memberOfGroup(Groups.ADMIN).count() == 0) {
            identity.createMembership(admin.user(), Groups.ADMIN);
        }
    }

    private void ensureGroup(String groupId) {
        if (identity.createGroupQuery().groupId(groupId).count() == 0) {
            Group group = identity.newGroup(groupId);
            group.setName(GROUP_NAMES.get(groupId));
            group.setType(Groups.ADMIN.equals(groupId) ? "SYSTEM" : "WORKFLOW");
            identity.saveGroup(group);
        }
    }

    /**
     * The Tasklist opens on shared filters. With authorizations on, a person sees in each only the
     * tasks they may read: their own and their groups'. Highest priority first, so that overdue tasks
     * (whose priority a reminder raises) come on top.
     */
    private void createSharedFilters() {
        // Mine or my groups' unclaimed tasks, asked for in the query itself: a query without criteria left the
        // database to join every open task with the person's authorizations (on PostgreSQL 25 ms at 10,000
        // open tasks, the Tasklist's list 140 ms at p95 under load; see BENCHMARKS.md), where these criteria
        // start from the task's assignee and candidate indexes. Every user task of the processes names an
        // assignee or candidate groups, so the same tasks show; a task a colleague has claimed no longer does.
        filter(FILTER_ALL, -10, "Every task I may work on: mine and my groups' unclaimed ones, most urgent first",
                null, mineOrMyGroups());
        filter(FILTER_MINE, -5, "Tasks I have claimed", null,
                tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}"));
        filter(FILTER_GROUPS, 0, "Unclaimed tasks of my groups", null,
                tasks.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}").taskUnassigned());
        filter(FILTER_OVERDUE, 5, "My tasks and my groups' unclaimed ones past their due date", "#b5152b",
                mineOrMyGroups().dueBeforeExpression("${now()}"));
    }

    private TaskQuery mineOrMyGroups() {
        return tasks.createTaskQuery().or().taskAssigneeExpression("${currentUser()}")
                .taskCandidateUserExpression("${currentUser()}")
                .taskCandidateGroupInExpression("${currentUserGroups()}").endOr();
    }

    private void filter(String name, int priority, String description, String color, TaskQuery query) {
        Filter filter = filters.createFilterQuery().filterName(name).singleResult();
        boolean outdated = filter != null && (filter.getProperties() == null
                || !Integer.valueOf(FILTER_REVISION).equals(filter.getProperties().get(REVISION)));
        if (outdated) {
            // A filter an earlier version made: its query and texts are the product's, brought up to date once.
            LOG.info("Updating the shared Tasklist filter '{}' to revision {}", name, FILTER_REVISION);
        }
        if (filter == null || outdated) {
            Map<String, Object> properties = new HashMap<>();
            properties.put(REVISION, FILTER_REVISION);
            properties.put("description", description);
            properties.put("priority", priority);
            properties.put("refresh", true);
            properties.put("showUndefinedVariable", false);
            properties.put("variables", List.of());
            if (color != null) {
                properties.put("color", color);
            }
            TaskQuery ordered = query.orderByTaskPriority().desc().orderByDueDate().asc();
            filter = (filter == null ? filters.newTaskFilter(name) : filter).setProperties(properties)
                    .setQuery(ordered);
            filters.saveFilter(filter);
        }
        grantEveryone(Resources.FILTER, filter.getId(), Permissions.READ);
    }

    private void revokeFromEveryone(Resource resource, String resourceId, Permission permission) {
        Authorization global = authorizations.createAuthorizationQuery()
                .authorizationType(Authorization.AUTH_TYPE_GLOBAL).resourceType(resource).resourceId(resourceId)
                .singleResult();
        if (global != null && global.isPermissionGranted(permission)) {
            global.removePermission(permission);
            authorizations.saveAuthorization(global);
        }
    }

    private void grantEveryone(Resource resource, String resourceId, Permission... permissions) {
        if (authorizations.createAuthorizationQuery().authorizationType(Authorization.AUTH_TYPE_GLOBAL)
                .resourceType(resource).resourceId(resourceId).count() > 0) {
            return;
        }
        Authorization authorization = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GLOBAL);
        authorization.setUserId(Authorization.ANY);
        authorization.setResource(resource);
        authorization.setResourceId(resourceId);
        for (Permission permission : permissions) {
            authorization.addPermission(permission);
        }
        authorizations.saveAuthorization(authorization);
    }
}
