package com.engagementboard.charter;

import java.util.EnumSet;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A board ruling on a dispute that no charter process waits for any more (the chair took the dispute back
 * when the board did not rule in time, or the version was withdrawn or superseded meanwhile): the charter
 * records it, so that the chair reads it with the version, not in a log. The board's {@code agenda-item}
 * process tells the chair besides (a notice that expires by itself).
 */
@Service
public class LateRulings {

    private final CharterRepository charters;

    LateRulings(CharterRepository charters) {
        this.charters = charters;
    }

    /**
     * Adds the ruling, in words, to the notes of a version still open (a draft or in acceptance); says whether
     * it did. A version that took force, was withdrawn or superseded keeps its record as it was.
     */
    @Transactional
    public boolean note(long charterVersionId, String said) {
        return charters.findById(charterVersionId)
                .filter(v -> EnumSet.of(CharterStatus.DRAFT, CharterStatus.IN_ACCEPTANCE).contains(v.getStatus()))
                .map(v -> {
                    v.addNote(said);
                    return true;
                }).orElse(false);
    }

    /** Whether the version's notes hold this one (a late ruling noted on it). */
    @Transactional(readOnly = true)
    public boolean noted(long charterVersionId, String said) {
        return charters.findById(charterVersionId).map(CharterVersion::getNotes)
                .filter(notes -> notes.contains(said)).isPresent();
    }

    /** How the version is named to people, in markdown: its number (once it has one) and its title, escaped. */
    @Transactional(readOnly = true)
    public String name(long charterVersionId) {
        return charters.findById(charterVersionId)
                .map(v -> "charter version " + (v.getNumber() == null ? v.getId() : v.getNumber()) + ", *"
                        + com.engagementboard.engine.Markdown.escape(v.getTitle()) + "* (" + v.getStatus().name().toLowerCase(java.util.Locale.ROOT)
                        .replace('_', ' ') + ")")
                .orElse("charter version " + charterVersionId + " (no longer on record)");
    }
}
