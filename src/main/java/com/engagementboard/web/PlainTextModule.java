package com.engagementboard.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import org.springframework.stereotype.Component;

/**
 * Text in an {@code /api} body is text, sent as a JSON string (a number, true/false, a list or an object there
 * is the wrong type),
 * and text a person can read: a control character (NUL and the other C0
 * codes but tab, line feed and carriage return) or half of a surrogate pair is refused with a 400 naming
 * the field. PostgreSQL refuses NUL in a text column (a 500 after the request was accepted) and H2 keeps
 * it; a lone surrogate would be stored as "?". Spring Boot adds this module to the application's
 * ObjectMapper; the engine's REST API has a mapper of its own.
 */
@Component
class PlainTextModule extends SimpleModule {

    PlainTextModule() {
        super("PlainTextModule");
        addDeserializer(String.class, new PlainText());
    }

    /** Whether {@code text} holds a character no person typed: a control character or a lone surrogate. */
    static boolean unprintable(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f) {
                return true;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return true;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    private static final class PlainText extends StringDeserializer {

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            // Anything but a JSON string where text belongs is the wrong type, not text: "reason": 42 called a
            // meeting off with the reason "42", and "reason": ["x"] with the reason "x" (Jackson unwraps a
            // one-element list into text): BadInputIT on PostgreSQL.
            JsonToken token = parser.currentToken();
            if (token != null && token != JsonToken.VALUE_STRING && token != JsonToken.VALUE_NULL) {
                return (String) context.handleUnexpectedToken(String.class, parser);
            }
            String text = super.deserialize(parser, context);
            if (text != null && unprintable(text)) {
                throw new UnprintableText(parser, text);
            }
            return text;
        }
    }

    /** Read by {@link ProblemDetailsAdvice}: the field's name and what to send instead, not the character. */
    static final class UnprintableText extends InvalidFormatException {

        UnprintableText(JsonParser parser, String text) {
            super(parser, "text with a control character or a broken Unicode character", text, String.class);
        }
    }
}
