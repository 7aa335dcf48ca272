package com.engagementboard.charter;

import com.engagementboard.charter.CharterViews.Change;
import com.engagementboard.charter.CharterViews.Diff;
import com.engagementboard.charter.CharterViews.Owners;
import com.engagementboard.charter.CharterViews.Ownership;
import com.engagementboard.charter.CharterViews.VersionSummary;
import com.engagementboard.charter.CharterViews.VersionView;
import com.engagementboard.organisation.FunctionService;
import com.engagementboard.organisation.TouchpointService;
import com.engagementboard.web.NotFoundException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reading the charter: the effective version, the history of versions and what changed between them. */
@Service
@Transactional(readOnly = true)
public class CharterReading {

    private final CharterRepository charters;
    private final AllocationRepository allocations;
    private final FunctionService functions;
    private final TouchpointService touchpoints;

    CharterReading(CharterRepository charters, AllocationRepository allocations, FunctionService functions,
            TouchpointService touchpoints) {
        this.charters = charters;
        this.allocations = allocations;
        this.functions = functions;
        this.touchpoints = touchpoints;
    }

    VersionView effective() {
        return VersionView.of(charters.findFirstByStatus(CharterStatus.EFFECTIVE).orElseThrow(
                () -> new NotFoundException("effective charter", "(none yet: submit a draft and have it accepted)")));
    }

    /**
     * The id of the charter version in force now, if any: what other capabilities record beside what
     * they decide (the board's register), without reaching into the charter's insides.
     */
    public Optional<Long> effectiveVersionId() {
        return charters.findFirstByStatus(CharterStatus.EFFECTIVE).map(CharterVersion::getId);
    }

    List<VersionSummary> versions() {
        return charters.findByNumberNotNullOrderByNumberDesc().stream().map(VersionSummary::of).toList();
    }

    VersionView version(int number) {
        return VersionView.of(numbered(number));
    }

    Diff diff(int from, int to) {
        Map<String, Map<RightKind, String>> before = CharterViews.owners(numbered(from));
        Map<String, Map<RightKind, String>> after = CharterViews.owners(numbered(to));
        List<Change> changes = new ArrayList<>();
        TreeSet<String> codes = new TreeSet<>(before.keySet());
        codes.addAll(after.keySet());
        for (String code : codes) {
            for (RightKind right : RightKind.values()) {
                String was = before.getOrDefault(code, Map.of()).get(right);
                String is = after.getOrDefault(code, Map.of()).get(right);
                if (!Objects.equals(was, is)) {
                    changes.add(new Change(code, right, was, is));
                }
            }
        }
        return new Diff(from, to, changes);
    }

    /** What a function owns in the effective charter. */
    List<Ownership> rightsOf(String functionCode) {
        functions.get(functionCode);
        return allocations.findByCharterStatusAndFunctionCode(CharterStatus.EFFECTIVE, functionCode).stream()
                .sorted(CharterViews.ORDER)
                .map(a -> new Ownership(a.getTouchpoint().getCode(), a.getTouchpoint().getName(), a.getRight()))
                .toList();
    }

    /** Who designs, builds, operates and renews a touchpoint in the effective charter (null: nobody yet). */
    Owners ownersOf(String touchpointCode) {
        touchpoints.get(touchpointCode);
        Integer number = charters.findFirstByStatus(CharterStatus.EFFECTIVE).map(CharterVersion::getNumber).orElse(null);
        return new Owners(touchpointCode, number, owners(touchpointCode));
    }

    /** The owner function code of each right of a touchpoint in the effective charter (null: nobody). */
    public Map<RightKind, String> owners(String touchpointCode) {
        Map<RightKind, String> owners = new EnumMap<>(RightKind.class);
        for (RightKind right : RightKind.values()) {
            owners.put(right, null);
        }
        allocations.findByCharterStatusAndTouchpointCode(CharterStatus.EFFECTIVE, touchpointCode)
                .forEach(a -> owners.put(a.getRight(), a.getFunction().getCode()));
        return owners;
    }

    private CharterVersion numbered(int number) {
        return charters.findByNumber(number).orElseThrow(() -> new NotFoundException("charter version", "" + number));
    }
}
