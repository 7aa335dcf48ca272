package com.engagementboard.engine;

/**
 * Text people typed, made safe to put into the markdown a form renders: what markdown reads anywhere
 * (emphasis, links, images, code, tables, HTML) is escaped, and so is what it reads at the start of a
 * line (headings, lists, quotes, underlines), and so are bare web and mail addresses (which GitHub's
 * flavour, the Tasklist's, makes links of), so a title like {@code **urgent** [see](http://x)} shows as
 * typed, never as emphasis, a link or an image the browser would load. Plain words stay plain.
 */
public final class Markdown {

    private static final String ANYWHERE = "\\`*_{}[]()<>!|~";
    private static final String LINE_START = "#+-=";

    private Markdown() {
    }

    /** The text escaped, its line breaks kept (as markdown's hard breaks), indentation dropped; null as "". */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        String[] lines = text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        for (int l = 0; l < lines.length; l++) {
            if (l > 0) {
                escaped.append("  \n");
            }
            String line = lines[l].stripLeading();
            int digits = 0;
            while (digits < line.length() && Character.isDigit(line.charAt(digits))) {
                digits++;
            }
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                boolean listNumber = digits > 0 && i == digits && c == '.';
                // The Tasklist's markdown (GitHub's flavour) makes links of bare addresses: https://…, www.…, a@b.
                boolean address = c == '@' || (c == ':' && line.startsWith("//", i + 1))
                        || (c == '.' && i >= 3 && line.regionMatches(true, i - 3, "www", 0, 3));
                if (ANYWHERE.indexOf(c) >= 0 || (i == 0 && LINE_START.indexOf(c) >= 0) || listNumber || address) {
                    escaped.append('\\');
                }
                escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
