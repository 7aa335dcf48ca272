package com.engagementboard.shell;

import com.engagementboard.organisation.People;
import com.engagementboard.web.PersonNames;
import org.springframework.stereotype.Component;

/**
 * The names the page header shows, from the organisation's people. (It lives outside {@code web}, which
 * depends on no capability, and outside {@code organisation}, which the header does not belong to.)
 */
@Component
class PeopleNames implements PersonNames {

    private final People people;

    PeopleNames(People people) {
        this.people = people;
    }

    @Override
    public String nameOf(String userId) {
        return people.nameOf(userId);
    }
}
