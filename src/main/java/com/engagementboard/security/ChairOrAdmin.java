package com.engagementboard.security;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.security.access.prepost.PreAuthorize;

/** Only the board's chair and administrators may do this; anyone else gets 403. */
@Target({ ElementType.METHOD, ElementType.TYPE })
@Retention(RetentionPolicy.RUNTIME)
@PreAuthorize("hasAnyAuthority('GROUP_board-chair', 'GROUP_camunda-admin')")
public @interface ChairOrAdmin {
}
