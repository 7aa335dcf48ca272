package com.engagementboard.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.engagementboard.EngagementBoardApplication;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One application node as an operating-system process of its own on a loopback port: the test's
 * classpath, the production settings the test configuration turns off (job executor on, the demo board
 * scheduled, the demo's story left out so that tests start from the demo organisation alone), a
 * database given by a {@link ScratchDatabase}. Its output goes to {@code <label>.log} in the folder.
 * {@link #kill9()} ends it with SIGKILL: no shutdown hook runs, nothing is closed.
 */
public final class Node implements AutoCloseable {

    /** Generous: on a loaded CI machine the application has been seen to take minutes to start. */
    public static final Duration START_TIMEOUT = Duration.ofMinutes(8);

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String label;
    private final Process process;
    private final int port;
    private final Path log;

    private Node(String label, Process process, int port, Path log) {
        this.label = label;
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Starts a node and returns at once; {@link #awaitReady()} waits for it. */
    public static Node start(String label, Path folder, ScratchDatabase database, String... arguments)
            throws IOException {
        Files.createDirectories(folder);
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx640m",
                "-cp", System.getProperty("java.class.path"), EngagementBoardApplication.class.getName(),
                "--server.port=" + port,
                // As in production: the test configuration (config/application.properties) turns these off.
                "--camunda.bpm.job-execution.enabled=true",
                "--engagement-board.demo-board=true",
                "--engagement-board.demo-story=false"));
        command.addAll(database.applicationArguments());
        command.addAll(List.of(arguments));
        Path log = folder.resolve(label + ".log");
        Process process = new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        return new Node(label, process, port, log);
    }

    /** Waits until the readiness probe answers UP; fails with the log's tail if the node dies or is late. */
    public Node awaitReady() throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        HttpRequest probe = HttpRequest.newBuilder(uri("/actuator/health/readiness"))
                .timeout(Duration.ofSeconds(10)).GET().build();
        while (Instant.now().isBefore(deadline)) {
            assertThat(process.isAlive()).as("node %s exited while starting:%n%s", label, tail()).isTrue();
            try {
                HttpResponse<String> health = HTTP.send(probe, HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200 && health.body().contains("\"UP\"")) {
                    return this;
                }
            } catch (IOException notYet) {
                // the connector is not accepting yet
            }
            Thread.sleep(250);
        }
        throw new AssertionError("node " + label + " was not ready within " + START_TIMEOUT + ":\n" + tail());
    }

    public int port() {
        return port;
    }

    public String label() {
        return label;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    /** A request as a demo user (HTTP Basic, password demo); content type and body may be null. */
    public HttpResponse<String> call(String method, String path, String user, String contentType, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)))
                .header("Accept", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A GET as a demo user accepting the given media type (Prometheus' text, a page). */
    public HttpResponse<String> get(String path, String user, String accept) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)))
                .header("Accept", accept).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A JSON request (body may be null) as a demo user. */
    public HttpResponse<String> json(String method, String path, String user, String body)
            throws IOException, InterruptedException {
        return call(method, path, user, body == null ? null : "application/json", body);
    }

    /** SIGKILL, as a machine or an OOM killer ends a process: exit status 137, no shutdown hook. */
    public void kill9() throws InterruptedException {
        process.destroyForcibly();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("node %s ended after SIGKILL", label).isTrue();
        if (!System.getProperty("os.name", "").toLowerCase().contains("win")) {
            assertThat(process.exitValue()).as("exit status of node %s killed by SIGKILL", label).isEqualTo(137);
        }
    }

    /** A graceful stop (SIGTERM: Spring closes the engine and the database). */
    public void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroyForcibly().waitFor(60, TimeUnit.SECONDS);
        }
    }

    public Path log() {
        return log;
    }

    /** The last 80 lines of the node's output. */
    public String tail() throws IOException {
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 80), lines.size()));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
