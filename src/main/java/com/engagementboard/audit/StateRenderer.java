package com.engagementboard.audit;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.bytecode.enhance.spi.LazyPropertyInitializer;
import org.hibernate.collection.spi.PersistentCollection;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.persister.collection.CollectionPersister;
import org.hibernate.persister.entity.EntityPersister;
import org.hibernate.proxy.HibernateProxy;
import org.hibernate.proxy.LazyInitializer;
import org.hibernate.type.CollectionType;
import org.hibernate.type.ComponentType;
import org.hibernate.type.EntityType;
import org.hibernate.type.Type;

/**
 * Turns Hibernate's view of an entity's state into small, JSON-ready values: an association becomes
 * the id of the other record, an embedded value a map of its properties, a collection the list of its
 * elements (only when it is loaded: rendering never loads anything from the database). Strings and
 * lists are bounded, so one line of the trail stays small whatever the record holds.
 */
final class StateRenderer {

    static final int MAX_STRING = 1000;
    static final int MAX_ELEMENTS = 100;

    /** Stands for a value that is not known without loading it; such a property is left out. */
    static final Object NOT_LOADED = new Object();

    private final SharedSessionContractImplementor session;

    StateRenderer(SharedSessionContractImplementor session) {
        this.session = session;
    }

    /**
     * The persistent properties of an entity, by name. Version counters are left out (they change on
     * every write and say nothing); collections only if asked for and loaded, and never the inverse
     * side of an association (the other record's line shows it).
     */
    Map<String, Object> properties(EntityPersister persister, Object[] state, boolean withCollections) {
        Map<String, Object> properties = new LinkedHashMap<>();
        if (state == null) {
            return properties;
        }
        String[] names = persister.getPropertyNames();
        Type[] types = persister.getPropertyTypes();
        int version = persister.isVersioned() ? persister.getVersionProperty() : -1;
        for (int i = 0; i < names.length; i++) {
            if (i == version || (types[i].isCollectionType() && !withCollections)) {
                continue;
            }
            Object value = types[i] instanceof CollectionType collection ? collection(collection, state[i])
                    : value(types[i], state[i]);
            if (value != NOT_LOADED) {
                properties.put(names[i], value);
            }
        }
        return properties;
    }

    /** The elements of a loaded collection (the owner's side of it), or {@link #NOT_LOADED}. */
    Object collection(CollectionType type, Object value) {
        CollectionPersister persister = session.getFactory().getMappingMetamodel()
                .getCollectionDescriptor(type.getRole());
        if (persister.isInverse()) {
            return NOT_LOADED;
        }
        if (value == null) {
            return null;
        }
        if (value instanceof PersistentCollection<?> persistent) {
            return persistent.wasInitialized() ? elements(persister, persistent.entries(persister)) : NOT_LOADED;
        }
        if (value instanceof Iterable<?> plain) {
            return elements(persister, plain.iterator());
        }
        return NOT_LOADED;
    }

    /** The elements of a collection as Hibernate last wrote it (its snapshot). */
    Object snapshot(CollectionPersister persister, Object snapshot) {
        if (snapshot instanceof Map<?, ?> map) {
            return elements(persister, map.values().iterator());
        }
        if (snapshot instanceof Iterable<?> list) {
            return elements(persister, list.iterator());
        }
        return NOT_LOADED;
    }

    List<Object> elements(CollectionPersister persister, Iterator<?> elements) {
        Type type = persister.getElementType();
        List<Object> rendered = new ArrayList<>();
        int more = 0;
        while (elements.hasNext()) {
            Object element = elements.next();
            if (rendered.size() < MAX_ELEMENTS) {
                rendered.add(value(type, element));
            } else {
                more++;
            }
        }
        if (more > 0) {
            rendered.add("… " + more + " more");
        }
        return rendered;
    }

    Object value(Type type, Object value) {
        if (value == null) {
            return null;
        }
        if (value == LazyPropertyInitializer.UNFETCHED_PROPERTY) {
            return NOT_LOADED;
        }
        if (type instanceof EntityType entity) {
            return reference(entity, value);
        }
        if (type instanceof ComponentType component) {
            return component(component, value);
        }
        return basic(value);
    }

    /** The id of a record, in the form the trail stores it. */
    Object id(EntityPersister persister, Object id) {
        return value(persister.getIdentifierType(), id);
    }

    private Object reference(EntityType type, Object entity) {
        EntityPersister persister = session.getFactory().getMappingMetamodel()
                .getEntityDescriptor(type.getAssociatedEntityName());
        LazyInitializer lazy = HibernateProxy.extractLazyInitializer(entity);
        Object id = lazy != null ? lazy.getInternalIdentifier() : persister.getIdentifier(entity, session);
        return id == null ? null : id(persister, id);
    }

    private Map<String, Object> component(ComponentType type, Object value) {
        Map<String, Object> properties = new LinkedHashMap<>();
        String[] names = type.getPropertyNames();
        Type[] types = type.getSubtypes();
        Object[] values = type.getPropertyValues(value);
        for (int i = 0; i < names.length; i++) {
            Object rendered = value(types[i], values[i]);
            if (rendered != NOT_LOADED) {
                properties.put(names[i], rendered);
            }
        }
        return properties;
    }

    private static Object basic(Object value) {
        if (value instanceof Number || value instanceof Boolean) {
            return value;
        }
        if (value instanceof Enum<?> constant) {
            return constant.name();
        }
        if (value instanceof byte[] bytes) {
            return bytes.length + " bytes";
        }
        return truncate(value.toString(), MAX_STRING);
    }

    static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max) + "… (" + text.length() + " characters)";
    }
}
