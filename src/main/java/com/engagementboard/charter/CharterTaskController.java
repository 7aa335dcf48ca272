package com.engagementboard.charter;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A person's charter tasks (accept rights, resolve disputes, review), as in the Tasklist. */
@RestController
@RequestMapping("/api/charter/tasks")
@Tag(name = "Charter")
class CharterTaskController {

    private final CharterTasks tasks;

    CharterTaskController(CharterTasks tasks) {
        this.tasks = tasks;
    }

    @GetMapping
    @Operation(summary = "My open charter tasks, most urgent first")
    List<CharterTasks.TaskView> mine() {
        return tasks.mine();
    }

    @PostMapping("/{taskId}/complete")
    @Operation(summary = "Complete a charter task with its form's fields, e.g. "
            + "{\"decision\":\"DECLINE_SOME\",\"declinedRights\":[12],\"declineReason\":\"...\"}")
    ResponseEntity<Void> complete(@PathVariable String taskId, @RequestBody Map<String, Object> fields) {
        tasks.complete(taskId, fields);
        return ResponseEntity.noContent().build();
    }
}
