package com.engagementboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * What was registered survives a restart, and a restart does not seed the demo organisation a second
 * time. The application is started twice on the same database: an H2 file database of its own, or the
 * PostgreSQL database of the {@code postgres} profile.
 */
class DurabilityIT {

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private final List<ConfigurableApplicationContext> running = new ArrayList<>();

    @TempDir
    Path dataDirectory;

    @AfterEach
    void stopEverything() {
        running.forEach(ConfigurableApplicationContext::close);
    }

    @Test
    void touchpointsAndTheOrganisationSurviveARestartWithoutBeingSeededTwice() throws Exception {
        String code = "it-durable-" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

        ConfigurableApplicationContext first = start();
        int port = port(first);
        HttpResponse<String> health = http.send(HttpRequest.newBuilder(uri(port, "/actuator/health")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
        assertThat(json.readTree(health.body()).path("status").asText()).isEqualTo("UP");

        HttpResponse<String> created = http.send(HttpRequest.newBuilder(uri(port, "/api/touchpoints"))
                .header("Authorization", basic("cmo", "demo")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"code":"%s","name":"Durable touchpoint","description":"Made by DurabilityIT",
                         "kind":"EXTERNAL_INDIRECT","channel":"Post","journeyStage":"EXPERIENCE","priority":2}"""
                        .formatted(code))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);

        int touchpoints = count(port, "/api/touchpoints");
        int functions = count(port, "/api/functions");
        int divisions = count(port, "/api/divisions");
        long users = first.getBean(IdentityService.class).createUserQuery().count();
        long employees = first.getBean(IdentityService.class).createUserQuery().memberOfGroup("employee").count();
        assertThat(touchpoints).isPositive();
        assertThat(scheduledRegularMeetings(port)).isEqualTo(1);
        assertThat(json.readTree(get(port, "/api/board").body()).path("members").size()).isGreaterThanOrEqualTo(17);
        assertThat(functions).as("demo functions").isPositive();
        assertThat(users).as("demo users").isPositive();
        first.close();
        running.remove(first);

        ConfigurableApplicationContext second = start();
        port = port(second);
        HttpResponse<String> healthAgain = http.send(HttpRequest.newBuilder(uri(port, "/actuator/health")).GET()
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(healthAgain.statusCode()).isEqualTo(200);
        assertThat(json.readTree(healthAgain.body()).path("status").asText()).isEqualTo("UP");

        HttpResponse<String> kept = get(port, "/api/touchpoints/" + code);
        assertThat(kept.statusCode()).as(kept.body()).isEqualTo(200);
        JsonNode touchpoint = json.readTree(kept.body());
        assertThat(touchpoint.path("name").asText()).isEqualTo("Durable touchpoint");
        assertThat(touchpoint.path("kind").asText()).isEqualTo("EXTERNAL_INDIRECT");
        assertThat(touchpoint.path("priority").asInt()).isEqualTo(2);

        assertThat(count(port, "/api/touchpoints")).isEqualTo(touchpoints);
        assertThat(count(port, "/api/functions")).isEqualTo(functions);
        assertThat(count(port, "/api/divisions")).isEqualTo(divisions);
        assertThat(scheduledRegularMeetings(port)).isEqualTo(1);
        assertThat(second.getBean(IdentityService.class).createUserQuery().count()).isEqualTo(users);
        assertThat(second.getBean(IdentityService.class).createUserQuery().memberOfGroup("employee").count())
                .isEqualTo(employees);

        HttpResponse<String> deleted = http.send(HttpRequest.newBuilder(uri(port, "/api/touchpoints/" + code))
                .header("Authorization", basic("cmo", "demo")).DELETE().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(deleted.statusCode()).isEqualTo(204);
    }

    private int scheduledRegularMeetings(int port) throws Exception {
        HttpResponse<String> response = get(port, "/api/board/meetings?size=500");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        int scheduled = 0;
        for (JsonNode meeting : json.readTree(response.body()).path("content")) {
            if ("REGULAR".equals(meeting.path("kind").asText()) && "SCHEDULED".equals(meeting.path("status").asText())) {
                scheduled++;
            }
        }
        return scheduled;
    }

    private ConfigurableApplicationContext start() {
        // The demo board too (the unit tests' configuration leaves it out): its first meeting must not be
        // scheduled twice either.
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--engagement-board.demo-board=true",
                "--engagement-board.demo-story=false"));
        if (!System.getProperty("spring.profiles.active", "").contains("postgres")) {
            args.add("--spring.datasource.url=jdbc:h2:file:" + dataDirectory.resolve("eb").toAbsolutePath()
                    + ";DB_CLOSE_ON_EXIT=FALSE");
        }
        ConfigurableApplicationContext context = new SpringApplicationBuilder(EngagementBoardApplication.class)
                .run(args.toArray(String[]::new));
        running.add(context);
        return context;
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    private int count(int port, String path) throws Exception {
        HttpResponse<String> response = get(port, path);
        assertThat(response.statusCode()).as("GET %s: %s", path, response.body()).isEqualTo(200);
        JsonNode list = json.readTree(response.body());
        if (list.has("totalElements")) {
            // A paged list (touchpoints): the total, whatever the page holds.
            return list.get("totalElements").asInt();
        }
        assertThat(list.isArray()).isTrue();
        return list.size();
    }

    private HttpResponse<String> get(int port, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(port, path)).header("Authorization", basic("cmo", "demo"))
                .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static URI uri(int port, String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
