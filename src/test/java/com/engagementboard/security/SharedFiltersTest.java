package com.engagementboard.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.engagementboard.EngagementBoardTest;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;

/**
 * The Tasklist's shared filters, run as the people who open them: "All my tasks" shows a person's own tasks
 * and their groups' unclaimed ones (criteria the database starts from, not every open task joined with
 * authorizations), "Overdue" the same past their due date; a filter an earlier version made is brought up to
 * date at start.
 */
@EngagementBoardTest
class SharedFiltersTest {

    @Autowired
    FilterService filters;

    @Autowired
    TaskService tasks;

    @Autowired
    IdentityService identity;

    @Autowired
    IdentityBootstrap bootstrap;

    private final String tag = UUID.randomUUID().toString();

    @AfterEach
    void cleanUp() {
        identity.clearAuthentication();
        tasks.createTaskQuery().taskNameLike("%" + tag).list().forEach(t -> tasks.deleteTask(t.getId(), true));
    }

    private Task groupTask(String name, String group, Date due) {
        Task task = tasks.newTask();
        task.setName(name + " " + tag);
        task.setDueDate(due);
        tasks.saveTask(task);
        tasks.addCandidateGroup(task.getId(), group);
        return task;
    }

    private List<String> seenIn(String filterName, String user, String... groups) {
        Filter filter = filters.createFilterQuery().filterName(filterName).singleResult();
        identity.setAuthentication(user, List.of(groups));
        try {
            List<Task> seen = filters.list(filter.getId());
            return seen.stream().map(Task::getName).filter(n -> n.endsWith(tag)).map(n -> n.replace(" " + tag, ""))
                    .toList();
        } finally {
            identity.clearAuthentication();
        }
    }

    @Test
    void allMyTasksShowsMineAndMyGroupsUnclaimedOnesAndOverdueTheSamePastTheirDueDate() {
        Date past = new Date(System.currentTimeMillis() - 86_400_000L);
        Date future = new Date(System.currentTimeMillis() + 86_400_000L);
        groupTask("marketing unclaimed", "head-marketing", future);
        groupTask("marketing overdue", "head-marketing", past);
        Task claimed = groupTask("marketing claimed by its head", "head-marketing", future);
        tasks.claim(claimed.getId(), "marketing.head");
        Task colleague = groupTask("marketing claimed by someone else", "head-marketing", past);
        tasks.claim(colleague.getId(), "cmo");
        groupTask("sales unclaimed", "head-sales", past);

        assertThat(seenIn(IdentityBootstrap.FILTER_ALL, "marketing.head", "head-marketing", "employee"))
                .containsExactlyInAnyOrder("marketing unclaimed", "marketing overdue", "marketing claimed by its head");
        assertThat(seenIn(IdentityBootstrap.FILTER_OVERDUE, "marketing.head", "head-marketing", "employee"))
                .containsExactly("marketing overdue");
        assertThat(seenIn(IdentityBootstrap.FILTER_ALL, "sales.head", "head-sales", "employee"))
                .containsExactly("sales unclaimed");
        // Whoever claimed a task sees it, though they are not of its group.
        assertThat(seenIn(IdentityBootstrap.FILTER_ALL, "cmo", "board-chair", "employee"))
                .containsExactly("marketing claimed by someone else");
        assertThat(seenIn(IdentityBootstrap.FILTER_OVERDUE, "cmo", "board-chair", "employee"))
                .containsExactly("marketing claimed by someone else");
    }

    @Test
    void aSharedFilterOfAnEarlierVersionIsBroughtUpToDateAtStart() {
        Filter all = filters.createFilterQuery().filterName(IdentityBootstrap.FILTER_ALL).singleResult();
        // As the first versions made it: no criteria, no revision.
        filters.saveFilter(all.setQuery(tasks.createTaskQuery().orderByTaskPriority().desc())
                .setProperties(Map.of("description", "Every task I may work on", "priority", -10)));
        groupTask("marketing claimed by someone else", "head-marketing", null);
        tasks.claim(tasks.createTaskQuery().taskNameLike("%" + tag).singleResult().getId(), "cmo");
        // Without criteria, the head's authorization (their group's) lets the claimed task through.
        assertThat(seenIn(IdentityBootstrap.FILTER_ALL, "marketing.head", "head-marketing", "employee"))
                .containsExactly("marketing claimed by someone else");

        bootstrap.run(new DefaultApplicationArguments());

        Filter updated = filters.getFilter(all.getId());
        assertThat(updated.getProperties()).containsEntry("engagementBoardRevision", IdentityBootstrap.FILTER_REVISION)
                .containsEntry("priority", -10);
        assertThat(seenIn(IdentityBootstrap.FILTER_ALL, "marketing.head", "head-marketing", "employee")).isEmpty();
        assertThat(filters.createFilterQuery().filterName(IdentityBootstrap.FILTER_ALL).count())
                .as("updated in place, not made twice").isEqualTo(1);
    }
}
