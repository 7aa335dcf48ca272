package com.engagementboard.organisation;

/** The shape of the codes that identify functions, divisions and touchpoints in URLs and groups. */
final class Codes {

    static final String PATTERN = "[a-z][a-z0-9]*(-[a-z0-9]+)*";
    static final String MESSAGE = "must be lower-case letters and digits, words joined by single hyphens, "
            + "starting with a letter (for example 'call-centre-script')";

    private Codes() {
    }
}
