package com.engagementboard.board;

import com.engagementboard.board.BoardViews.DecisionView;
import com.engagementboard.board.BoardViews.MeetingView;
import com.engagementboard.charter.CharterOverview;
import com.engagementboard.organisation.BusinessFunction;
import com.engagementboard.organisation.FunctionService;
import com.engagementboard.organisation.People;
import com.engagementboard.organisation.Touchpoint;
import com.engagementboard.organisation.TouchpointService;
import com.engagementboard.web.PageView;
import com.engagementboard.web.Paging;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The board's record as its pages show it: the decision register, a decision with its facts, votes and actions,
 * the meetings with their agendas, and the actions by owner. Names, never user ids or codes; times in the board's
 * zone (as the minutes say them). Each page is a handful of queries, not one more per row.
 */
@Service
@Transactional(readOnly = true)
class BoardPages {

    /** A choice of a picker: the value sent, the name shown. */
    record Option(String value, String label) {
    }

    /** One row of the register. */
    record DecisionRow(long id, String title, String outcome, boolean escalated, String decidedAt, long meetingId,
            String meeting, List<String> touchpoints, List<String> functions) {
    }

    /** The register's search: what was asked for (as given back to the form) and the pickers' choices. */
    record Register(PageView<DecisionRow> page, List<Option> touchpoints, List<Option> functions,
            List<Option> meetings) {
    }

    /** One part of an item's fact base: "Customer behaviour", "40% hang up before question five". */
    record Fact(String label, String text) {
    }

    /** A vote as people say it: who (by name), how, and their comment. */
    record VoteLine(String voter, String vote, String comment, String castAt) {
    }

    /** An action a decision created: at which touchpoint, what, for whom (function and person), due when, how far. */
    record ActionLine(long id, long decisionId, String touchpoint, String description, String right, String owner,
            String ownerPerson, String due, String status, boolean overdue) {
    }

    /** One decision with everything it rested on and everything it set going. */
    record DecisionPage(long id, String title, String decisionAsked, String outcome, boolean escalated,
            String decidedAt, String author, List<Fact> facts, List<VoteLine> votes, String tieBrokenBy,
            String recommendation, String ceoDecision, String ceoComment, List<ActionLine> actions,
            Long charterVersionId, Integer charterVersionNumber, long meetingId, String meeting,
            List<String> touchpoints, List<String> functions, Long supersedes) {
    }

    /** One row of the list of meetings. */
    record MeetingRow(long id, String when, String kind, String status, int items, long decisions, boolean next,
            String cutoff) {
    }

    record Meetings(PageView<MeetingRow> page, MeetingRow next) {
    }

    /** An item on a meeting's agenda, with its author, what became of it there, its votes and its decision. */
    record AgendaLine(int position, long itemId, String title, String author, String result, String itemStatus,
            List<VoteLine> votes, Long decisionId, String outcome) {
    }

    /** A decision the meeting took, as its page lists it. */
    record DecisionLine(long id, String title, String outcome, boolean escalated) {
    }

    record MeetingPage(long id, String when, String cutoff, String ends, String kind, String status, String calledBy,
            String reason, String calledOffBy, String calledOffAt, String callOffReason, List<AgendaLine> agenda,
            List<DecisionLine> decisions, boolean hasMinutes, boolean beforeOpening) {
    }

    record Actions(PageView<ActionLine> page, List<Option> owners) {
    }

    /** The owner picker's value for the actions no function owns: the chair carries them (never a code's shape). */
    static final String CHAIR_OWNER = "_chair";

    /** How many meetings the register's meeting picker offers, newest first. */
    static final int MEETING_CHOICES = 100;

    private static final Set<Meeting.Status> NOT_YET_OPEN = EnumSet.of(Meeting.Status.SCHEDULED,
            Meeting.Status.AGENDA_CLOSED, Meeting.Status.AGENDA_PUBLISHED);
    /** The meetings not over yet: the next on the calendar, or the one in session now (as on the home page). */
    private static final Set<Meeting.Status> NOT_OVER = EnumSet.of(Meeting.Status.SCHEDULED,
            Meeting.Status.AGENDA_CLOSED, Meeting.Status.AGENDA_PUBLISHED, Meeting.Status.IN_SESSION);

    private static final Pattern FACT = Pattern.compile("^- \\*\\*(.+?):\\*\\* ?(.*)$");

    private final BoardRegister register;
    private final BoardActions actions;
    private final MeetingRepository meetings;
    private final AgendaItemRepository items;
    private final VoteRepository votes;
    private final DecisionRepository decisions;
    private final BoardSetupRepository setups;
    private final MeetingMinutes minutes;
    private final TouchpointService touchpoints;
    private final FunctionService functions;
    private final People people;
    private final CharterOverview charters;

    @SuppressWarnings("checkstyle:ParameterNumber")
    BoardPages(BoardRegister register, BoardActions actions, MeetingRepository meetings, AgendaItemRepository items,
            VoteRepository votes, DecisionRepository decisions, BoardSetupRepository setups, MeetingMinutes minutes,
            TouchpointService touchpoints, FunctionService functions, People people, CharterOverview charters) {
        this.register = register;
        this.actions = actions;
        this.meetings = meetings;
        this.items = items;
        this.votes = votes;
        this.decisions = decisions;
        this.setups = setups;
        this.minutes = minutes;
        this.touchpoints = touchpoints;
        this.functions = functions;
        this.people = people;
        this.charters = charters;
    }

    /** The board's zone: times as the minutes and the board's tasks say them. */
    ZoneId zone() {
        return minutes.when().getZone();
    }

    /**
     * The page's formatters, in the board's zone, made once per page: the zone is read from the board's set-up
     * (one query while no board is set up, each time), never once per row.
     */
    private record Formats(DateTimeFormatter when, DateTimeFormatter day, DateTimeFormatter meetingTime) {
    }

    private Formats formats() {
        ZoneId zone = zone();
        return new Formats(DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm z", Locale.ENGLISH).withZone(zone),
                DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH).withZone(zone),
                DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm z", Locale.ENGLISH).withZone(zone));
    }

    private static String format(DateTimeFormatter formatter, Instant at) {
        return at == null ? null : formatter.format(at);
    }

    // ----------------------------------------------------------------------------------------------- decisions

    Register register(String text, Long meetingId, String touchpoint, String function, BoardController.Outcome outcome,
            Paging paging) {
        PageView<DecisionView> found = register.search(text, meetingId, touchpoint, function, outcome, paging);
        Set<String> touchpointCodes = new LinkedHashSet<>();
        Set<String> functionCodes = new LinkedHashSet<>();
        found.content().forEach(d -> {
            touchpointCodes.addAll(d.touchpoints());
            functionCodes.addAll(d.functions());
        });
        Map<String, String> touchpointNames = touchpointNames(touchpointCodes);
        Map<String, String> functionNames = functionNames(functionCodes);
        Map<Long, Meeting> held = meetingsById(found.content().stream().map(DecisionView::meetingId).toList());
        Formats formats = formats();
        // A meeting as a picker and the register name it: its day and time (two meetings may share a day).
        DateTimeFormatter day = formats.meetingTime();
        PageView<DecisionRow> rows = found.map(d -> new DecisionRow(d.id(), d.title(), words(d.outcome()),
                d.escalated(), format(formats.when(), d.decidedAt()), d.meetingId(),
                meetingLabel(held.get(d.meetingId()), day),
                names(d.touchpoints(), touchpointNames), names(d.functions(), functionNames)));
        // The picker offers the touchpoints some decision names (of 2,000 touchpoints, those the board ruled on).
        Set<String> offered = new LinkedHashSet<>(decisions.findTouchpointCodesDecided());
        if (touchpoint != null) {
            offered.add(touchpoint);
        }
        List<Option> touchpointChoices = touchpoints.byCodes(offered).values().stream()
                .sorted(Comparator.comparing(Touchpoint::getName, String.CASE_INSENSITIVE_ORDER))
                .map(t -> new Option(t.getCode(), t.getName())).toList();
        List<Option> functionChoices = functions.all().stream().map(f -> new Option(f.getCode(), f.getName())).toList();
        List<Meeting> recent = new ArrayList<>(meetings.findAll(PageRequest.of(0, MEETING_CHOICES,
                Sort.by(Sort.Direction.DESC, "scheduledAt", "id"))).getContent());
        if (meetingId != null && recent.stream().noneMatch(m -> m.getId().equals(meetingId))) {
            meetings.findById(meetingId).ifPresent(recent::add);
        }
        List<Option> meetingChoices = recent.stream()
                .map(m -> new Option(String.valueOf(m.getId()), meetingLabel(m, day))).toList();
        return new Register(rows, touchpointChoices, functionChoices, meetingChoices);
    }

    DecisionPage decision(long id) {
        DecisionView d = register.decision(id);
        AgendaItem item = items.findById(d.itemId()).orElse(null);
        Formats formats = formats();
        List<Vote> voted = votes.findByMeetingIdAndItemIdOrderByCastAt(d.meetingId(), d.itemId());
        Function<String, String> name = names(java.util.stream.Stream.concat(voted.stream().map(Vote::getVoter),
                java.util.stream.Stream.of(item == null ? null : item.getAuthor(), d.tieBrokenBy())));
        List<VoteLine> cast = voted.stream().map(v -> voteLine(v, name, formats.when())).toList();
        List<ActionLine> set = actionLines(actions.ofDecisions(List.of(d.id())), formats.day());
        Meeting meeting = meetings.findById(d.meetingId()).orElse(null);
        return new DecisionPage(d.id(), d.title(), d.decisionAsked(), words(d.outcome()), d.escalated(),
                format(formats.when(), d.decidedAt()), item == null ? null : name.apply(item.getAuthor()), facts(d.factBase()),
                cast, d.tieBrokenBy() == null ? null : name.apply(d.tieBrokenBy()), d.recommendation(),
                d.ceoDecision() == null ? null : words(d.ceoDecision()), d.ceoComment(), set, d.charterVersionId(),
                charterNumber(d.charterVersionId()), d.meetingId(), meetingLabel(meeting, formats.meetingTime()),
                names(d.touchpoints(), touchpointNames(d.touchpoints())),
                names(d.functions(), functionNames(d.functions())), d.supersedes());
    }

    /** The number of the charter version in force when the decision was taken (null: none was, or it is gone). */
    private Integer charterNumber(Long charterVersionId) {
        if (charterVersionId == null) {
            return null;
        }
        return charters.numberOf(charterVersionId);
    }

    /** The item's fact base, written as "- **Label:** text" lines, as labelled parts. */
    static List<Fact> facts(String factBase) {
        List<Fact> facts = new ArrayList<>();
        if (factBase == null || factBase.isBlank()) {
            return facts;
        }
        String label = null;
        StringBuilder text = new StringBuilder();
        for (String line : factBase.split("\\R")) {
            Matcher fact = FACT.matcher(line);
            if (fact.matches()) {
                if (label != null || !text.isEmpty()) {
                    facts.add(new Fact(label, text.toString().strip()));
                }
                label = fact.group(1);
                text = new StringBuilder(fact.group(2));
            } else {
                text.append('\n').append(line);
            }
        }
        if (label != null || !text.toString().isBlank()) {
            facts.add(new Fact(label, text.toString().strip()));
        }
        return facts;
    }

    // ------------------------------------------------------------------------------------------------ meetings

    Meetings meetings(Paging paging) {
        PageView<MeetingView> found = register.meetings(paging);
        Map<Long, Long> decided = decisionCounts(found.content().stream().map(MeetingView::id).toList());
        Meeting next = meetings.findFirstByStatusInOrderByScheduledAtAscIdAsc(NOT_OVER).orElse(null);
        Long nextId = next == null ? null : next.getId();
        DateTimeFormatter when = formats().when();
        PageView<MeetingRow> rows = found.map(m -> new MeetingRow(m.id(), format(when, m.scheduledAt()),
                kindWords(m.kind()), statusWords(m.status()), m.agenda().size(), decided.getOrDefault(m.id(), 0L),
                m.id().equals(nextId), format(when, m.agendaCutoff())));
        MeetingRow nextRow = next == null ? null : new MeetingRow(next.getId(), format(when, next.getScheduledAt()),
                kindWords(next.getKind().name()), statusWords(next.getStatus().name()), -1,
                decisionCounts(List.of(next.getId())).getOrDefault(next.getId(), 0L), true,
                format(when, next.getAgendaCutoff()));
        return new Meetings(rows, nextRow);
    }

    private Map<Long, Long> decisionCounts(Collection<Long> meetingIds) {
        if (meetingIds.isEmpty()) {
            return Map.of();
        }
        return decisions.countByMeetingIds(meetingIds).stream()
                .collect(Collectors.toMap(r -> (Long) r[0], r -> ((Number) r[1]).longValue()));
    }

    MeetingPage meeting(long id) {
        MeetingView m = register.meeting(id);
        DateTimeFormatter when = formats().when();
        Map<Long, AgendaItem> onAgenda = items.findAllById(m.agenda().stream().map(BoardViews.AgendaEntry::itemId)
                .toList()).stream().collect(Collectors.toMap(AgendaItem::getId, i -> i));
        List<Vote> voted = votes.findByMeetingIdOrderByCastAt(id);
        Function<String, String> name = names(java.util.stream.Stream.of(voted.stream().map(Vote::getVoter),
                onAgenda.values().stream().map(AgendaItem::getAuthor),
                java.util.stream.Stream.of(m.calledBy(), m.calledOff() == null ? null : m.calledOff().by()))
                .flatMap(s -> s));
        Map<Long, List<VoteLine>> cast = voted.stream().collect(Collectors.groupingBy(
                Vote::getItemId, Collectors.mapping(v -> voteLine(v, name, when), Collectors.toList())));
        List<DecisionView> taken = register.decisionsOf(id);
        List<AgendaLine> agenda = m.agenda().stream().map(e -> {
            AgendaItem item = onAgenda.get(e.itemId());
            DecisionView decision = taken.stream().filter(d -> d.itemId().equals(e.itemId())).reduce((a, b) -> b)
                    .orElse(null);
            return new AgendaLine(e.position(), e.itemId(), e.title(), item == null ? null : name.apply(item.getAuthor()),
                    words(e.result()), item == null ? null : words(item.getStatus().name()),
                    // Votes are read once the item is decided, as the minutes show them: not while it is voted on.
                    decision == null ? List.of() : cast.getOrDefault(e.itemId(), List.of()),
                    decision == null ? null : decision.id(),
                    decision == null ? null : words(decision.outcome()));
        }).toList();
        return new MeetingPage(m.id(), format(when, m.scheduledAt()), format(when, m.agendaCutoff()),
                format(when, m.endsAt()), kindWords(m.kind()), statusWords(m.status()),
                m.calledBy() == null ? null : name.apply(m.calledBy()), m.reason(),
                m.calledOff() == null ? null : name.apply(m.calledOff().by()),
                m.calledOff() == null ? null : format(when, m.calledOff().at()),
                m.calledOff() == null ? null : m.calledOff().reason(), agenda,
                taken.stream().map(d -> new DecisionLine(d.id(), d.title(), words(d.outcome()), d.escalated())).toList(),
                m.status().equals(Meeting.Status.IN_SESSION.name()) || m.status().equals(Meeting.Status.CLOSED.name()),
                NOT_YET_OPEN.contains(Meeting.Status.valueOf(m.status())));
    }

    // ------------------------------------------------------------------------------------------------- actions

    /** One page of the actions, of one owner (a function's code or {@link #CHAIR_OWNER}) and status if given. */
    Actions actions(String owner, BoardAction.Status status, Paging paging) {
        PageView<BoardActions.ActionView> found = owner == null ? actions.all(status, paging)
                : actions.ofOwner(CHAIR_OWNER.equals(owner) ? null : owner, status, paging);
        List<ActionLine> lines = actionLines(found.content(), formats().day());
        PageView<ActionLine> page = new PageView<>(lines, found.page(), found.size(), found.totalElements(),
                found.totalPages());
        List<Option> owners = new ArrayList<>();
        functions.all().forEach(f -> owners.add(new Option(f.getCode(), f.getName())));
        owners.add(new Option(CHAIR_OWNER, "The chair (no function owns the right)"));
        return new Actions(page, owners);
    }

    /** The actions in words and names: touchpoints, functions and people in one query each. */
    private List<ActionLine> actionLines(List<BoardActions.ActionView> views, DateTimeFormatter day) {
        Map<String, Touchpoint> at = touchpoints.byCodes(views.stream().map(BoardActions.ActionView::touchpoint)
                .collect(Collectors.toSet()));
        Map<String, BusinessFunction> owners = functions.byCodes(views.stream().map(BoardActions.ActionView::function)
                .filter(java.util.Objects::nonNull).collect(Collectors.toSet()));
        String chair = setups.findById(BoardSetup.SINGLETON).map(BoardSetup::getChair).orElse(null);
        Function<String, String> name = names(java.util.stream.Stream.concat(
                owners.values().stream().map(BusinessFunction::getHeadUserId), java.util.stream.Stream.of(chair)));
        return views.stream().map(a -> {
            BusinessFunction function = a.function() == null ? null : owners.get(a.function());
            Touchpoint touchpoint = at.get(a.touchpoint());
            String owner = function != null ? function.getName() : a.function() != null ? a.function() : "The chair";
            String person = function != null ? name.apply(function.getHeadUserId())
                    : a.function() == null && chair != null ? name.apply(chair) : null;
            return new ActionLine(a.id(), a.decisionId(), touchpoint == null ? a.touchpoint() : touchpoint.getName(),
                    a.description(), words(a.right()), owner, person, format(day, a.dueAt()), words(a.status()),
                    a.overdue());
        }).toList();
    }

    // ------------------------------------------------------------------------------------------------- helpers

    private Map<String, String> touchpointNames(Collection<String> codes) {
        return codes.isEmpty() ? Map.of() : touchpoints.byCodes(codes).values().stream()
                .collect(Collectors.toMap(Touchpoint::getCode, Touchpoint::getName));
    }

    private Map<String, String> functionNames(Collection<String> codes) {
        return codes.isEmpty() ? Map.of() : functions.byCodes(codes).values().stream()
                .collect(Collectors.toMap(BusinessFunction::getCode, BusinessFunction::getName));
    }

    /** The names of the codes, in their order; a code with no entity left reads as itself. */
    private static List<String> names(List<String> codes, Map<String, String> names) {
        return codes.stream().map(String::strip).map(c -> names.getOrDefault(c, c)).toList();
    }

    private Map<Long, Meeting> meetingsById(Collection<Long> ids) {
        return ids.isEmpty() ? Map.of() : meetings.findAllById(new LinkedHashSet<>(ids)).stream()
                .collect(Collectors.toMap(Meeting::getId, m -> m));
    }

    private static String meetingLabel(Meeting meeting, DateTimeFormatter day) {
        if (meeting == null) {
            return "a meeting no longer on record";
        }
        return (meeting.getKind() == Meeting.Kind.EXTRAORDINARY ? "Extraordinary meeting of " : "Meeting of ")
                + day.format(meeting.getScheduledAt());
    }

    /** The names of the people a page shows, read in one query; a person not among them by their id. */
    private Function<String, String> names(java.util.stream.Stream<String> userIds) {
        Map<String, String> known = people.namesOf(userIds.filter(java.util.Objects::nonNull).toList());
        return userId -> userId == null ? null : known.getOrDefault(userId, userId);
    }

    private static VoteLine voteLine(Vote vote, Function<String, String> name, DateTimeFormatter when) {
        return new VoteLine(name.apply(vote.getVoter()), BoardMeetings.voteInWords(vote.getChoice()),
                vote.getComment() == null || vote.getComment().isBlank() ? null : vote.getComment().strip(),
                format(when, vote.getCastAt()));
    }

    static String words(String code) {
        return MeetingMinutes.words(code);
    }

    static String kindWords(String kind) {
        return Meeting.Kind.EXTRAORDINARY.name().equals(kind) ? "extraordinary" : "regular";
    }

    /** Where a meeting stands, in words. */
    static String statusWords(String status) {
        return switch (Meeting.Status.valueOf(status)) {
            case SCHEDULED -> "scheduled, agenda open";
            case AGENDA_CLOSED -> "agenda closed, the chair prepares it";
            case AGENDA_PUBLISHED -> "agenda published";
            case IN_SESSION -> "in session";
            case CLOSED -> "closed";
            case CANCELLED -> "called off";
        };
    }
}
