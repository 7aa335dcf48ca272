package com.engagementboard.organisation;

import com.engagementboard.security.Groups;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A function of the company (Marketing, Sales, ...) that can own rights over touchpoints. Its head
 * accepts those rights; the head is the member of the Camunda group {@code head-<code>}.
 */
@Entity
@Table(name = "business_function")
public class BusinessFunction {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true, length = 40)
    private String code;

    @Column(nullable = false, length = 120)
    private String name;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "division_id")
    private Division division;

    @Column(name = "head_user_id", length = 64)
    private String headUserId;

    @Version
    private long version;

    protected BusinessFunction() {
    }

    public BusinessFunction(String code, String name, Division division, String headUserId) {
        this.code = code;
        this.name = name;
        this.division = division;
        this.headUserId = headUserId;
    }

    void update(String name, Division division, String headUserId) {
        this.name = name;
        this.division = division;
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

    public Division getDivision() {
        return division;
    }

    public String getHeadUserId() {
        return headUserId;
    }

    /** The Camunda group whose members accept this function's rights and own its changes. */
    public String getHeadGroup() {
        return Groups.head(code);
    }
}
