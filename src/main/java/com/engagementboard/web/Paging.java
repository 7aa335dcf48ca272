package com.engagementboard.web;

import java.util.ArrayList;
import java.util.List;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;

/**
 * Which page of a list a client asks for: {@code page} counts from 0, {@code size} is 1 to
 * {@value #MAX_SIZE} rows (default {@value #DEFAULT_SIZE}). The lists that grow (2,000 touchpoints, a
 * register of 50,000 decisions) are never answered whole, so one request cannot make the server read
 * and serialise all of them; the maximum keeps a client from asking for everything in one page.
 *
 * <p>A controller takes it as a parameter; {@link PagingConfiguration} reads it from the query string,
 * answers a bad value with a 400 problem naming the field, and documents both parameters in the OpenAPI.
 */
public record Paging(int page, int size) {

    public static final String PAGE = "page";
    public static final String SIZE = "size";
    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 500;

    public Paging {
        List<FieldProblem> problems = new ArrayList<>();
        if (page < 0) {
            problems.add(pageProblem(String.valueOf(page)));
        }
        if (size < 1 || size > MAX_SIZE) {
            problems.add(sizeProblem(String.valueOf(size)));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    /** The first page of the default size. */
    public static Paging first() {
        return new Paging(0, DEFAULT_SIZE);
    }

    /**
     * The page named by the query parameters as given (null or blank: the default); every value that is
     * not accepted is named in one 400 problem.
     */
    public static Paging parse(String page, String size) {
        List<FieldProblem> problems = new ArrayList<>();
        int number = parse(page, 0, 0, Integer.MAX_VALUE, problems, Paging::pageProblem);
        int rows = parse(size, DEFAULT_SIZE, 1, MAX_SIZE, problems, Paging::sizeProblem);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new Paging(number, rows);
    }

    /** The furthest page a page of the application takes as asked (past the last, a list shows its last page anyway). */
    public static final int MAX_PAGE = 1_000_000;

    /**
     * The page a person's browser asks for, leniently: a page is never a 400 for someone who edited the address.
     * A size above {@code maxSize} is cut to it; anything unreadable, below 1 or blank is the default.
     */
    public static Paging lenient(String page, String size, int maxSize) {
        int number = Math.min(Math.max(number(page, 0), 0), MAX_PAGE);
        int rows = number(size, DEFAULT_SIZE);
        rows = rows < 1 ? DEFAULT_SIZE : Math.min(rows, Math.min(maxSize, MAX_SIZE));
        return new Paging(number, rows);
    }

    private static int number(String value, int fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException notANumber) {
            return fallback;
        }
    }

    private static int parse(String value, int fallback, int min, int max, List<FieldProblem> problems,
            java.util.function.Function<String, FieldProblem> problem) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int number = Integer.parseInt(value.trim());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException notAWholeNumber) {
            // named below, with what is accepted
        }
        problems.add(problem.apply(value));
        return fallback;
    }

    private static FieldProblem pageProblem(String value) {
        return new FieldProblem(PAGE, "'" + value + "' is not accepted; expected a whole number, 0 or more "
                + "(the first page is 0)");
    }

    private static FieldProblem sizeProblem(String value) {
        return new FieldProblem(SIZE, "'" + value + "' is not accepted; expected a whole number from 1 to "
                + MAX_SIZE);
    }

    /**
     * The page for a database query, in the given order. The order should end with a unique property
     * (an id or a code), so that rows with equal sort values keep their place from one page to the next.
     */
    public Pageable in(Sort order) {
        return PageRequest.of(page, size, order);
    }

    /** The page for a query that states its own order (an {@code order by} in JPQL). */
    public Pageable pageable() {
        return PageRequest.of(page, size);
    }

    /** The index of the first row of this page in the whole list. */
    public long offset() {
        return (long) page * size;
    }
}
