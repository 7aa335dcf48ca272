package com.engagementboard.admin;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.camunda.bpm.engine.RuntimeService;

/**
 * How one kind of domain record pairs with its process: the instance of record {@code 12} runs with the
 * business key {@code <prefix>12} while the record is in one of the statuses that have an instance, and
 * not otherwise. Compares the records with the instances of the process that are running.
 *
 * @param entity the kind of record, as reported
 * @param processKey the process definition key
 * @param businessKeyPrefix the business key is this prefix and the record's id
 * @param statusesWithInstance the statuses in which the record's instance runs
 * @param statusesWindingDown the settled statuses in which the instance may still run for a while, with
 *        nothing left to decide (notices of a cancellation or withdrawal, unread, that expire by themselves)
 */
public record RecordProcessPairing(String entity, String processKey, String businessKeyPrefix,
        Set<String> statusesWithInstance, Set<String> statusesWindingDown) {

    /** A pairing whose settled records never have an instance. */
    public RecordProcessPairing(String entity, String processKey, String businessKeyPrefix,
            Set<String> statusesWithInstance) {
        this(entity, processKey, businessKeyPrefix, statusesWithInstance, Set.of());
    }

    /**
     * Every record a JPQL query selects as {@code id, status} (for example
     * {@code select s.id, s.status from Summit s}), against every running instance of the process.
     */
    public List<Mismatch> compare(jakarta.persistence.EntityManager entities, String idAndStatusQuery,
            RuntimeService runtime) {
        Map<Long, String> statuses = new java.util.HashMap<>();
        entities.createQuery(idAndStatusQuery, Object[].class).getResultList()
                .forEach(row -> statuses.put((Long) row[0], row[1].toString()));
        return compare(statuses, runtime);
    }

    /** Every record's status by id, against every running instance of the process. */
    public List<Mismatch> compare(Map<Long, String> statusById, RuntimeService runtime) {
        return compare(statusById, runtime.createProcessInstanceQuery().processDefinitionKey(processKey).list().stream()
                .map(instance -> new Running(instance.getId(), instance.getBusinessKey())).toList());
    }

    /** A running instance of the process: its id and business key. */
    record Running(String id, String businessKey) {
    }

    List<Mismatch> compare(Map<Long, String> statusById, Collection<Running> running) {
        Map<Long, List<String>> instancesByRecord = new TreeMap<>();
        List<Mismatch> mismatches = new ArrayList<>();
        for (Running instance : running) {
            String businessKey = instance.businessKey() == null ? "(none)" : instance.businessKey();
            Long recordId = recordId(instance.businessKey());
            if (recordId == null || !statusById.containsKey(recordId)) {
                mismatches.add(new Mismatch(Mismatch.Kind.PROCESS_WITHOUT_RECORD, entity,
                        recordId == null ? businessKey : recordId.toString(),
                        processKey + " instance " + instance.id() + " runs with business key " + businessKey
                                + ", which names no " + entity));
                continue;
            }
            instancesByRecord.computeIfAbsent(recordId, id -> new ArrayList<>()).add(instance.id());
        }
        new TreeMap<>(statusById).forEach((id, status) -> {
            List<String> instances = instancesByRecord.getOrDefault(id, List.of());
            boolean expected = statusesWithInstance.contains(status);
            if (expected && instances.isEmpty()) {
                mismatches.add(new Mismatch(Mismatch.Kind.RECORD_WITHOUT_PROCESS, entity, id.toString(), entity + " "
                        + id + " is " + status + ", but no " + processKey + " instance with business key "
                        + businessKeyPrefix + id + " is running"));
            } else if (!expected && !instances.isEmpty() && !statusesWindingDown.contains(status)) {
                mismatches.add(new Mismatch(Mismatch.Kind.PROCESS_FOR_SETTLED_RECORD, entity, id.toString(), entity
                        + " " + id + " is " + status + ", but " + processKey + " instance " + String.join(", ", instances)
                        + " (business key " + businessKeyPrefix + id + ") is still running"));
            }
            if (instances.size() > 1) {
                mismatches.add(new Mismatch(Mismatch.Kind.DUPLICATE_PROCESSES, entity, id.toString(), instances.size()
                        + " " + processKey + " instances run with business key " + businessKeyPrefix + id + ": "
                        + String.join(", ", instances)));
            }
        });
        return mismatches;
    }

    private Long recordId(String businessKey) {
        if (businessKey == null || !businessKey.startsWith(businessKeyPrefix)) {
            return null;
        }
        try {
            return Long.valueOf(businessKey.substring(businessKeyPrefix.length()));
        } catch (NumberFormatException notAnId) {
            return null;
        }
    }
}
