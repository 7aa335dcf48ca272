package com.engagementboard;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** A script calling the running application with HTTP Basic as one of the demo users (password demo). */
public final class DemoApi {

    private final int port;
    private final HttpClient http = HttpClient.newHttpClient();

    public DemoApi(int port) {
        this.port = port;
    }

    /** A request with the given content type (none when null) and body (none when null). */
    public HttpResponse<String> call(String method, String path, String user, String contentType, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A request whose body, if any, is JSON. */
    public HttpResponse<String> json(String method, String path, String user, String body)
            throws IOException, InterruptedException {
        return call(method, path, user, body == null ? null : "application/json", body);
    }
}
