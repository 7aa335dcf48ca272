package com.engagementboard.board;

import com.engagementboard.organisation.Touchpoint;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** An action an item proposes at a touchpoint, created if the board approves the item. */
@Entity
@Table(name = "agenda_item_action")
class ProposedAction {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "item_id")
    private AgendaItem item;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "touchpoint_id")
    private Touchpoint touchpoint;

    @Column(nullable = false, length = 2000)
    private String description;

    /** The action goes to the BUILD owner instead of the OPERATE owner. */
    @Column(name = "use_build", nullable = false)
    private boolean build;

    @Column(name = "due_days", nullable = false)
    private int dueDays;

    protected ProposedAction() {
    }

    ProposedAction(AgendaItem item, Touchpoint touchpoint, String description, boolean build, int dueDays) {
        this.item = item;
        this.touchpoint = touchpoint;
        this.description = description;
        this.build = build;
        this.dueDays = dueDays;
    }

    Touchpoint getTouchpoint() {
        return touchpoint;
    }

    String getDescription() {
        return description;
    }

    boolean isBuild() {
        return build;
    }

    int getDueDays() {
        return dueDays;
    }
}
