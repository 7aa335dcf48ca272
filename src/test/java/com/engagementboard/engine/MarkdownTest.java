package com.engagementboard.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MarkdownTest {

    @Test
    void everythingMarkdownWouldReadIsEscaped() {
        assertThat(Markdown.escape("**urgent** [see](http://x) ![pixel](http://y/p.gif) <b>#1</b> _a_ `c` | ~s~"))
                .isEqualTo("\\*\\*urgent\\*\\* \\[see\\]\\(http://x\\) \\!\\[pixel\\]\\(http://y/p\\.gif\\) "
                        + "\\<b\\>\\#1\\</b\\> \\_a\\_ \\`c\\` \\| \\~s\\~");
    }

    @Test
    void lineBreaksStayAndNoLineCanBecomeAHeadingOrAList() {
        assertThat(Markdown.escape("first\r\n# heading\n- item\n1. one"))
                .isEqualTo("first  \n\\# heading  \n\\- item  \n1\\. one");
    }

    @Test
    void plainWordsAndNothingAreLeftAlone() {
        assertThat(Markdown.escape("Call centre, 24 hours")).isEqualTo("Call centre, 24 hours");
        assertThat(Markdown.escape(null)).isEmpty();
    }
}
