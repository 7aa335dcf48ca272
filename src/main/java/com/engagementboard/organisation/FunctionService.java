package com.engagementboard.organisation;

import com.engagementboard.security.Groups;
import com.engagementboard.web.ConflictException;
import com.engagementboard.web.InvalidInputException;
import com.engagementboard.web.NotFoundException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.Objects;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The functions of the company and their head groups. */
@Service
public class FunctionService {

    static final String HEAD_GROUP_TYPE = "function-head";

    private final FunctionRepository functions;
    private final DivisionRepository divisions;
    private final People people;
    private final ApplicationEventPublisher events;

    FunctionService(FunctionRepository functions, DivisionRepository divisions, People people,
            ApplicationEventPublisher events) {
        this.events = events;
        this.functions = functions;
        this.divisions = divisions;
        this.people = people;
    }

    @Transactional(readOnly = true)
    public List<BusinessFunction> all() {
        return functions.findAllByOrderByName();
    }

    @Transactional(readOnly = true)
    public List<Division> divisions() {
        return divisions.findAllByOrderByName();
    }

    @Transactional(readOnly = true)
    public BusinessFunction get(String code) {
        return functions.findByCode(code).orElseThrow(() -> new NotFoundException("function", code));
    }

    /** The functions with the given codes, by code (unknown codes are simply absent). */
    @Transactional(readOnly = true)
    public Map<String, BusinessFunction> byCodes(Collection<String> codes) {
        return functions.findByCodeIn(codes).stream().collect(Collectors.toMap(BusinessFunction::getCode, f -> f));
    }

    @Transactional(readOnly = true)
    public boolean exists(String code) {
        return functions.existsByCode(code);
    }

    /** Creates the function and its {@code head-<code>} group, with the head as its member. */
    @Transactional
    public BusinessFunction create(FunctionRequest request) {
        if (functions.existsByCode(request.code())) {
            throw new ConflictException("Duplicate function code",
                    "A function with code '" + request.code() + "' exists already; choose another code.");
        }
        Division division = division(request.division());
        String head = head(request.headUserId());
        BusinessFunction function = functions.save(new BusinessFunction(request.code(), request.name(), division, head));
        people.ensureGroup(function.getHeadGroup(), "Head of " + request.name(), HEAD_GROUP_TYPE);
        if (head != null) {
            people.addMember(head, function.getHeadGroup());
        }
        events.publishEvent(OrganisationChanged.FUNCTIONS);
        return function;
    }

    @Transactional
    public BusinessFunction update(String code, FunctionRequest request) {
        if (request.code() != null && !request.code().equals(code)) {
            throw new InvalidInputException("code", "cannot be changed (was '" + code + "', got '"
                    + request.code() + "'); create a new function instead");
        }
        BusinessFunction function = get(code);
        Division division = division(request.division());
        String newHead = head(request.headUserId());
        String oldHead = function.getHeadUserId();
        function.update(request.name(), division, newHead);
        people.ensureGroup(function.getHeadGroup(), "Head of " + request.name(), HEAD_GROUP_TYPE);
        if (!Objects.equals(oldHead, newHead)) {
            if (oldHead != null) {
                people.removeMember(oldHead, function.getHeadGroup());
            }
            if (newHead != null) {
                people.addMember(newHead, function.getHeadGroup());
            }
        }
        events.publishEvent(OrganisationChanged.FUNCTIONS);
        return functions.saveAndFlush(function);
    }

    @Transactional
    public void delete(String code) {
        BusinessFunction function = get(code);
        functions.delete(function);
        functions.flush();
        people.deleteGroup(function.getHeadGroup());
        events.publishEvent(OrganisationChanged.FUNCTIONS);
    }

    private Division division(String code) {
        if (code == null || code.isBlank()) {
            return null;
        }
        return divisions.findByCode(code).orElseThrow(() -> new InvalidInputException("division",
                "there is no division '" + code + "'; known divisions are " + divisions.findAllByOrderByName()
                        .stream().map(Division::getCode).toList()));
    }

    private String head(String userId) {
        if (userId == null || userId.isBlank()) {
            return null;
        }
        if (!people.userExists(userId)) {
            throw new InvalidInputException("headUserId", "there is no user '" + userId
                    + "'; create the user in Camunda Admin first");
        }
        return userId;
    }
}
