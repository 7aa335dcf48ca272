package com.engagementboard.web;

/**
 * A person's name as people write it, for the page header; the user id when there is no name. The
 * organisation keeps the names ({@code organisation.People}); the web pieces depend on no capability, so
 * they ask through this.
 */
public interface PersonNames {

    String nameOf(String userId);
}
