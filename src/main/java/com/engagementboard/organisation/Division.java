package com.engagementboard.organisation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/** A business unit of the company (Retail Banking, ...). Its head sits in the board's core group. */
@Entity
public class Division {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true, length = 40)
    private String code;

    @Column(nullable = false, length = 120)
    private String name;

    @Column(name = "head_user_id", length = 64)
    private String headUserId;

    protected Division() {
    }

    public Division(String code, String name, String headUserId) {
        this.code = code;
        this.name = name;
        this.headUserId = headUserId;
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

    public String getHeadUserId() {
        return headUserId;
    }
}
