package com.engagementboard.board;

import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The board in counts and first rows, for pages that show what waits without the register (the home page):
 * charter disputes on the board's agenda, the next meeting with what is on it, the actions overdue or open.
 * Each list is a count and its first {@code top} rows, never a whole table.
 */
@Service
@Transactional(readOnly = true)
public class BoardOverview {

    /** Charter disputes at the board (items not yet decided) and the first titles. */
    public record Disputes(long atBoard, List<String> titles) {
    }

    /** The next meeting not yet over: its status, when, its cut-off, and what is on (or queued for) it. */
    public record NextMeeting(long id, String kind, String status, Instant at, Instant cutoff, long items,
            List<String> titles) {
    }

    /** An action as a list shows it: the owner function's name (null: the chair's) and the group it is for. */
    public record ActionRow(String description, String touchpoint, String function, String ownerGroup, Instant due,
            String status) {
    }

    private static final String ACTION_ROWS = """
            select a.description, t.name, f.name, a.ownerGroup, a.dueAt, a.status
            from BoardAction a join a.touchpoint t left join a.function f""";

    private final EntityManager entities;

    BoardOverview(EntityManager entities) {
        this.entities = entities;
    }

    public Disputes disputes(int top) {
        long atBoard = entities.createQuery("""
                select count(i) from AgendaItem i
                where i.kind = 'CHARTER_DISPUTE' and i.status not in ('DECIDED', 'WITHDRAWN')""", Long.class)
                .getSingleResult();
        List<String> titles = atBoard == 0 ? List.of() : entities.createQuery("""
                select i.title from AgendaItem i
                where i.kind = 'CHARTER_DISPUTE' and i.status not in ('DECIDED', 'WITHDRAWN')
                order by i.createdAt, i.id""", String.class).setMaxResults(top).getResultList();
        return new Disputes(atBoard, titles);
    }

    /** The next meeting not yet over, with its agenda, or the items queued for it while its agenda is open. */
    public Optional<NextMeeting> nextMeeting(int top) {
        Optional<Meeting> found = entities.createQuery("""
                select m from Meeting m
                where m.status in ('SCHEDULED', 'AGENDA_CLOSED', 'AGENDA_PUBLISHED', 'IN_SESSION')
                order by m.scheduledAt, m.id""", Meeting.class).setMaxResults(1).getResultStream().findFirst();
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Meeting m = found.get();
        long items;
        List<String> titles;
        if (m.getStatus() == Meeting.Status.SCHEDULED) {
            items = entities.createQuery("""
                    select count(i) from AgendaItem i where i.status in ('QUEUED', 'DEFERRED', 'CARRIED_OVER')""",
                    Long.class).getSingleResult();
            titles = items == 0 ? List.of() : entities.createQuery("""
                    select i.title from AgendaItem i where i.status in ('QUEUED', 'DEFERRED', 'CARRIED_OVER')
                    order by i.createdAt, i.id""", String.class).setMaxResults(top).getResultList();
        } else {
            items = entities.createQuery("""
                    select count(e) from MeetingItem e
                    where e.key.meetingId = :id and e.result not in ('DEFERRED', 'WITHDRAWN')""", Long.class)
                    .setParameter("id", m.getId()).getSingleResult();
            titles = items == 0 ? List.of() : entities.createQuery("""
                    select i.title from MeetingItem e, AgendaItem i
                    where e.key.meetingId = :id and i.id = e.key.itemId and e.result not in ('DEFERRED', 'WITHDRAWN')
                    order by e.position""", String.class).setParameter("id", m.getId()).setMaxResults(top)
                    .getResultList();
        }
        return Optional.of(new NextMeeting(m.getId(), m.getKind().name(), m.getStatus().name(), m.getScheduledAt(),
                m.getAgendaCutoff(), items, titles));
    }

    public List<ActionRow> overdueActions(Instant now, int top) {
        return actionRows(entities.createQuery(
                ACTION_ROWS + " where a.status = 'OPEN' and a.dueAt < :now order by a.dueAt, a.id", Object[].class)
                .setParameter("now", now).setMaxResults(top).getResultList());
    }

    public long countOverdueActions(Instant now) {
        return entities.createQuery("select count(a) from BoardAction a where a.status = 'OPEN' and a.dueAt < :now",
                Long.class).setParameter("now", now).getSingleResult();
    }

    /** A function's open and blocked actions, soonest due first. */
    public List<ActionRow> openActionsOf(String functionCode, int top) {
        return actionRows(entities.createQuery(ACTION_ROWS
                + " where f.code = :code and a.status in ('OPEN', 'BLOCKED') order by a.dueAt, a.id", Object[].class)
                .setParameter("code", functionCode).setMaxResults(top).getResultList());
    }

    private static List<ActionRow> actionRows(List<Object[]> rows) {
        return rows.stream().map(r -> new ActionRow((String) r[0], (String) r[1], (String) r[2], (String) r[3],
                (Instant) r[4], String.valueOf(r[5]))).toList();
    }

    public long countOpenActionsOf(String functionCode) {
        return entities.createQuery("""
                select count(a) from BoardAction a where a.function.code = :code and a.status in ('OPEN', 'BLOCKED')""",
                Long.class).setParameter("code", functionCode).getSingleResult();
    }

    public long countOverdueActionsOf(String functionCode, Instant now) {
        return entities.createQuery("""
                select count(a) from BoardAction a
                where a.function.code = :code and a.status = 'OPEN' and a.dueAt < :now""", Long.class)
                .setParameter("code", functionCode).setParameter("now", now).getSingleResult();
    }
}
