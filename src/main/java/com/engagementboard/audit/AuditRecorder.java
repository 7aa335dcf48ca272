package com.engagementboard.audit;

import com.engagementboard.audit.AuditEntry.Action;
import java.time.Clock;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.function.Predicate;
import org.hibernate.action.spi.AfterTransactionCompletionProcess;
import org.hibernate.action.spi.BeforeTransactionCompletionProcess;
import org.hibernate.collection.spi.PersistentCollection;
import org.hibernate.engine.spi.CollectionEntry;
import org.hibernate.engine.spi.EntityEntry;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.engine.spi.Status;
import org.hibernate.event.spi.AbstractCollectionEvent;
import org.hibernate.event.spi.EventSource;
import org.hibernate.event.spi.PostCollectionRecreateEvent;
import org.hibernate.event.spi.PostCollectionRecreateEventListener;
import org.hibernate.event.spi.PostDeleteEvent;
import org.hibernate.event.spi.PostDeleteEventListener;
import org.hibernate.event.spi.PostInsertEvent;
import org.hibernate.event.spi.PostInsertEventListener;
import org.hibernate.event.spi.PostUpdateEvent;
import org.hibernate.event.spi.PostUpdateEventListener;
import org.hibernate.event.spi.PreCollectionRemoveEvent;
import org.hibernate.event.spi.PreCollectionRemoveEventListener;
import org.hibernate.event.spi.PreCollectionUpdateEvent;
import org.hibernate.event.spi.PreCollectionUpdateEventListener;
import org.hibernate.persister.collection.CollectionPersister;
import org.hibernate.persister.entity.EntityPersister;

/**
 * Hears every insert, update and delete Hibernate makes (and every change of a collection an entity
 * owns) and collects them per transaction ({@link PendingAudit}), which writes them just before it
 * commits, on its own connection. So a change that is rolled back leaves no line, and a change that
 * is committed always has one.
 */
final class AuditRecorder implements PostInsertEventListener, PostUpdateEventListener, PostDeleteEventListener,
        PreCollectionUpdateEventListener, PreCollectionRemoveEventListener, PostCollectionRecreateEventListener {

    /** Written for the elements of a collection that was changed without being loaded. */
    private static final String UNLOADED_ELEMENTS = "(not loaded)";

    /** How to read what a collection held before the change. */
    private interface Elements {
        Object of(StateRenderer render, CollectionPersister persister, PersistentCollection<?> collection);
    }

    private final Predicate<Class<?>> audited;
    private final Actors actors;
    private final Clock clock;
    private final Map<SharedSessionContractImplementor, PendingAudit> pending =
            Collections.synchronizedMap(new WeakHashMap<>());

    AuditRecorder(Predicate<Class<?>> audited, Actors actors, Clock clock) {
        this.audited = audited;
        this.actors = actors;
        this.clock = clock;
    }

    @Override
    public void onPostInsert(PostInsertEvent event) {
        EntityPersister persister = event.getPersister();
        if (isAudited(persister)) {
            StateRenderer render = new StateRenderer(event.getSession());
            record(event.getSession(), persister, event.getId(), Action.CREATED, null,
                    render.properties(persister, event.getState(), false));
        }
    }

    @Override
    public void onPostUpdate(PostUpdateEvent event) {
        EntityPersister persister = event.getPersister();
        if (isAudited(persister)) {
            StateRenderer render = new StateRenderer(event.getSession());
            // Without a loaded state (a detached record merged blind) "before" stays unknown: null.
            Map<String, Object> before = event.getOldState() == null ? Map.of()
                    : render.properties(persister, event.getOldState(), false);
            Map<String, Object> after = render.properties(persister, event.getState(), false);
            Map<String, Object> was = new LinkedHashMap<>();
            after.keySet().forEach(name -> was.put(name, before.get(name)));
            record(event.getSession(), persister, event.getId(), Action.UPDATED, was, after);
        }
    }

    @Override
    public void onPostDelete(PostDeleteEvent event) {
        EntityPersister persister = event.getPersister();
        if (isAudited(persister)) {
            StateRenderer render = new StateRenderer(event.getSession());
            record(event.getSession(), persister, event.getId(), Action.DELETED,
                    render.properties(persister, event.getDeletedState(), true), null);
        }
    }

    /** A collection changed in place: its stored snapshot is what it was. */
    @Override
    public void onPreUpdateCollection(PreCollectionUpdateEvent event) {
        collectionChange(event, (render, persister, collection) -> collection.wasInitialized()
                ? render.snapshot(persister, collection.getStoredSnapshot()) : UNLOADED_ELEMENTS, true);
    }

    /** A collection is dropped (replaced, or its owner removed: then the owner's line shows it). */
    @Override
    public void onPreRemoveCollection(PreCollectionRemoveEvent event) {
        collectionChange(event, AuditRecorder::elements, false);
    }

    /** A collection is written afresh: a new owner's, or one that replaced another. */
    @Override
    public void onPostRecreateCollection(PostCollectionRecreateEvent event) {
        collectionChange(event, null, true);
    }

    private void collectionChange(AbstractCollectionEvent event, Elements before, boolean hasAfter) {
        Object owner = event.getAffectedOwnerOrNull();
        EventSource session = event.getSession();
        if (owner == null) {
            return;
        }
        EntityEntry entry = session.getPersistenceContextInternal().getEntry(owner);
        if (entry == null || entry.getStatus() == Status.DELETED || entry.getStatus() == Status.GONE) {
            return;
        }
        EntityPersister persister = entry.getPersister();
        PersistentCollection<?> collection = event.getCollection();
        CollectionEntry collectionEntry = session.getPersistenceContextInternal().getCollectionEntry(collection);
        CollectionPersister collectionPersister = collectionEntry == null ? null
                : collectionEntry.getLoadedPersister() != null ? collectionEntry.getLoadedPersister()
                : collectionEntry.getCurrentPersister();
        if (!isAudited(persister) || collectionPersister == null || collectionPersister.isInverse()) {
            return;
        }
        String role = collectionPersister.getRole();
        String property = role.substring(role.lastIndexOf('.') + 1);
        StateRenderer render = new StateRenderer(session);
        Map<String, Object> was = new LinkedHashMap<>();
        was.put(property, before == null ? null : before.of(render, collectionPersister, collection));
        Map<String, Object> now = new LinkedHashMap<>();
        now.put(property, hasAfter ? elements(render, collectionPersister, collection) : List.of());
        record(session, persister, entry.getId(), Action.UPDATED, was, now);
    }

    private static Object elements(StateRenderer render, CollectionPersister persister,
            PersistentCollection<?> collection) {
        return collection.wasInitialized() ? render.elements(persister, collection.entries(persister))
                : UNLOADED_ELEMENTS;
    }

    private boolean isAudited(EntityPersister persister) {
        return audited.test(persister.getMappedClass());
    }

    private void record(EventSource session, EntityPersister persister, Object id, Action action,
            Map<String, Object> before, Map<String, Object> after) {
        StateRenderer render = new StateRenderer(session);
        PendingChange change = new PendingChange(clock.instant(), actors.current(),
                AuditedTypes.name(persister.getMappedClass()), AuditedTypes.idText(render.id(persister, id)), action,
                before, after);
        pending.computeIfAbsent(session, this::open).add(change);
    }

    private PendingAudit open(SharedSessionContractImplementor session) {
        PendingAudit audit = new PendingAudit(pending::remove);
        EventSource source = (EventSource) session;
        source.getActionQueue().registerProcess((BeforeTransactionCompletionProcess) audit);
        source.getActionQueue().registerProcess((AfterTransactionCompletionProcess) audit);
        return audit;
    }

    @Override
    public boolean requiresPostCommitHandling(EntityPersister persister) {
        return false;
    }
}
