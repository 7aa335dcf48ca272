package com.engagementboard.charter;

import com.engagementboard.charter.CharterViews.AllocationView;
import com.engagementboard.charter.CharterViews.Change;
import com.engagementboard.charter.CharterViews.Diff;
import com.engagementboard.charter.CharterViews.Owners;
import com.engagementboard.charter.CharterViews.Ownership;
import com.engagementboard.charter.CharterViews.VersionSummary;
import com.engagementboard.charter.CharterViews.VersionView;
import com.engagementboard.charter.CharterViews.WholeMatrix;
import com.engagementboard.organisation.FunctionService;
import com.engagementboard.organisation.Touchpoint;
import com.engagementboard.organisation.TouchpointService;
import com.engagementboard.web.NotFoundException;
import com.engagementboard.web.PageView;
import com.engagementboard.web.Paging;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reading the charter: the effective version, the history of versions and what changed between them. */
@Service
@Transactional(readOnly = true)
public class CharterReading {

    /** Codes a query of {@link #covered} takes at once: well under any database's limit of bound parameters. */
    private static final int COVERED_CHUNK = 1000;

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

    /** The effective version with one page of its matrix. */
    VersionView effective(Paging paging) {
        return view(inForce(), paging);
    }

    /** The effective version's whole matrix: for the CSV download, which is not paged. */
    WholeMatrix effectiveMatrix() {
        CharterVersion version = inForce();
        return new WholeMatrix(version.getNumber(), CharterViews.matrix(
                charters.findMatrixTouchpoints(version.getId()), allocations.findWithOwners(version.getId())));
    }

    private CharterVersion inForce() {
        return charters.findFirstByStatus(CharterStatus.EFFECTIVE).orElseThrow(
                () -> new NotFoundException("effective charter", "(none yet: submit a draft and have it accepted)"));
    }

    /**
     * The id of the charter version in force now, if any: what other capabilities record beside what
     * they decide (the board's register), without reaching into the charter's insides.
     */
    public Optional<Long> effectiveVersionId() {
        return charters.findFirstByStatus(CharterStatus.EFFECTIVE).map(CharterVersion::getId);
    }

    /** One page of the numbered versions, newest first. */
    PageView<VersionSummary> versions(Paging paging) {
        return PageView.of(charters.findByNumberNotNull(paging.in(Sort.by(Sort.Direction.DESC, "number"))),
                VersionSummary::of);
    }

    /** A numbered version with one page of its matrix. */
    VersionView version(int number, Paging paging) {
        return view(numbered(number), paging);
    }

    /**
     * The header, a page of the matrix's touchpoints (cut in the database), and the rights of just those
     * touchpoints: three queries (and a count) whatever the size of the version.
     */
    private VersionView view(CharterVersion version, Paging paging) {
        Page<Touchpoint> rows = charters.findMatrixTouchpoints(version.getId(), paging.pageable());
        List<Long> ids = rows.getContent().stream().map(Touchpoint::getId).toList();
        List<Allocation> rights = ids.isEmpty() ? List.of() : allocations.findOfTouchpoints(version.getId(), ids);
        return VersionView.of(version,
                PageView.of(CharterViews.matrix(rows.getContent(), rights), paging, rows.getTotalElements()),
                rights.stream().sorted(CharterViews.ORDER).map(AllocationView::of).toList());
    }

    /** Every change from one version to another, by touchpoint code and right. */
    List<Change> changes(int from, int to) {
        return compare(ownerships(numbered(from)), ownerships(numbered(to)));
    }

    /**
     * One page of the changes from one version to another. Computed in memory from two small projections
     * (touchpoint code, right, function code) of the versions' rights: which rights differ is a full
     * outer join that JPQL cannot express, and the projections load no entity.
     */
    Diff diff(int from, int to, Paging paging) {
        return new Diff(from, to, PageView.of(changes(from, to), paging));
    }

    /** touchpoint code → right → owner function code, touchpoints in code order. */
    private Map<String, Map<RightKind, String>> ownerships(CharterVersion version) {
        Map<String, Map<RightKind, String>> owners = new TreeMap<>();
        for (Object[] row : allocations.findOwnerships(version.getId())) {
            owners.computeIfAbsent((String) row[0], k -> new EnumMap<>(RightKind.class))
                    .put((RightKind) row[1], (String) row[2]);
        }
        return owners;
    }

    private static List<Change> compare(Map<String, Map<RightKind, String>> before,
            Map<String, Map<RightKind, String>> after) {
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
        return changes;
    }

    /** One page of what a function owns in the effective charter. */
    PageView<Ownership> rightsOf(String functionCode, Paging paging) {
        functions.get(functionCode);
        return PageView.of(allocations.findRights(CharterStatus.EFFECTIVE, functionCode, paging.pageable()),
                a -> new Ownership(a.getTouchpoint().getCode(), a.getTouchpoint().getName(), a.getRight()));
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

    /**
     * Which of these touchpoints the effective charter gives at least one owner, in one query a thousand codes
     * (a summit's plan of 2,000 touchpoints asks twice, not 2,000 times).
     */
    public Set<String> covered(Collection<String> touchpointCodes) {
        List<String> codes = List.copyOf(touchpointCodes);
        Set<String> covered = new HashSet<>();
        for (int from = 0; from < codes.size(); from += COVERED_CHUNK) {
            covered.addAll(allocations.findCoveredTouchpointCodes(CharterStatus.EFFECTIVE,
                    codes.subList(from, Math.min(codes.size(), from + COVERED_CHUNK))));
        }
        return covered;
    }

    private CharterVersion numbered(int number) {
        return charters.findByNumber(number).orElseThrow(() -> new NotFoundException("charter version", "" + number));
    }
}
