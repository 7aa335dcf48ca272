package com.engagementboard.engine;

/**
 * Text people typed, made safe to put into the markdown a form renders: every character markdown
 * gives a meaning to is escaped, so a title like {@code **urgent** [see](http://x)} shows as typed,
 * never as emphasis, a link or an image the browser would load.
 */
public final class Markdown {

    private static final String SPECIAL = "\\`*_{}[]()<>#+-.!|~";

    private Markdown() {
    }

    /** The text with each markdown character escaped, its line breaks kept (as markdown's hard breaks); null as "". */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                escaped.append("  \n");
            } else if (c != '\r') {
                if (SPECIAL.indexOf(c) >= 0) {
                    escaped.append('\\');
                }
                escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
