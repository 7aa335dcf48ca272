package com.engagementboard.board;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.io.Serializable;

/** An item on the agenda of a meeting: its place, and what became of it there. */
@Entity
@Table(name = "meeting_item")
class MeetingItem {

    enum Result { PENDING, DEFERRED, DECIDED, CARRIED_OVER, RETURNED, WITHDRAWN }

    @Embeddable
    record Key(@Column(name = "meeting_id") Long meetingId, @Column(name = "item_id") Long itemId)
            implements Serializable {
    }

    @EmbeddedId
    private Key key;

    @Column(nullable = false)
    private int position;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private Result result = Result.PENDING;

    protected MeetingItem() {
    }

    MeetingItem(long meetingId, long itemId, int position) {
        this.key = new Key(meetingId, itemId);
        this.position = position;
    }

    void position(int newPosition) {
        this.position = newPosition;
    }

    void result(Result newResult) {
        this.result = newResult;
    }

    long meetingId() {
        return key.meetingId();
    }

    long itemId() {
        return key.itemId();
    }

    int getPosition() {
        return position;
    }

    Result getResult() {
        return result;
    }
}
