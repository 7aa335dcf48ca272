package com.engagementboard.organisation;

/**
 * The touchpoints or the functions changed (one was created, renamed or deleted), published within the transaction
 * that changed them: what lists them by name, such as a form's pickers, reads them again once it commits.
 */
public record OrganisationChanged(String what) {

    static final OrganisationChanged TOUCHPOINTS = new OrganisationChanged("touchpoints");
    static final OrganisationChanged FUNCTIONS = new OrganisationChanged("functions");
}
