package com.engagementboard.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MarkdownTest {

    @Test
    void emphasisLinksImagesCodeAndHtmlAreEscapedAnywhere() {
        assertThat(Markdown.escape("**urgent** [see](http://x) ![pixel](http://y/p.gif) <b>1</b> _a_ `c` | ~s~"))
                .isEqualTo("\\*\\*urgent\\*\\* \\[see\\]\\(http\\://x\\) \\!\\[pixel\\]\\(http\\://y/p.gif\\) "
                        + "\\<b\\>1\\</b\\> \\_a\\_ \\`c\\` \\| \\~s\\~");
    }

    @Test
    void lineBreaksStayAndNoLineCanBecomeAHeadingAListOrCode() {
        assertThat(Markdown.escape("first\r\n# heading\n- item\n+ item\n12. one\n===\n    code"))
                .isEqualTo("first  \n\\# heading  \n\\- item  \n\\+ item  \n12\\. one  \n\\===  \ncode");
    }

    @Test
    void bareWebAndMailAddressesAreNotLinks() {
        assertThat(Markdown.escape("log in at https://evil.example or www.evil.example, or write to a@evil.example"))
                .isEqualTo("log in at https\\://evil.example or www\\.evil.example, or write to a\\@evil.example");
    }

    @Test
    void plainWordsAndNothingAreLeftAlone() {
        assertThat(Markdown.escape("Call-centre script, 24 hours. Plan #2 + 3 = 5"))
                .isEqualTo("Call-centre script, 24 hours. Plan #2 + 3 = 5");
        assertThat(Markdown.escape(null)).isEmpty();
    }
}
