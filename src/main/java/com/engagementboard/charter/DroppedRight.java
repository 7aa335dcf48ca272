package com.engagementboard.charter;

import com.engagementboard.organisation.Touchpoint;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;

/** A right a draft removes on purpose, so that it is not carried over from the version in force. */
@Embeddable
class DroppedRight {

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "touchpoint_id")
    private Touchpoint touchpoint;

    @Enumerated(EnumType.STRING)
    @Column(name = "right_kind", nullable = false, length = 10)
    private RightKind right;

    protected DroppedRight() {
    }

    DroppedRight(Touchpoint touchpoint, RightKind right) {
        this.touchpoint = touchpoint;
        this.right = right;
    }

    boolean is(Touchpoint other, RightKind otherRight) {
        return touchpoint.getId().equals(other.getId()) && right == otherRight;
    }

    Touchpoint getTouchpoint() {
        return touchpoint;
    }

    RightKind getRight() {
        return right;
    }
}
