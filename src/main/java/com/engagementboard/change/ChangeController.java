package com.engagementboard.change;

import com.engagementboard.security.Groups;
import com.engagementboard.web.PageView;
import com.engagementboard.web.Paging;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Touchpoint changes: anyone proposes; everyone reads where each stands; operating heads grant permissions. */
@RestController
@Tag(name = "Changes")
class ChangeController {

    private final Changes changes;

    ChangeController(Changes changes) {
        this.changes = changes;
    }

    @PostMapping("/api/changes")
    @Operation(summary = "Propose a change at a touchpoint (anyone): the charter routes it to the touchpoint's "
            + "owners, to the board, or through a standing permission; 201 with where it stands")
    ResponseEntity<ChangeViews.ChangeView> propose(@RequestBody @Validated ChangeRequest request,
            Authentication user) {
        TouchpointChange change = changes.propose(request, user.getName());
        return ResponseEntity.created(URI.create("/api/changes/" + change.getId())).body(changes.view(change.getId()));
    }

    @GetMapping("/api/changes")
    @Operation(summary = "Changes, newest first, one page at a time: ?mine=true (proposed by me), ?function=mine "
            + "(my functions' as owners or affected; a function's code for that one), ?touchpoint=code, ?status=")
    PageView<ChangeViews.ChangeView> list(@RequestParam(required = false) Boolean mine,
            @RequestParam(required = false) @Size(max = 60) String function,
            @RequestParam(required = false) @Size(max = 60) String touchpoint,
            @RequestParam(required = false) TouchpointChange.Status status, Paging paging, Authentication user) {
        List<String> functions = function == null ? null : "mine".equals(function)
                ? Groups.of(user).stream().filter(Groups::isHeadGroup).map(Groups::functionOfHeadGroup).toList()
                : List.of(function);
        return changes.find(new Changes.Filter(Boolean.TRUE.equals(mine) ? user.getName() : null, touchpoint,
                status, functions), paging);
    }

    @GetMapping("/api/changes/{id}")
    @Operation(summary = "One change with where it stands and its history, step by step")
    ChangeViews.ChangeView one(@PathVariable long id) {
        return changes.view(id);
    }

    /** What front-line teams may change at a touchpoint (its code) without asking, up to what cost. */
    record PermissionRequest(
            @NotBlank @Size(max = 60) String touchpoint,
            @NotBlank @Size(max = StandingPermission.MAX_SCOPE) String scope,
            @NotNull @PositiveOrZero @Max(Changes.MAX_COST) @Schema(description = "the most a change within it "
                    + "may cost") Long costLimit) {
    }

    @GetMapping("/api/standing-permissions")
    @Operation(summary = "The standing permissions in force at a touchpoint (?touchpoint=code)")
    List<ChangeViews.PermissionView> permissions(@RequestParam @Size(max = 60) String touchpoint) {
        return changes.permissionsAt(touchpoint).stream().map(ChangeViews.PermissionView::of).toList();
    }

    @PostMapping("/api/standing-permissions")
    @Operation(summary = "Grant a standing permission at a touchpoint (the head of its OPERATE owner): changes "
            + "within it, up to its cost limit, skip the design decision; 403 for anyone else")
    ResponseEntity<ChangeViews.PermissionView> grant(@RequestBody @Validated PermissionRequest request,
            Authentication user) {
        StandingPermission permission = changes.grant(request.touchpoint(), request.scope(), request.costLimit(), user.getName(),
                Groups.of(user));
        return ResponseEntity.status(HttpStatus.CREATED).body(ChangeViews.PermissionView.of(permission));
    }

    @DeleteMapping("/api/standing-permissions/{id}")
    @ResponseStatus(HttpStatus.OK)
    @Operation(summary = "Revoke a standing permission (the head of its function); 409 once revoked")
    ChangeViews.PermissionView revoke(@PathVariable long id, Authentication user) {
        return ChangeViews.PermissionView.of(changes.revoke(id, user.getName(), Groups.of(user)));
    }
}
