package com.engagementboard.summit;

import com.engagementboard.web.ChartData;
import com.engagementboard.web.ChartData.Series;
import com.engagementboard.web.NotFoundException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The sourcing picture of a summit's report: of the five elements of the engagement ecosystem, how many it keeps
 * in-house, mixes, or gives to partners, each slice naming its elements.
 */
@Service
@Transactional(readOnly = true)
class SummitCharts {

    /** The modes in the order the picture shows them, with their words. */
    private static final Map<String, String> MODES = Map.of(SummitProcess.IN_HOUSE, "In-house",
            SummitProcess.MIXED, "Mixed (in-house and partners)", SummitProcess.PARTNER, "By partners");
    private static final List<String> ORDER = List.of(SummitProcess.IN_HOUSE, SummitProcess.MIXED,
            SummitProcess.PARTNER);

    private final SummitRepository summits;

    SummitCharts(SummitRepository summits) {
        this.summits = summits;
    }

    ChartData sourcing(long summitId) {
        Summit summit = summits.findById(summitId).orElseThrow(() -> new NotFoundException("summit", "" + summitId));
        Map<String, List<String>> byMode = summit.getSourcing().stream().collect(Collectors.groupingBy(
                s -> s.mode, Collectors.mapping(s -> s.element.label(), Collectors.toList())));
        List<String> modes = new ArrayList<>(ORDER.stream().filter(byMode::containsKey).toList());
        // A mode this page does not know yet still shows, by its code, after the three it knows.
        byMode.keySet().stream().filter(m -> !ORDER.contains(m)).sorted().forEach(modes::add);
        return new ChartData("doughnut", "elements", modes.stream().map(m -> MODES.getOrDefault(m, m)).toList(),
                modes.stream().map(m -> String.join(", ", byMode.get(m))).toList(),
                List.of(new Series("sourcing", "Elements of the ecosystem",
                        modes.stream().map(m -> byMode.get(m).size()).toList(),
                        modes.stream().map(m -> m.toLowerCase(Locale.ROOT).replace('_', '-')).toList())),
                false, "The summit has not decided its ecosystem sourcing yet: it does so in session, element by "
                        + "element (in-house, by partners or mixed), in the Tasklist.");
    }
}
