package com.engagementboard.board;

import com.engagementboard.board.BoardViews.AgendaEntry;
import com.engagementboard.board.BoardViews.DecisionView;
import com.engagementboard.board.BoardViews.MeetingView;
import com.engagementboard.web.NotFoundException;
import jakarta.persistence.criteria.Predicate;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
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

    BoardRegister(MeetingRepository meetings, MeetingItemRepository agenda,
            AgendaItemRepository items, DecisionRepository decisions) {
        this.meetings = meetings;
        this.agenda = agenda;
        this.items = items;
        this.decisions = decisions;
    }

    List<MeetingView> meetings() {
        return meetings.findAllByOrderByScheduledAtDesc().stream().map(this::view).toList();
    }

    MeetingView meeting(long id) {
        return view(meetings.findById(id).orElseThrow(() -> new NotFoundException("meeting", "" + id)));
    }

    Meeting entity(long id) {
        return meetings.findById(id).orElseThrow(() -> new NotFoundException("meeting", "" + id));
    }

    private MeetingView view(Meeting m) {
        List<MeetingItem> onAgenda = agenda.findByKeyMeetingIdOrderByPosition(m.getId());
        // One query for the titles of the whole agenda, not one per item.
        java.util.Map<Long, String> titles = items.findAllById(onAgenda.stream().map(MeetingItem::itemId).toList())
                .stream().collect(java.util.stream.Collectors.toMap(AgendaItem::getId, AgendaItem::getTitle));
        List<AgendaEntry> entries = onAgenda.stream()
                .map(e -> new AgendaEntry(e.getPosition(), e.itemId(), titles.get(e.itemId()), e.getResult().name()))
                .toList();
        return new MeetingView(m.getId(), m.getKind().name(), m.getStatus().name(), m.getScheduledAt(),
                m.getAgendaCutoff(), m.getEndsAt(), m.getCalledBy(), m.getReason(), entries);
    }

    List<DecisionView> decisions(String touchpoint, String function, BoardController.Outcome outcome, Boolean escalated,
            LocalDate from, LocalDate to) {
        Specification<Decision> filter = (root, query, cb) -> {
            List<Predicate> all = new ArrayList<>();
            if (touchpoint != null) {
                all.add(cb.like(cb.concat(cb.concat(",", root.get("touchpoints")), ","), "%," + touchpoint + ",%"));
            }
            if (function != null) {
                all.add(cb.like(cb.concat(cb.concat(",", root.get("functions")), ","), "%," + function + ",%"));
            }
            if (outcome != null) {
                all.add(cb.equal(root.get("outcome"), outcome.name()));
            }
            if (escalated != null) {
                all.add(cb.equal(root.get("escalated"), escalated));
            }
            if (from != null) {
                all.add(cb.greaterThanOrEqualTo(root.get("decidedAt"), from.atStartOfDay(ZoneId.systemDefault()).toInstant()));
            }
            if (to != null) {
                all.add(cb.lessThan(root.get("decidedAt"), to.plusDays(1).atStartOfDay(ZoneId.systemDefault()).toInstant()));
            }
            return cb.and(all.toArray(Predicate[]::new));
        };
        return decisions.findAll(filter, Sort.by(Sort.Direction.DESC, "decidedAt", "id")).stream()
                .map(DecisionView::of).toList();
    }

    List<DecisionView> decisionsOf(long meetingId) {
        return decisions.findByMeetingIdOrderById(meetingId).stream().map(DecisionView::of).toList();
    }
}
