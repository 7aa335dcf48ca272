package com.engagementboard.web;

import java.util.List;
import java.util.function.Function;
import org.springframework.data.domain.Page;

/**
 * One page of a list as the API answers it, the same five fields on every list that grows: the rows
 * of this page, which page it is (from 0), the size asked for, and how many rows and pages there are
 * in all. A page past the end is empty, with the totals still right, so a client can tell "no more"
 * from "nothing at all".
 */
public record PageView<T>(List<T> content, int page, int size, long totalElements, int totalPages) {

    public PageView {
        content = List.copyOf(content);
    }

    /** A page the database found (Spring Data). */
    public static <T> PageView<T> of(Page<T> found) {
        return new PageView<>(found.getContent(), found.getNumber(), found.getSize(), found.getTotalElements(),
                found.getTotalPages());
    }

    /** A page the database found, each row turned into what the API shows. */
    public static <E, T> PageView<T> of(Page<E> found, Function<? super E, ? extends T> view) {
        return new PageView<T>(found.getContent().stream().<T>map(view).toList(), found.getNumber(),
                found.getSize(), found.getTotalElements(), found.getTotalPages());
    }

    /**
     * One page of a list computed in memory (the changes between two charter versions): for the places
     * where the rows are not rows of one query. The list must be in a stable order.
     */
    public static <T> PageView<T> of(List<T> all, Paging paging) {
        int from = (int) Math.min(paging.offset(), all.size());
        int to = (int) Math.min(paging.offset() + paging.size(), all.size());
        return new PageView<>(all.subList(from, to), paging.page(), paging.size(), all.size(),
                totalPages(all.size(), paging.size()));
    }

    /** The page of rows given (already cut to the page) out of {@code total} rows in all. */
    public static <T> PageView<T> of(List<T> rows, Paging paging, long total) {
        return new PageView<>(rows, paging.page(), paging.size(), total, totalPages(total, paging.size()));
    }

    public <R> PageView<R> map(Function<? super T, ? extends R> view) {
        return new PageView<R>(content.stream().<R>map(view).toList(), page, size, totalElements, totalPages);
    }

    private static int totalPages(long total, int size) {
        return (int) ((total + size - 1) / size);
    }
}
