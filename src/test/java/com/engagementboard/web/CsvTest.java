package com.engagementboard.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading and writing CSV: quoting, line numbers, blank lines, malformed text, formula neutralisation. */
class CsvTest {

    @Test
    void quotedValuesHoldCommasQuotesAndLineBreaksAndEveryValueIsTrimmed() {
        List<Csv.Row> rows = Csv.read("""
                touchpoint, activity ,functions
                card-delivery, "Redesign the card, then the sleeve" ,brand product
                app-login,"Say ""welcome"" again",digital
                """);

        assertThat(rows).extracting(Csv.Row::cells).containsExactly(
                List.of("touchpoint", "activity", "functions"),
                List.of("card-delivery", "Redesign the card, then the sleeve", "brand product"),
                List.of("app-login", "Say \"welcome\" again", "digital"));
    }

    @Test
    void rowsAreNumberedByTheLineTheyStartOnSkippingBlankLines() {
        List<Csv.Row> rows = Csv.read("\n\nheader,b\r\n\r\n   \none,\"two\nlines\"\nthree,3\n\n");

        assertThat(rows).extracting(Csv.Row::line).containsExactly(3L, 6L, 8L);
        assertThat(rows.get(1).cells()).containsExactly("one", "two\nlines");
        assertThat(rows.get(2).cells()).containsExactly("three", "3");
    }

    @Test
    void aByteOrderMarkAndAnEmptyTextAreNoRows() {
        assertThat(Csv.read("\uFEFFtouchpoint,right\n").get(0).cells()).containsExactly("touchpoint", "right");
        assertThat(Csv.read(null)).isEmpty();
        assertThat(Csv.read(" \n ")).isEmpty();
    }

    @Test
    void anUnclosedQuoteNamesTheLineItStartsOn() {
        assertThatThrownBy(() -> Csv.read("a,b\n\nc,d\ne,\"never closed\nf,g\n"))
                .isInstanceOfSatisfying(Csv.MalformedCsvException.class, e -> {
                    assertThat(e.line()).isEqualTo(4);
                    assertThat(e.getMessage()).startsWith("line 4 is not valid CSV");
                });
    }

    @Test
    void textAfterAClosingQuoteIsMalformed() {
        assertThatThrownBy(() -> Csv.read("a,b\n\"x\"y,z\n"))
                .isInstanceOfSatisfying(Csv.MalformedCsvException.class, e -> assertThat(e.line()).isEqualTo(2));
    }

    @Test
    void writingQuotesCommasQuotesAndLineBreaksAndWritesNullAsEmpty() {
        String csv = Csv.write(List.of("code", "name", "note"), List.of(
                List.of("a", "Cards, debit", "say \"hi\""),
                Arrays.asList("b", "two\nlines", null)));

        assertThat(csv).isEqualTo("""
                code,name,note
                a,"Cards, debit","say ""hi\"""
                b,"two
                lines",
                """);
        assertThat(Csv.read(csv)).extracting(Csv.Row::cells).containsExactly(
                List.of("code", "name", "note"), List.of("a", "Cards, debit", "say \"hi\""),
                List.of("b", "two\nlines", ""));
    }

    @Test
    void cellsASpreadsheetWouldRunAsAFormulaAreWrittenAsTextAndReadBackWithTheirApostrophe() {
        List<String> formulas = List.of("=HYPERLINK(\"http://x\")", "+1+1", "@SUM(A1)", "-1+cmd|'/C calc'!A0",
                "\t=1", "\r=1");
        String csv = Csv.write(List.of("value"), formulas.stream().map(List::of).toList());

        assertThat(csv).contains("\"'=HYPERLINK(\"\"http://x\"\")\"", "'+1+1", "'@SUM(A1)");
        List<Csv.Row> rows = Csv.read(csv);
        assertThat(rows).hasSize(formulas.size() + 1);
        for (int i = 0; i < formulas.size(); i++) {
            assertThat(rows.get(i + 1).get(0)).startsWith("'");
            assertThat(rows.get(i + 1).get(0).substring(1).strip()).isEqualTo(formulas.get(i).strip());
        }
    }

    @Test
    void plainNegativeNumbersAndOrdinaryTextStayAsTheyAre() {
        assertThat(Csv.neutralise("-12")).isEqualTo("-12");
        assertThat(Csv.neutralise("-0.5")).isEqualTo("-0.5");
        assertThat(Csv.neutralise("-")).isEqualTo("'-");
        assertThat(Csv.neutralise("-1-1")).isEqualTo("'-1-1");
        assertThat(Csv.neutralise("card-delivery")).isEqualTo("card-delivery");
        assertThat(Csv.neutralise("2024-05-01T09:00:00Z")).isEqualTo("2024-05-01T09:00:00Z");
        assertThat(Csv.neutralise("")).isEmpty();
    }
}
