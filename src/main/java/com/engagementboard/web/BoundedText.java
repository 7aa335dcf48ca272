package com.engagementboard.web;

import java.util.List;
import java.util.function.IntFunction;

/**
 * Text a process variable carries for a form to show (a markdown list of rights, of disputes, of
 * proposals) must stay within Camunda's 4,000-character text column however large the company is:
 * as many whole lines as fit, then one line that says how many more there are and where to see them.
 */
public final class BoundedText {

    /** Room left under the 4,000-character column for the heading a caller puts around the lines. */
    public static final int DEFAULT_BUDGET = 3_500;

    private BoundedText() {
    }

    /**
     * The lines joined by newlines, at most {@code budget} characters in all; when some do not fit,
     * {@code more} is given how many were left out and its text ends the list.
     */
    public static String lines(List<String> lines, int budget, IntFunction<String> more) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int left = lines.size() - i - 1;
            String tail = left == 0 ? "" : "\n" + more.apply(left);
            if (text.length() + (text.isEmpty() ? 0 : 1) + line.length() + tail.length() > budget) {
                String rest = more.apply(lines.size() - i);
                return text.isEmpty() ? rest : text.append('\n').append(rest).toString();
            }
            if (!text.isEmpty()) {
                text.append('\n');
            }
            text.append(line);
        }
        return text.toString();
    }

    /**
     * The text if it fits {@code budget} characters; otherwise as many of its whole lines as fit (or its
     * beginning, if not even its first line fits), then a line with {@code more}.
     */
    public static String text(String text, int budget, String more) {
        if (text == null || text.length() <= budget) {
            return text;
        }
        int room = budget - more.length() - 1;
        if (room <= 0) {
            return more.length() <= budget ? more : more.substring(0, budget);
        }
        int cut = text.lastIndexOf('\n', room);
        return (cut > 0 ? text.substring(0, cut) : text.substring(0, room)) + "\n" + more;
    }
}
