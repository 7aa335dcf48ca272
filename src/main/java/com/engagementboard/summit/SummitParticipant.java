package com.engagementboard.summit;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MapsId;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One person invited to a summit, with what they gave: their pre-work (the assessments) and their answer to
 * the vision. Each participant is a record of their own, so that twenty participants answering in the same
 * instant each write their own row and never conflict on the summit's. Changed only through the
 * {@link Summit}, which checks the summit's state first.
 */
@Entity
@Table(name = "summit_participant")
class SummitParticipant {

    @Embeddable
    record Key(@Column(name = "summit_id") Long summitId, @Column(name = "user_id", length = 64) String userId)
            implements Serializable {
    }

    /** One stage of the customer decision journey as the participant sees it: today, wanted, evidence. */
    @Embeddable
    static class Assessment {
        @Column(name = "journey_stage", length = 20)
        String stage;
        @Column(length = 500)
        String today;
        @Column(length = 500)
        String wanted;
        @Column(length = 2000)
        String evidence;

        protected Assessment() {
        }

        Assessment(String stage, String today, String wanted, String evidence) {
            this.stage = stage;
            this.today = today;
            this.wanted = wanted;
            this.evidence = evidence;
        }
    }

    @EmbeddedId
    private Key key;

    @MapsId("summitId")
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "summit_id")
    private Summit summit;

    @Column(name = "pre_work_at")
    private Instant preWorkAt;

    @Column(length = 10)
    private String endorsement;

    @Column(length = 2000)
    private String objection;

    @ElementCollection
    @CollectionTable(name = "summit_assessment", joinColumns = {
            @JoinColumn(name = "summit_id", referencedColumnName = "summit_id"),
            @JoinColumn(name = "user_id", referencedColumnName = "user_id") })
    private List<Assessment> assessments = new ArrayList<>();

    @Version
    private long version;

    protected SummitParticipant() {
    }

    SummitParticipant(Summit summit, String userId) {
        this.summit = summit;
        this.key = new Key(null, userId);
    }

    /** The participant's pre-work: their assessments replace any earlier ones. */
    void preWork(List<Assessment> answers, Instant when) {
        assessments.clear();
        assessments.addAll(answers);
        preWorkAt = when;
    }

    /** A new vision opens a new round: the answer to the last one no longer stands. */
    void newRound() {
        endorsement = null;
        objection = null;
    }

    void answer(String newEndorsement, String newObjection) {
        endorsement = newEndorsement;
        objection = newObjection;
    }

    /** The round closed without an answer from this participant. */
    void noAnswer() {
        if (endorsement == null) {
            endorsement = Summit.NO_ANSWER;
        }
    }

    String userId() {
        return key.userId();
    }

    Instant preWorkAt() {
        return preWorkAt;
    }

    boolean preWorkIn() {
        return preWorkAt != null;
    }

    String endorsement() {
        return endorsement;
    }

    String objection() {
        return objection;
    }

    List<Assessment> assessments() {
        return Collections.unmodifiableList(assessments);
    }
}
