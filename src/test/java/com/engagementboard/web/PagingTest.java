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
