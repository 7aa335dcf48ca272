package com.engagementboard.operations;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.engagementboard.EngagementBoardTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * {@code POST /api/admin/backups} refuses everyone but an administrator, with problem details; on the
 * tests' in-memory database it says there is nothing to back up (409) and writes no file. The backup of a
 * file database, and its restore, are {@link BackupRestoreIT}'s.
 */
@EngagementBoardTest
class BackupApiTest {

    @Autowired
    MockMvc mvc;

    @Test
    void onlyAnAdministratorMayTakeABackupAndAnInMemoryDatabaseHasNoneToTake() throws Exception {
        mvc.perform(post("/api/admin/backups"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(post("/api/admin/backups").with(httpBasic("cmo", "demo")))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(post("/api/admin/backups").with(httpBasic("admin", "demo")))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("Nothing to back up"));
    }
}
