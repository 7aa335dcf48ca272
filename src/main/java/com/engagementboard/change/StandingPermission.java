package com.engagementboard.change;

import com.engagementboard.organisation.BusinessFunction;
import com.engagementboard.organisation.Touchpoint;
import com.engagementboard.web.ConflictException;
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
import java.time.Instant;

/**
 * What front-line teams may change at a touchpoint without asking, up to a cost limit: granted by the head of
 * the touchpoint's OPERATE owner, until revoked. A change within one skips the design decision.
 */
@Entity
@Table(name = "standing_permission")
class StandingPermission {

    static final int MAX_SCOPE = 2000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "touchpoint_id")
    private Touchpoint touchpoint;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "function_id")
    private BusinessFunction function;

    @Column(nullable = false, length = MAX_SCOPE)
    private String scope;

    @Column(name = "cost_limit", nullable = false)
    private long costLimit;

    @Column(name = "granted_by", nullable = false, length = 64)
    private String grantedBy;

    @Column(name = "granted_at", nullable = false)
    private Instant grantedAt;

    @Column(name = "revoked_by", length = 64)
    private String revokedBy;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    @Version
    private long version;

    protected StandingPermission() {
    }

    StandingPermission(Touchpoint touchpoint, BusinessFunction function, String scope, long costLimit,
            String grantedBy, Instant when) {
        this.touchpoint = touchpoint;
        this.function = function;
        this.scope = scope;
        this.costLimit = costLimit;
        this.grantedBy = grantedBy;
        this.grantedAt = when;
    }

    void revoke(String userId, Instant when) {
        if (revokedAt != null) {
            throw new ConflictException("Permission revoked already",
                    "This standing permission was revoked by " + revokedBy + " already.");
        }
        this.revokedBy = userId;
        this.revokedAt = when;
    }

    boolean active() {
        return revokedAt == null;
    }

    /** Whether a change of this cost, at this touchpoint, operated by this function, lies within it. */
    boolean covers(Touchpoint at, long cost, BusinessFunction operator) {
        return active() && touchpoint.getId().equals(at.getId()) && cost <= costLimit && operator != null
                && function.getId().equals(operator.getId());
    }

    /** The permission as a person reads it in a picker. */
    String label() {
        String text = touchpoint.getName() + ": " + scope.strip().lines().findFirst().orElse("") + " (up to "
                + costLimit + ")";
        return text.length() > 200 ? text.substring(0, 197) + "..." : text;
    }

    Long getId() {
        return id;
    }

    Touchpoint getTouchpoint() {
        return touchpoint;
    }

    BusinessFunction getFunction() {
        return function;
    }

    String getScope() {
        return scope;
    }

    long getCostLimit() {
        return costLimit;
    }

    String getGrantedBy() {
        return grantedBy;
    }

    Instant getGrantedAt() {
        return grantedAt;
    }

    String getRevokedBy() {
        return revokedBy;
    }

    Instant getRevokedAt() {
        return revokedAt;
    }
}
