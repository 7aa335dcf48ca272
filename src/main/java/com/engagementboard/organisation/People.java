package com.engagementboard.organisation;

import com.engagementboard.web.FormValues;
import com.engagementboard.web.PersonNames;
import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.IdentityServiceImpl;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.springframework.stereotype.Service;

/**
 * People and groups, kept in Camunda's identity service. Maintaining the groups that go with the
 * organisation (a function's head group, the board's groups) is the system's doing, not the caller's:
 * it runs without the caller's engine authorizations, after the application checked its own rules.
 */
@Service
public class People implements PersonNames {

    private final IdentityService identity;

    People(IdentityService identity) {
        this.identity = identity;
    }

    public boolean userExists(String userId) {
        return userId != null && asSystem(() -> identity.createUserQuery().userId(userId).count() > 0);
    }

    public boolean groupExists(String groupId) {
        return asSystem(() -> identity.createGroupQuery().groupId(groupId).count() > 0);
    }

    public List<String> groupsOf(String userId) {
        return asSystem(() -> identity.createGroupQuery().groupMember(userId).list().stream().map(Group::getId)
                .toList());
    }

    /** Most people a picker offers: Camunda's user query pages at this size too. */
    public static final int MAX_PICKER_PEOPLE = 2_000;

    /**
     * Everyone (up to {@value #MAX_PICKER_PEOPLE}) as a picker's choices: the name shown ("Clara Martens"),
     * the user id the value; a name two people share also shows the id.
     */
    public List<java.util.Map<String, Object>> pickerOptions() {
        List<User> users = asSystem(() -> identity.createUserQuery().orderByUserLastName().asc()
                .orderByUserFirstName().asc().listPage(0, MAX_PICKER_PEOPLE));
        java.util.Map<String, Long> names = users.stream().collect(java.util.stream.Collectors.groupingBy(
                People::name, java.util.stream.Collectors.counting()));
        return users.stream().map(u -> FormValues.option(u.getId(),
                names.get(name(u)) > 1 ? name(u) + " (" + u.getId() + ")" : name(u))).toList();
    }

    /** A person's name as people write it; the user id when Camunda holds no name. */
    @Override
    public String nameOf(String userId) {
        if (userId == null) {
            return null;
        }
        User user = asSystem(() -> identity.createUserQuery().userId(userId).singleResult());
        return user == null ? userId : name(user);
    }

    /** Ids a query asks for at once: Camunda's {@code userIdIn} becomes one {@code IN} list. */
    static final int NAMES_PER_QUERY = 500;

    /**
     * People's names by user id, in one query per {@value #NAMES_PER_QUERY} ids (a page of votes, agenda
     * items and actions asks once, not once a person); an id Camunda does not know maps to itself.
     */
    public java.util.Map<String, String> namesOf(java.util.Collection<String> userIds) {
        List<String> ids = userIds.stream().filter(java.util.Objects::nonNull).distinct().toList();
        java.util.Map<String, String> names = new java.util.HashMap<>();
        for (int from = 0; from < ids.size(); from += NAMES_PER_QUERY) {
            String[] chunk = ids.subList(from, Math.min(ids.size(), from + NAMES_PER_QUERY)).toArray(String[]::new);
            asSystem(() -> identity.createUserQuery().userIdIn(chunk).listPage(0, chunk.length))
                    .forEach(u -> names.put(u.getId(), name(u)));
        }
        ids.forEach(id -> names.putIfAbsent(id, id));
        return names;
    }

    private static String name(User user) {
        String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
                + (user.getLastName() == null ? "" : user.getLastName())).strip();
        return name.isEmpty() ? user.getId() : name;
    }

    /** The first {@code max} members of the group (by user id): to tell a few from many without reading them all. */
    public List<String> someMembersOf(String groupId, int max) {
        return asSystem(() -> identity.createUserQuery().memberOfGroup(groupId).orderByUserId().asc().listPage(0, max)
                .stream().map(User::getId).toList());
    }

    public List<String> membersOf(String groupId) {
        return asSystem(() -> identity.createUserQuery().memberOfGroup(groupId).orderByUserId().asc().list()
                .stream().map(User::getId).toList());
    }

    /** Creates the group unless it exists; renames it if its name changed. */
    public void ensureGroup(String groupId, String name, String type) {
        asSystem(() -> {
            Group group = identity.createGroupQuery().groupId(groupId).singleResult();
            if (group == null) {
                group = identity.newGroup(groupId);
                group.setName(name);
                group.setType(type);
                identity.saveGroup(group);
            } else if (!name.equals(group.getName())) {
                group.setName(name);
                identity.saveGroup(group);
            }
            return null;
        });
    }

    public void deleteGroup(String groupId) {
        asSystem(() -> {
            identity.deleteGroup(groupId);
            return null;
        });
    }

    /**
     * Creates the user unless a user with that id exists (an existing user is left as it is). The
     * password must follow Camunda's password policy.
     */
    public void ensureUser(String userId, String firstName, String lastName, String email, String password) {
        asSystem(() -> {
            if (identity.createUserQuery().userId(userId).count() == 0) {
                User user = identity.newUser(userId);
                user.setFirstName(firstName);
                user.setLastName(lastName);
                user.setEmail(email);
                user.setPassword(password);
                identity.saveUser(user);
            }
            return null;
        });
    }

    /** A user to create: who, not how they log in. */
    record NewUser(String id, String firstName, String lastName, String email) {
    }

    /** A password as Camunda stores it: the hash (with its algorithm prefix) and the salt it was hashed with. */
    record StoredPassword(String hash, String salt) {
    }

    /**
     * The users of the demo organisation, who share one published password ({@code demo}), stored as the
     * given hash and salt: hashing it at every first start would cost a PBKDF2 round (about 0.7 s) for a
     * password everyone knows. Bypasses the password policy; only the demo seeds users this way. Users that
     * exist are left as they are.
     */
    void ensureDemoUsers(List<NewUser> users, StoredPassword password) {
        asSystem(() -> {
            for (NewUser person : users) {
                if (identity.createUserQuery().userId(person.id()).count() > 0) {
                    continue;
                }
                UserEntity user = (UserEntity) identity.newUser(person.id());
                user.setFirstName(person.firstName());
                user.setLastName(person.lastName());
                user.setEmail(person.email());
                user.setDbPassword(password.hash());
                user.setSalt(password.salt());
                ((IdentityServiceImpl) identity).saveUser(user, true);
            }
            return null;
        });
    }

    public void addMember(String userId, String groupId) {
        asSystem(() -> {
            if (identity.createUserQuery().userId(userId).memberOfGroup(groupId).count() == 0) {
                identity.createMembership(userId, groupId);
            }
            return null;
        });
    }

    public void removeMember(String userId, String groupId) {
        asSystem(() -> {
            identity.deleteMembership(userId, groupId);
            return null;
        });
    }

    /** Makes the group's members exactly the given users. */
    public void setMembers(String groupId, List<String> userIds) {
        List<String> current = membersOf(groupId);
        current.stream().filter(u -> !userIds.contains(u)).forEach(u -> removeMember(u, groupId));
        userIds.stream().filter(u -> !current.contains(u)).forEach(u -> addMember(u, groupId));
    }

    private <T> T asSystem(Supplier<T> work) {
        Authentication caller = identity.getCurrentAuthentication();
        if (caller == null) {
            return work.get();
        }
        identity.clearAuthentication();
        try {
            return work.get();
        } finally {
            identity.setAuthentication(caller);
        }
    }
}
