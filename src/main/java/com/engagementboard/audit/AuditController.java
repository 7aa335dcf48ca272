package com.engagementboard.audit;

import com.engagementboard.security.ChairOrAdmin;
import com.engagementboard.web.FieldProblem;
import com.engagementboard.web.InvalidInputException;
import com.engagementboard.web.PageView;
import com.engagementboard.web.Paging;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.persistence.EntityManagerFactory;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Reads the audit trail. There is no way to change or remove a line: only GET is mapped here. */
@RestController
@RequestMapping("/api/audit")
@Tag(name = "Audit")
@ChairOrAdmin
class AuditController {

    private final AuditEntryRepository trail;
    private final EntityManagerFactory persistence;
    private final ObjectMapper json;

    AuditController(AuditEntryRepository trail, EntityManagerFactory persistence, ObjectMapper json) {
        this.trail = trail;
        this.persistence = persistence;
        this.json = json;
    }

    /** One line: who changed which record when, and its properties before and after. */
    record AuditLine(long id, Instant at, String actor, String entity, String entityId, String action,
            JsonNode before, JsonNode after) {
    }

    @GetMapping
    @Operation(summary = "The audit trail, newest first (chair or administrator)",
            description = "Every creation, change and removal of a domain record: who (a user id, or 'system'), "
                    + "when, and the record's properties before and after (for a change only those that changed). "
                    + "Every filter given must match. One page at a time, newest first (the id breaking ties).")
    PageView<AuditLine> find(
            @Parameter(description = "the type of record, for example Touchpoint, CharterVersion, Allocation, "
                    + "AgendaItem, Decision, Summit")
            @RequestParam(required = false) String entity,
            @Parameter(description = "the id of the record")
            @RequestParam(required = false) String id,
            @Parameter(description = "the user who made the change, or 'system'")
            @RequestParam(required = false) String user,
            @Parameter(description = "from this moment on: an ISO-8601 instant (2025-03-01T09:00:00Z) or date "
                    + "(2025-03-01, from its start in UTC)")
            @RequestParam(required = false) String from,
            @Parameter(description = "up to this moment: an ISO-8601 instant or date (to the end of that day, UTC)")
            @RequestParam(required = false) String to,
            Paging paging) {
        List<FieldProblem> problems = new ArrayList<>();
        String type = blank(entity) == null ? null : AuditedTypes.find(persistence, entity).orElse(null);
        if (blank(entity) != null && type == null) {
            problems.add(new FieldProblem("entity", "'" + entity + "' is not a type of record; known types are "
                    + String.join(", ", AuditedTypes.names(persistence))));
        }
        Instant start = moment("from", from, false, problems);
        Instant until = moment("to", to, true, problems);
        if (start != null && until != null && !until.isAfter(start)) {
            problems.add(new FieldProblem("to", "must not be before 'from'"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return PageView.of(trail.search(new AuditSearch.Criteria(type, blank(id), blank(user), start, until),
                paging.pageable()), this::line);
    }

    /**
     * An ISO-8601 instant, date-time with offset, or date. For the end of a range a date means the whole
     * day; the result is the exclusive end.
     */
    private static Instant moment(String name, String value, boolean end, List<FieldProblem> problems) {
        String given = blank(value);
        if (given == null) {
            return null;
        }
        try {
            Instant instant = OffsetDateTime.parse(given).toInstant();
            return end ? instant.truncatedTo(ChronoUnit.MICROS).plus(1, ChronoUnit.MICROS) : instant;
        } catch (DateTimeParseException notADateTime) {
            try {
                LocalDate day = LocalDate.parse(given);
                return (end ? day.plusDays(1) : day).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException notADate) {
                problems.add(new FieldProblem(name, "'" + value + "' is not an ISO-8601 instant "
                        + "(2025-03-01T09:00:00Z) or date (2025-03-01)"));
                return null;
            }
        }
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private AuditLine line(AuditEntry entry) {
        return new AuditLine(entry.getId(), entry.getAt(), entry.getActor(), entry.getEntityType(),
                entry.getEntityId(), entry.getAction().name(), tree(entry.getBefore()), tree(entry.getAfter()));
    }

    private JsonNode tree(String state) {
        if (state == null) {
            return null;
        }
        try {
            return json.readTree(state);
        } catch (JsonProcessingException e) {
            return json.getNodeFactory().textNode(state);
        }
    }
}
