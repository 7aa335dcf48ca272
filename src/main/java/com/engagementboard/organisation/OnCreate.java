package com.engagementboard.organisation;

/** Validation group for the rules that hold only when a resource is created (its code is required). */
interface OnCreate {
}
