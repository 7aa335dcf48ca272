package com.engagementboard.board;

import com.engagementboard.board.BoardViews.AgendaEntry;
import com.engagementboard.board.BoardViews.DecisionView;
import com.engagementboard.board.BoardViews.MeetingView;
import com.engagementboard.web.NotFoundException;
import com.engagementboard.web.PageView;
import com.engagementboard.web.Paging;
import jakarta.persistence.criteria.Predicate;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reading the board's record: meetings with their agendas, and the decision register. */
@Service
@Transactional(readOnly = true)
class BoardRegister {

    private final MeetingRepository meetings;
    private final MeetingItemRepository agenda;
    private final AgendaItemRepository items;
    private final DecisionRepository decisions;
    private final Clock clock;

    BoardRegister(MeetingRepository meetings, MeetingItemRepository agenda,
            AgendaItemRepository items, DecisionRepository decisions, Clock clock) {
        this.clock = clock;
        this.meetings = meetings;
        this.agenda = agenda;
        this.items = items;
        this.decisions = decisions;
    }

    /** Newest first; the id keeps meetings at the same moment in one order from page to page. */
    private static final Sort MEETING_ORDER = Sort.by(Sort.Direction.DESC, "scheduledAt", "id");

    /** Newest first; the id keeps decisions of the same moment in one order from page to page. */
    private static final Sort DECISION_ORDER = Sort.by(Sort.Direction.DESC, "decidedAt", "id");

    /**
     * One page of meetings with their agendas: three queries whatever the page size (the meetings, their
     * agendas, the titles of the items on them), not two more per meeting.
     */
    PageView<MeetingView> meetings(Paging paging) {
        Page<Meeting> page = meetings.findAll(paging.in(MEETING_ORDER));
        List<Long> ids = page.getContent().stream().map(Meeting::getId).toList();
        Map<Long, List<MeetingItem>> agendas = ids.isEmpty() ? Map.of()
                : agenda.findByKeyMeetingIdInOrderByPosition(ids).stream()
                        .collect(Collectors.groupingBy(MeetingItem::meetingId));
        Map<Long, String> titles = titles(agendas.values().stream().flatMap(List::stream).toList());
        return PageView.of(page, m -> view(m, agendas.getOrDefault(m.getId(), List.of()), titles));
    }

    MeetingView meeting(long id) {
        return view(meetings.findById(id).orElseThrow(() -> new NotFoundException("meeting", "" + id)));
    }

    Meeting entity(long id) {
        return meetings.findById(id).orElseThrow(() -> new NotFoundException("meeting", "" + id));
    }

    private MeetingView view(Meeting m) {
        List<MeetingItem> onAgenda = agenda.findByKeyMeetingIdOrderByPosition(m.getId());
        return view(m, onAgenda, titles(onAgenda));
    }

    /** One query for the titles of the items on the agendas given, not one per item. */
    private Map<Long, String> titles(List<MeetingItem> onAgendas) {
        if (onAgendas.isEmpty()) {
            return Map.of();
        }
        return items.findAllById(onAgendas.stream().map(MeetingItem::itemId).distinct().toList()).stream()
                .collect(Collectors.toMap(AgendaItem::getId, AgendaItem::getTitle));
    }

    private static MeetingView view(Meeting m, List<MeetingItem> onAgenda, Map<Long, String> titles) {
        List<AgendaEntry> entries = onAgenda.stream()
                .map(e -> new AgendaEntry(e.getPosition(), e.itemId(), titles.get(e.itemId()), e.getResult().name()))
                .toList();
        return new MeetingView(m.getId(), m.getKind().name(), m.getStatus().name(), m.getScheduledAt(),
                m.getAgendaCutoff(), m.getEndsAt(), m.getCalledBy(), m.getReason(), entries,
                m.getCalledOffAt() == null ? null : new BoardViews.CallOff(m.getCalledOffBy(), m.getCalledOffAt(),
                        m.getCallOffReason()));
    }

    /** The whole register matching the filters, newest first: for the CSV download. */
    List<DecisionView> decisions(String touchpoint, String function, BoardController.Outcome outcome, Boolean escalated,
            LocalDate from, LocalDate to) {
        return decisions.findAll(filter(touchpoint, function, outcome, escalated, from, to), DECISION_ORDER).stream()
                .map(DecisionView::of).toList();
    }

    /**
     * One page of the register matching the filters, newest first: filtered, ordered and cut in the
     * database. A touchpoint or function reads the decision's search rows through their index. The days
     * from and to are days in the company's zone.
     */
    PageView<DecisionView> decisions(String touchpoint, String function, BoardController.Outcome outcome,
            Boolean escalated, LocalDate from, LocalDate to, Paging paging) {
        return PageView.of(decisions.findAll(filter(touchpoint, function, outcome, escalated, from, to),
                paging.in(DECISION_ORDER)), DecisionView::of);
    }

    private Specification<Decision> filter(String touchpoint, String function, BoardController.Outcome outcome,
            Boolean escalated, LocalDate from, LocalDate to) {
        ZoneId zone = clock.getZone();
        return (root, query, cb) -> {
            List<Predicate> all = new ArrayList<>();
            // A join, not a subquery: the database starts from the code's index. A decision holds a code
            // once (the rows' primary key), so the join never repeats a decision.
            if (touchpoint != null) {
                all.add(cb.equal(root.join("touchpointCodes"), touchpoint));
            }
            if (function != null) {
                all.add(cb.equal(root.join("functionCodes"), function));
            }
            if (outcome != null) {
                all.add(cb.equal(root.get("outcome"), outcome.name()));
            }
            if (escalated != null) {
                all.add(cb.equal(root.get("escalated"), escalated));
            }
            if (from != null) {
                all.add(cb.greaterThanOrEqualTo(root.get("decidedAt"), from.atStartOfDay(zone).toInstant()));
            }
            if (to != null) {
                all.add(cb.lessThan(root.get("decidedAt"), to.plusDays(1).atStartOfDay(zone).toInstant()));
            }
            return cb.and(all.toArray(Predicate[]::new));
        };
    }

    /** The longest text the register's search box looks for. */
    static final int MAX_SEARCH_TEXT = 200;

    /**
     * One page of the register for its page: the API's filters (touchpoint, function, outcome), and also a text
     * in the decision's title or the decision asked (case-insensitive, wildcards taken literally) and the meeting
     * that took it; newest first, filtered and cut in the database.
     */
    PageView<DecisionView> search(String text, Long meetingId, String touchpoint, String function,
            BoardController.Outcome outcome, Paging paging) {
        Specification<Decision> spec = filter(touchpoint, function, outcome, null, null, null);
        if (text != null && !text.isBlank()) {
            String cut = text.strip();
            cut = cut.length() > MAX_SEARCH_TEXT ? cut.substring(0, MAX_SEARCH_TEXT) : cut;
            String pattern = "%" + cut.toLowerCase(java.util.Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
                    .replace("_", "\\_") + "%";
            spec = spec.and((root, query, cb) -> cb.or(cb.like(cb.lower(root.<String>get("title")), pattern, '\\'),
                    cb.like(cb.lower(root.<String>get("decisionAsked")), pattern, '\\')));
        }
        if (meetingId != null) {
            spec = spec.and((root, query, cb) -> cb.equal(root.get("meetingId"), meetingId));
        }
        return PageView.of(decisions.findAll(spec, paging.in(DECISION_ORDER)), DecisionView::of);
    }

    /** One entry of the register; 404 for an unknown id. */
    DecisionView decision(long id) {
        return decisions.findById(id).map(DecisionView::of)
                .orElseThrow(() -> new NotFoundException("decision", String.valueOf(id)));
    }

    List<DecisionView> decisionsOf(long meetingId) {
        return decisions.findByMeetingIdOrderById(meetingId).stream().map(DecisionView::of).toList();
    }
}
