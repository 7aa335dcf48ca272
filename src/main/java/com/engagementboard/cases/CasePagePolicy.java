package com.engagementboard.cases;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The Content-Security-Policy of the case page alone: the application's strict policy, with one exception for
 * bpmn-js. Its viewer (8.0.0) writes a few fixed {@code style="..."} attributes through {@code innerHTML} and
 * {@code setAttribute} (the overlay layer, the hidden SVG it measures text in, and the bpmn.io logo with its
 * notice, which its licence says must stay shown); {@code style-src 'self'} blocks each of them and the browser
 * reports every block as a violation. The diagram draws either way, but the logo then sits unplaced, and a
 * console full of violations hides real ones.
 *
 * <p>So this page allows exactly those attribute values and nothing else: {@code 'unsafe-hashes'} with the
 * SHA-256 of each (CSP Level 3; Chromium, Firefox and Safari honour it). No {@code 'unsafe-inline'}: any other
 * inline style, and every inline script, stays blocked. A newer bpmn-js that writes other values shows up as a
 * violation in {@code CaseDiagramBrowserIT}. Only the case page's own response carries this policy (its
 * controller sets it; the security filter adds the strict one only where no policy is set), every other page
 * keeps the strict one.
 */
final class CasePagePolicy {

    /** The inline style values bpmn-js 8.0.0's navigated viewer writes (copied from its dist bundle). */
    static final List<String> BPMN_JS_STYLES = List.of(
            // the overlay layer, and each overlay
            "position: absolute; width: 0; height: 0;",
            "position: absolute",
            // the hidden SVG in which text is measured
            "visibility: hidden; position: fixed",
            // the bpmn.io logo, its link, and the notice it opens
            "vertical-align:middle",
            "position: absolute; bottom: 15px; right: 15px; z-index: 100; color: #404040",
            "z-index: 1001;position: fixed;top: 0;left: 0;right: 0;bottom: 0",
            "width: 100%;height: 100%;background: rgba(40,40,40,0.2)",
            "position: absolute;left: 50%;top: 40%;transform: translate(-50%);width: 260px;padding: 10px;"
                    + "background: white;box-shadow: 0 1px 4px rgba(0,0,0,0.3);"
                    + "font-family: Helvetica, Arial, sans-serif;font-size: 14px;display: flex;line-height: 1.3",
            "margin: 15px 20px 15px 10px; align-self: center;color: #404040");

    /** The application's page policy ({@code security.SecurityConfig.PAGES_CSP}) with bpmn-js's styles allowed. */
    static final String HEADER = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-hashes' "
            + BPMN_JS_STYLES.stream().map(CasePagePolicy::hash).collect(Collectors.joining(" "))
            + "; img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'; frame-ancestors 'self'";

    private CasePagePolicy() {
    }

    static String hash(String style) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(style.getBytes(StandardCharsets.UTF_8));
            return "'sha256-" + Base64.getEncoder().encodeToString(digest) + "'";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform has SHA-256", e);
        }
    }
}
