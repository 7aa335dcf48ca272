package com.engagementboard.audit;

import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.metamodel.EntityType;

/**
 * Which records the trail follows: every entity of the application's capabilities (organisation,
 * charter, board, summit, and any that come), except the trail's own lines. A type is named by its
 * simple class name, for example {@code Allocation}, {@code CharterVersion}, {@code AgendaItem}.
 */
final class AuditedTypes {

    private static final String APPLICATION = "com.engagementboard.";

    private AuditedTypes() {
    }

    static boolean isAudited(Class<?> type) {
        return type.getName().startsWith(APPLICATION) && !type.getPackageName().equals(
                AuditedTypes.class.getPackageName());
    }

    static String name(Class<?> type) {
        return type.getSimpleName();
    }

    /** The id as the trail stores it: plain for a simple id, JSON-like for a composite one. */
    static String idText(Object renderedId) {
        if (renderedId instanceof Map<?, ?> parts) {
            return parts.entrySet().stream().map(part -> part.getKey() + "=" + part.getValue())
                    .collect(Collectors.joining(",", "{", "}"));
        }
        return String.valueOf(renderedId);
    }

    /** The names of all audited types the persistence unit knows, sorted. */
    static SortedSet<String> names(EntityManagerFactory persistence) {
        return persistence.getMetamodel().getEntities().stream().map(EntityType::getJavaType)
                .filter(AuditedTypes::isAudited).map(AuditedTypes::name)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** The canonical name of a type given in any letter case, if it is audited. */
    static Optional<String> find(EntityManagerFactory persistence, String given) {
        return names(persistence).stream().filter(name -> name.equalsIgnoreCase(given.trim())).findFirst();
    }
}
