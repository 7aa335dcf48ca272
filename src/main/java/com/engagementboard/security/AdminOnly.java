package com.engagementboard.security;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.security.access.prepost.PreAuthorize;

/** Only administrators (Camunda's {@code camunda-admin} group) may do this; anyone else gets 403. */
@Target({ ElementType.METHOD, ElementType.TYPE })
@Retention(RetentionPolicy.RUNTIME)
@PreAuthorize("hasAuthority('GROUP_" + Groups.ADMIN + "')")
public @interface AdminOnly {
}
