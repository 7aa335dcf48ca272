package com.engagementboard.web;

import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Tomcat refuses some requests before the application sees them (an address with an encoded {@code /}, a
 * {@code %00} or a broken {@code %}-escape) and then writes its own HTML error report. This valve writes
 * problem details instead, as the application does for every other error; it replaces Tomcat's report on the
 * host (Spring Boot's, and Tomcat's default one).
 */
class ProblemReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean writable = new AtomicBoolean(false);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, writable);
        if (!writable.get()) {
            return;
        }
        HttpStatus known = HttpStatus.resolve(status);
        String title = known == null ? "Error " + status : known.getReasonPhrase();
        String detail = status == 400
                ? "The request could not be read. Check its address (plain path segments: no %00, %2F, %5C or "
                        + "broken %-escape) and its headers."
                : status >= 500 ? "The request could not be completed. Try again; if it keeps failing, tell an "
                        + "administrator." : title + ".";
        String body = "{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status
                + ",\"detail\":\"" + detail + "\"}";
        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(body);
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException ignored) {
            // the client has gone, or the response cannot be written any more: nothing to tell
        }
    }

    /** Puts the valve on the host in place of Tomcat's error report valves. */
    @Component
    static class Installer implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

        @Override
        public void customize(TomcatServletWebServerFactory factory) {
            factory.addContextCustomizers(context -> {
                if (context.getParent() instanceof StandardHost host) {
                    host.setErrorReportValveClass(ProblemReportValve.class.getName());
                }
                for (Valve valve : context.getParent().getPipeline().getValves()) {
                    if (valve instanceof ErrorReportValve) {
                        context.getParent().getPipeline().removeValve(valve);
                    }
                }
                context.getParent().getPipeline().addValve(new ProblemReportValve());
            });
        }

        /** After Spring Boot's customizer, which adds its own error report valve. */
        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }
}
