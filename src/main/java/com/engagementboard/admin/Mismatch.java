package com.engagementboard.admin;

/**
 * One disagreement between a domain record and the process instances that should (or should not) run
 * for it.
 *
 * @param kind what disagrees
 * @param entity the kind of record, for example {@code charter-version}
 * @param id the record's id, or the business key of an instance that names no record
 * @param detail what was expected and what was found, for a person to act on
 */
public record Mismatch(Kind kind, String entity, String id, String detail) {

    public enum Kind {
        /** The record's status says its process runs, and no instance with its business key does. */
        RECORD_WITHOUT_PROCESS,
        /** The record's status says its process is over, and an instance with its business key still runs. */
        PROCESS_FOR_SETTLED_RECORD,
        /** A running instance whose business key names no record. */
        PROCESS_WITHOUT_RECORD,
        /** More than one running instance with the same business key. */
        DUPLICATE_PROCESSES
    }
}
