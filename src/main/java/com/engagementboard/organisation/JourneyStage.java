package com.engagementboard.organisation;

/**
 * The stages of the customer decision journey a touchpoint serves: initial consideration, active
 * evaluation, the moment of purchase, and the post-purchase experience (enjoy, advocate, bond).
 */
public enum JourneyStage {
    CONSIDER,
    EVALUATE,
    BUY,
    EXPERIENCE,
    ADVOCATE,
    BOND
}
