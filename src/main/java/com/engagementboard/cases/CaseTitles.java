package com.engagementboard.cases;

import com.engagementboard.board.AgendaItemProcess;
import com.engagementboard.board.BoardActionProcess;
import com.engagementboard.board.BoardMeetingProcess;
import com.engagementboard.change.TouchpointChangeProcess;
import com.engagementboard.charter.TouchpointCharterProcess;
import com.engagementboard.summit.SummitProcess;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * What record a case is, in words ("Charter version 3, “Retail 2027”", "Regular board meeting of Mon 7 Dec
 * 2026, 09:00 CET"), and the page of that record. The application names every instance itself by a business
 * key of the record's id ({@code charter-12}, {@code meeting-4}, ...), and nobody changes a business key
 * afterwards. Read-only, by entity name, as the at-a-glance page reads the other capabilities: the records'
 * repositories are their packages' own.
 */
@Component
class CaseTitles {

    /** The record a case is about: its title in words and the page that shows it (null: none). */
    record Subject(String title, String link) {
    }

    private final EntityManager entities;

    CaseTitles(EntityManager entities) {
        this.entities = entities;
    }

    /**
     * The record of an instance of the given process with the given business key; the process's name and the
     * key when the key names no record of this product (or the record is gone).
     */
    Subject of(String processKey, String processName, String businessKey, DateTimeFormatter when) {
        Long id = idAfter(businessKey, prefixOf(processKey));
        Subject subject = id == null ? null : switch (processKey) {
            case TouchpointCharterProcess.KEY -> charter(id);
            case BoardMeetingProcess.KEY -> meeting(id, when);
            case SummitProcess.KEY -> summit(id, when);
            case AgendaItemProcess.KEY -> one("select i.title from AgendaItem i where i.id = :id", id,
                    title -> new Subject("Agenda item “" + title + "”", null));
            case BoardActionProcess.KEY -> one("select a.description from BoardAction a where a.id = :id", id,
                    text -> new Subject("Board action: " + text, "/board/actions"));
            case TouchpointChangeProcess.KEY -> one("select c.whatChange from TouchpointChange c where c.id = :id", id,
                    text -> new Subject("Change: " + text.strip().lines().findFirst().orElse(""), "/changes/" + id));
            default -> null;
        };
        if (subject != null) {
            return subject;
        }
        String name = processName == null ? processKey : processName;
        return new Subject(businessKey == null ? name : name + " " + businessKey, null);
    }

    private static String prefixOf(String processKey) {
        return switch (processKey) {
            case TouchpointCharterProcess.KEY -> TouchpointCharterProcess.BUSINESS_KEY_PREFIX;
            case BoardMeetingProcess.KEY -> BoardMeetingProcess.BUSINESS_KEY_PREFIX;
            case SummitProcess.KEY -> SummitProcess.BUSINESS_KEY_PREFIX;
            case AgendaItemProcess.KEY -> AgendaItemProcess.BUSINESS_KEY_PREFIX;
            case BoardActionProcess.KEY -> BoardActionProcess.BUSINESS_KEY_PREFIX;
            case TouchpointChangeProcess.KEY -> TouchpointChangeProcess.BUSINESS_KEY_PREFIX;
            default -> null;
        };
    }

    private static Long idAfter(String businessKey, String prefix) {
        if (prefix == null || businessKey == null || !businessKey.startsWith(prefix)) {
            return null;
        }
        try {
            return Long.valueOf(businessKey.substring(prefix.length()));
        } catch (NumberFormatException notAnId) {
            return null;
        }
    }

    private Subject charter(long id) {
        List<Object[]> found = entities.createQuery(
                "select v.title, v.number, v.status from CharterVersion v where v.id = :id", Object[].class)
                .setParameter("id", id).getResultList();
        if (found.isEmpty()) {
            return null;
        }
        Object[] v = found.get(0);
        String status = words(String.valueOf(v[2]));
        String title = v[1] == null ? "Charter draft “" + v[0] + "” (" + status + ")"
                : "Charter version " + v[1] + ", “" + v[0] + "” (" + status + ")";
        return new Subject(title, "/charter/versions");
    }

    private Subject meeting(long id, DateTimeFormatter when) {
        List<Object[]> found = entities.createQuery("select m.kind, m.scheduledAt from Meeting m where m.id = :id",
                Object[].class).setParameter("id", id).getResultList();
        if (found.isEmpty()) {
            return null;
        }
        Object[] m = found.get(0);
        String kind = words(String.valueOf(m[0]));
        return new Subject(Character.toUpperCase(kind.charAt(0)) + kind.substring(1) + " board meeting of "
                + when.format((Instant) m[1]), "/board/meetings/" + id);
    }

    private Subject summit(long id, DateTimeFormatter when) {
        List<Object[]> found = entities.createQuery("select s.title, s.at from Summit s where s.id = :id",
                Object[].class).setParameter("id", id).getResultList();
        if (found.isEmpty()) {
            return null;
        }
        Object[] s = found.get(0);
        return new Subject("Summit “" + s[0] + "”" + (s[1] == null ? "" : " of " + when.format((Instant) s[1])),
                "/summits/" + id);
    }

    private Subject one(String query, long id, java.util.function.Function<String, Subject> subject) {
        List<String> found = entities.createQuery(query, String.class).setParameter("id", id).setMaxResults(1)
                .getResultList();
        return found.isEmpty() ? null : subject.apply(found.get(0));
    }

    /** {@code IN_ACCEPTANCE}: "in acceptance". */
    private static String words(String constant) {
        return constant.toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
