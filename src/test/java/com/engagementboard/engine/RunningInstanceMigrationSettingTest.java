package com.engagementboard.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** {@code engagement-board.migrate-running-instances}: on unless set to false. */
class RunningInstanceMigrationSettingTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withBean(RepositoryService.class, () -> mock(RepositoryService.class))
            .withBean(RuntimeService.class, () -> mock(RuntimeService.class))
            .withUserConfiguration(RunningInstanceMigration.class);

    @Test
    void runningInstancesAreMigratedUnlessTheSettingSaysOtherwise() {
        context.run(started -> assertThat(started).hasSingleBean(RunningInstanceMigration.class));
        context.withPropertyValues("engagement-board.migrate-running-instances=true")
                .run(started -> assertThat(started).hasSingleBean(RunningInstanceMigration.class));
    }

    @Test
    void falseLeavesEveryInstanceOnItsVersion() {
        context.withPropertyValues("engagement-board.migrate-running-instances=false")
                .run(started -> assertThat(started).doesNotHaveBean(RunningInstanceMigration.class));
    }
}
