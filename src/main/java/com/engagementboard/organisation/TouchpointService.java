package com.engagementboard.organisation;

import com.engagementboard.web.ConflictException;
import com.engagementboard.web.InvalidInputException;
import com.engagementboard.web.NotFoundException;
import com.engagementboard.web.Paging;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The touchpoints of the company: every place where it meets a customer. */
@Service
public class TouchpointService {

    /** Highest priority first; the code is unique, so the order is the same from one page to the next. */
    private static final Sort ORDER = Sort.by(Sort.Order.desc("priority"), Sort.Order.asc("code"));

    private final TouchpointRepository touchpoints;
    private final ApplicationEventPublisher events;

    TouchpointService(TouchpointRepository touchpoints, ApplicationEventPublisher events) {
        this.touchpoints = touchpoints;
        this.events = events;
    }

    /** The touchpoints matching every filter given (a null filter matches all), highest priority first. */
    @Transactional(readOnly = true)
    public List<Touchpoint> find(TouchpointKind kind, JourneyStage stage, Integer priority) {
        return touchpoints.findAll(filter(kind, stage, priority), ORDER);
    }

    /** One page of the touchpoints matching every filter given, highest priority first. */
    @Transactional(readOnly = true)
    public Page<Touchpoint> find(TouchpointKind kind, JourneyStage stage, Integer priority, Paging paging) {
        return touchpoints.findAll(filter(kind, stage, priority), paging.in(ORDER));
    }

    private static Specification<Touchpoint> filter(TouchpointKind kind, JourneyStage stage, Integer priority) {
        List<Specification<Touchpoint>> filters = new ArrayList<>();
        if (kind != null) {
            filters.add((root, query, cb) -> cb.equal(root.get("kind"), kind));
        }
        if (stage != null) {
            filters.add((root, query, cb) -> cb.equal(root.get("journeyStage"), stage));
        }
        if (priority != null) {
            filters.add((root, query, cb) -> cb.equal(root.get("priority"), priority));
        }
        return Specification.allOf(filters);
    }

    @Transactional(readOnly = true)
    public Touchpoint get(String code) {
        return touchpoints.findByCode(code).orElseThrow(() -> new NotFoundException("touchpoint", code));
    }

    /** The touchpoints with the given codes, by code (unknown codes are simply absent). */
    @Transactional(readOnly = true)
    public Map<String, Touchpoint> byCodes(Collection<String> codes) {
        return touchpoints.findByCodeIn(codes).stream().collect(Collectors.toMap(Touchpoint::getCode, t -> t));
    }

    @Transactional(readOnly = true)
    public boolean exists(String code) {
        return touchpoints.existsByCode(code);
    }

    @Transactional
    public Touchpoint create(TouchpointRequest request) {
        if (touchpoints.existsByCode(request.code())) {
            throw new ConflictException("Duplicate touchpoint code",
                    "A touchpoint with code '" + request.code() + "' exists already; choose another code.");
        }
        events.publishEvent(OrganisationChanged.TOUCHPOINTS);
        return touchpoints.saveAndFlush(new Touchpoint(request.code(), request.name(), request.description(),
                request.kind(), request.channel(), request.journeyStage(), request.priority()));
    }

    @Transactional
    public Touchpoint update(String code, TouchpointRequest request) {
        if (request.code() != null && !request.code().equals(code)) {
            throw new InvalidInputException("code", "cannot be changed (was '" + code + "', got '"
                    + request.code() + "'); create a new touchpoint instead");
        }
        Touchpoint touchpoint = get(code);
        touchpoint.update(request.name(), request.description(), request.kind(), request.channel(),
                request.journeyStage(), request.priority());
        events.publishEvent(OrganisationChanged.TOUCHPOINTS);
        return touchpoints.saveAndFlush(touchpoint);
    }

    @Transactional
    public void delete(String code) {
        touchpoints.delete(get(code));
        touchpoints.flush();
        events.publishEvent(OrganisationChanged.TOUCHPOINTS);
    }
}
