package com.engagementboard.web;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * What a page's list shows of where it stands ("Page 2 of 40 (1,982 in all)", rows 51 to 100) and its previous
 * and next links, which keep the list's filters and size. Every paged page uses this one and the one fragment,
 * {@code ~{fragments/layout :: pager(${pager})}}.
 */
public record Pager(int page, int size, long total, int totalPages, long from, long to, String summary,
        String previous, String next) {

    /** The pager of a page of {@code path}, whose links keep the filters that are not blank. */
    public static Pager of(PageView<?> view, String path, Map<String, ?> filters) {
        long from = view.content().isEmpty() ? 0 : (long) view.page() * view.size() + 1;
        long to = view.content().isEmpty() ? 0 : from + view.content().size() - 1;
        String summary = view.totalElements() == 0 ? null
                : view.page() >= view.totalPages() ? "Past the last page: " + view.totalElements() + " in all, on "
                        + view.totalPages() + (view.totalPages() == 1 ? " page" : " pages")
                : "Page " + (view.page() + 1) + " of " + view.totalPages() + " (" + view.totalElements() + " in all)";
        // Past the last page, "previous" leads back to the last one.
        String previous = view.page() > 0
                ? link(path, filters, Math.min(view.page() - 1, Math.max(view.totalPages() - 1, 0)), view.size())
                : null;
        String next = view.page() + 1 < view.totalPages() ? link(path, filters, view.page() + 1, view.size()) : null;
        return new Pager(view.page(), view.size(), view.totalElements(), view.totalPages(), from, to, summary,
                previous, next);
    }

    /** A link to a page of a list with the filters given (the blank ones left out); page 0 and the default size unsaid. */
    public static String link(String path, Map<String, ?> filters, int page, int size) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath(path);
        // Values go in as URI variables: expanded, they are encoded whole ("C++" keeps its pluses, which a query
        // string would otherwise read as spaces).
        Map<String, Object> values = new LinkedHashMap<>();
        filters.forEach((name, value) -> {
            if (value != null && !value.toString().isBlank()) {
                uri.queryParam(name, "{" + name + "}");
                values.put(name, value);
            }
        });
        if (page > 0) {
            uri.queryParam(Paging.PAGE, page);
        }
        if (size != Paging.DEFAULT_SIZE) {
            uri.queryParam(Paging.SIZE, size);
        }
        return uri.encode().buildAndExpand(values).toUriString();
    }
}
