package com.engagementboard.organisation;

/** Where the company meets the customer, see domain.md: direct, indirect (the product, the parcel) or internal. */
public enum TouchpointKind {
    EXTERNAL_DIRECT,
    EXTERNAL_INDIRECT,
    INTERNAL
}
