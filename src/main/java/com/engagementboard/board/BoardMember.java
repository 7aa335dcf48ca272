package com.engagementboard.board;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A member of the board; core members take the decisions. */
@Entity
@Table(name = "board_member")
class BoardMember {

    @Id
    @Column(name = "user_id", length = 64)
    private String userId;

    @Column(nullable = false)
    private boolean core;

    protected BoardMember() {
    }

    BoardMember(String userId, boolean core) {
        this.userId = userId;
        this.core = core;
    }

    String getUserId() {
        return userId;
    }

    boolean isCore() {
        return core;
    }
}
