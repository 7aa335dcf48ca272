package com.engagementboard.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.http.ProblemDetail;

/** Reading page and size, and cutting a list computed in memory into pages. */
class PagingTest {

    @Test
    void noParametersMeanTheFirstPageOfFifty() {
        assertThat(Paging.parse(null, null)).isEqualTo(new Paging(0, 50));
        assertThat(Paging.parse("", " ")).isEqualTo(new Paging(0, 50));
        assertThat(Paging.parse("3", "500")).isEqualTo(new Paging(3, 500));
    }

    @Test
    void everyValueOutsideTheLimitsIsNamedWithWhatIsAccepted() {
        assertThat(problems(() -> Paging.parse("-1", "0"))).extracting(FieldProblem::field)
                .containsExactly("page", "size");
        assertThat(problems(() -> Paging.parse("0", "501"))).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("'501'", "from 1 to 500"));
        assertThat(problems(() -> Paging.parse("first", null))).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("'first'", "0 or more"));
        assertThat(problems(() -> Paging.parse("99999999999", null))).extracting(FieldProblem::field)
                .containsExactly("page");
        assertThat(problems(() -> new Paging(0, 0))).extracting(FieldProblem::field).containsExactly("size");
    }

    @Test
    void aListInMemoryIsCutIntoPagesWithTheTotals() {
        List<Integer> all = IntStream.range(0, 7).boxed().toList();
        PageView<Integer> second = PageView.of(all, new Paging(1, 3));
        assertThat(second.content()).containsExactly(3, 4, 5);
        assertThat(second.page()).isEqualTo(1);
        assertThat(second.size()).isEqualTo(3);
        assertThat(second.totalElements()).isEqualTo(7);
        assertThat(second.totalPages()).isEqualTo(3);
        assertThat(PageView.of(all, new Paging(2, 3)).content()).containsExactly(6);
        PageView<Integer> pastTheEnd = PageView.of(all, new Paging(5, 3));
        assertThat(pastTheEnd.content()).isEmpty();
        assertThat(pastTheEnd.totalElements()).isEqualTo(7);
        assertThat(PageView.of(List.of(), new Paging(0, 50)).totalPages()).isZero();
        assertThat(second.map(i -> "#" + i).content()).containsExactly("#3", "#4", "#5");
    }

    @Test
    void aPersonsPageIsReadLenientlyAndCutToTheLongestPage() {
        assertThat(Paging.lenient(null, null, 100)).isEqualTo(new Paging(0, 50));
        assertThat(Paging.lenient("2", "25", 100)).isEqualTo(new Paging(2, 25));
        assertThat(Paging.lenient("-4", "0", 100)).isEqualTo(new Paging(0, 50));
        assertThat(Paging.lenient("next", "lots", 100)).isEqualTo(new Paging(0, 50));
        assertThat(Paging.lenient(" 3 ", "1000", 100)).isEqualTo(new Paging(3, 100));
        assertThat(Paging.lenient("99999999999", "10", 100)).isEqualTo(new Paging(0, 10));
        assertThat(Paging.lenient("5000000", "10", 100).page()).isEqualTo(Paging.MAX_PAGE);
    }

    @Test
    void aPagerSaysWhereTheListStandsAndItsLinksKeepTheFiltersAndTheSize() {
        List<Integer> all = IntStream.range(0, 7).boxed().toList();
        java.util.Map<String, Object> filters = new java.util.LinkedHashMap<>();
        filters.put("q", "a & b");
        filters.put("status", " ");
        filters.put("owner", null);
        Pager second = Pager.of(PageView.of(all, new Paging(1, 3)), "/board/actions", filters);
        assertThat(second.summary()).isEqualTo("Page 2 of 3 (7 in all)");
        assertThat(second.from()).isEqualTo(4);
        assertThat(second.to()).isEqualTo(6);
        assertThat(second.previous()).isEqualTo("/board/actions?q=a%20%26%20b&size=3");
        assertThat(second.next()).isEqualTo("/board/actions?q=a%20%26%20b&page=2&size=3");

        // A search keeps every character: "C++ & co" comes back as it went.
        assertThat(Pager.of(PageView.of(all, new Paging(0, 3)), "/board/decisions", java.util.Map.of("q", "C++ & co"))
                .next()).isEqualTo("/board/decisions?q=C%2B%2B%20%26%20co&page=1&size=3");

        Pager first = Pager.of(PageView.of(all, new Paging(0, 50)), "/charter", java.util.Map.of());
        assertThat(first.summary()).isEqualTo("Page 1 of 1 (7 in all)");
        assertThat(first.previous()).isNull();
        assertThat(first.next()).isNull();
        // Past the last page, "previous" leads to the last page, not to one more empty page.
        Pager past = Pager.of(PageView.of(all, new Paging(9, 3)), "/charter", java.util.Map.of());
        assertThat(past.previous()).isEqualTo("/charter?page=2&size=3");
        assertThat(past.summary()).isEqualTo("Past the last page: 7 in all, on 3 pages");
        assertThat(past.next()).isNull();
        assertThat(Pager.of(PageView.of(List.of(), Paging.first()), "/summits", java.util.Map.of()).summary())
                .isNull();
    }

    @SuppressWarnings("unchecked")
    private static List<FieldProblem> problems(Runnable reading) {
        try {
            reading.run();
        } catch (InvalidInputException invalid) {
            ProblemDetail problem = invalid.getBody();
            assertThat(problem.getStatus()).isEqualTo(400);
            assertThat(problem.getType()).isEqualTo(Problems.INVALID_INPUT);
            return (List<FieldProblem>) problem.getProperties().get("errors");
        }
        throw new AssertionError("expected a 400 problem naming the field, got none");
    }
}
