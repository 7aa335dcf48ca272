package com.engagementboard.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BoundedTextTest {

    @Test
    void aShortListIsKeptWhole() {
        assertThat(BoundedText.lines(List.of("- a", "- b"), 100, n -> "and " + n + " more")).isEqualTo("- a\n- b");
    }

    @Test
    void aLongListKeepsWholeLinesAndSaysHowManyMoreThereAre() {
        List<String> lines = IntStream.range(0, 2_000).mapToObj(i -> "- touchpoint number " + i + ": DESIGN").toList();
        String text = BoundedText.lines(lines, BoundedText.DEFAULT_BUDGET, n -> "... and " + n + " more");
        assertThat(text.length()).isLessThanOrEqualTo(BoundedText.DEFAULT_BUDGET);
        String[] kept = text.split("\n");
        int shown = kept.length - 1;
        assertThat(kept[kept.length - 1]).isEqualTo("... and " + (2_000 - shown) + " more");
        assertThat(List.of(kept).subList(0, shown)).isEqualTo(lines.subList(0, shown));
    }

    @Test
    void whenNotEvenOneLineFitsOnlyTheCountIsLeft() {
        assertThat(BoundedText.lines(List.of("x".repeat(50)), 20, n -> n + " more")).isEqualTo("1 more");
    }

    @Test
    void aLongTextKeepsTheWholeLinesThatFitAndSaysWhereTheRestIs() {
        String text = IntStream.range(0, 500).mapToObj(i -> "line " + i).reduce((a, b) -> a + "\n" + b).orElseThrow();
        String bounded = BoundedText.text(text, 100, "(the rest: /item/1)");
        assertThat(bounded.length()).isLessThanOrEqualTo(100);
        assertThat(bounded).startsWith("line 0\nline 1\n").endsWith("\n(the rest: /item/1)");
        assertThat(BoundedText.text("short", 100, "more")).isEqualTo("short");
        assertThat(BoundedText.text("x".repeat(300), 100, "more")).isEqualTo("x".repeat(95) + "\nmore");
    }
}
