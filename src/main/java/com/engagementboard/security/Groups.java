package com.engagementboard.security;

import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * The Camunda groups the product works with. People and their groups live in Camunda's identity
 * service, so that candidate groups of user tasks work in the Tasklist as they are.
 */
public final class Groups {

    /** The chair of the board and the summit (the CMO in the demo). */
    public static final String BOARD_CHAIR = "board-chair";
    /** The board members who take decisions. */
    public static final String BOARD_CORE = "board-core";
    /** Every member of the board, core group included. */
    public static final String BOARD_MEMBER = "board-member";
    /** Receives what the board escalates. */
    public static final String CEO = "ceo";
    /** Every employee: may propose a change at a touchpoint. */
    public static final String EMPLOYEE = "employee";
    /** Administrators of users, groups, functions and the process engine (Camunda's admin group). */
    public static final String ADMIN = "camunda-admin";

    /** The groups every installation has, in addition to one head group per function. */
    public static final List<String> FIXED = List.of(BOARD_CHAIR, BOARD_CORE, BOARD_MEMBER, CEO, EMPLOYEE, ADMIN);

    private static final String HEAD_PREFIX = "head-";

    private Groups() {
    }

    /** The group of the head of a function, for example {@code head-marketing}. */
    public static String head(String functionCode) {
        return HEAD_PREFIX + functionCode;
    }

    public static boolean isHeadGroup(String groupId) {
        return groupId.startsWith(HEAD_PREFIX);
    }

    /** The function whose head group this is ({@code head-marketing}: {@code marketing}), or null. */
    public static String functionOfHeadGroup(String groupId) {
        return groupId != null && isHeadGroup(groupId) ? groupId.substring(HEAD_PREFIX.length()) : null;
    }

    /** The Spring Security authority that stands for membership of a Camunda group. */
    public static String authority(String groupId) {
        return AUTHORITY_PREFIX + groupId;
    }

    private static final String AUTHORITY_PREFIX = "GROUP_";

    /**
     * The Camunda groups of a logged-in person, from their authorities (read from Camunda's identity
     * service when they logged in, or on each HTTP Basic request), in the order given.
     */
    public static List<String> of(Authentication user) {
        return user.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith(AUTHORITY_PREFIX)).map(a -> a.substring(AUTHORITY_PREFIX.length())).toList();
    }
}
