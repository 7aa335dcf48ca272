package com.engagementboard.board;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One core member's vote on one item at one meeting. */
@Entity
@Table(name = "board_vote")
class Vote {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "meeting_id", nullable = false)
    private Long meetingId;

    @Column(name = "item_id", nullable = false)
    private Long itemId;

    @Column(nullable = false, length = 64)
    private String voter;

    @Column(nullable = false, length = 10)
    private String choice;

    @Column(length = 2000)
    private String comment;

    @Column(name = "cast_at", nullable = false)
    private Instant castAt;

    protected Vote() {
    }

    Vote(long meetingId, long itemId, String voter, String choice, String comment, Instant castAt) {
        this.meetingId = meetingId;
        this.itemId = itemId;
        this.voter = voter;
        this.choice = choice;
        this.comment = comment;
        this.castAt = castAt;
    }

    Long getItemId() {
        return itemId;
    }

    String getVoter() {
        return voter;
    }

    String getChoice() {
        return choice;
    }

    String getComment() {
        return comment;
    }

    Instant getCastAt() {
        return castAt;
    }

    @Override
    public String toString() {
        return voter + ": " + choice + (comment == null || comment.isBlank() ? "" : " (" + comment + ")");
    }
}
