package com.engagementboard.organisation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

/** A place where the company meets a customer, external or internal, direct or indirect. */
@Entity
public class Touchpoint {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true, length = 60)
    private String code;

    @Column(nullable = false, length = 120)
    private String name;

    @Column(length = 2000)
    private String description;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private TouchpointKind kind;

    @Column(nullable = false, length = 60)
    private String channel;

    @Enumerated(EnumType.STRING)
    @Column(name = "journey_stage", nullable = false, length = 20)
    private JourneyStage journeyStage;

    @Column(nullable = false)
    private int priority;

    @Version
    private long version;

    protected Touchpoint() {
    }

    public Touchpoint(String code, String name, String description, TouchpointKind kind, String channel,
            JourneyStage journeyStage, int priority) {
        this.code = code;
        update(name, description, kind, channel, journeyStage, priority);
    }

    void update(String name, String description, TouchpointKind kind, String channel, JourneyStage journeyStage,
            int priority) {
        this.name = name;
        this.description = description;
        this.kind = kind;
        this.channel = channel;
        this.journeyStage = journeyStage;
        this.priority = priority;
    }

    public Long getId() {
        return id;
    }

    public String getCode() {
        return code;
    }

    public String getName() {
        return name;
    }

    public String getDescription() {
        return description;
    }

    public TouchpointKind getKind() {
        return kind;
    }

    public String getChannel() {
        return channel;
    }

    public JourneyStage getJourneyStage() {
        return journeyStage;
    }

    public int getPriority() {
        return priority;
    }
}
