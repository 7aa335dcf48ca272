package com.engagementboard.summit;

/** The five elements of the engagement ecosystem the summit decides how to source. */
public enum SourcingElement {
    CONTENT_COMMUNICATIONS("Content and communications"),
    DATA_ANALYTICS("Data analytics and insight"),
    PRODUCT_INNOVATION("Product and service innovation"),
    EXPERIENCE_DESIGN("Customer-experience design and delivery"),
    BRAND_REPUTATION("Brand, reputation and corporate citizenship");

    private final String label;

    SourcingElement(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
