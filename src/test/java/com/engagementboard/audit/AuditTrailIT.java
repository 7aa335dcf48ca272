package com.engagementboard.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.engagementboard.EngagementBoardApplication;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The whole application writes the trail and reads it back over HTTP; on PostgreSQL the database itself
 * refuses to change or remove a line (the append-only trigger of db/vendor/postgresql). H2 has no such
 * trigger, so that test runs only on PostgreSQL, which CI provides (POSTGRES_URL); on CI without it, it fails.
 */
class AuditTrailIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static ConfigurableApplicationContext app;
    private static Path dataDirectory;
    private static int port;
    private static JdbcTemplate jdbc;

    @BeforeAll
    static void start() throws IOException {
        List<String> args = new ArrayList<>(List.of("--server.port=0"));
        if (!onPostgres()) {
            dataDirectory = Files.createTempDirectory("audit-it");
            args.add("--spring.datasource.url=jdbc:h2:file:" + dataDirectory.resolve("eb").toAbsolutePath()
                    + ";DB_CLOSE_ON_EXIT=FALSE");
        }
        app = new SpringApplicationBuilder(EngagementBoardApplication.class).run(args.toArray(String[]::new));
        port = ((WebServerApplicationContext) app).getWebServer().getPort();
        jdbc = new JdbcTemplate(app.getBean(DataSource.class));
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void aChangeOverHttpIsReadBackOverHttpByAnAdministratorOnly() throws Exception {
        long touchpoint = createTouchpoint("Audited over HTTP");

        JsonNode lines = linesOf(touchpoint);
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0).path("action").asText()).isEqualTo("CREATED");
        assertThat(lines.get(0).path("actor").asText()).isEqualTo("cmo");
        assertThat(lines.get(0).path("entity").asText()).isEqualTo("Touchpoint");
        assertThat(lines.get(0).path("after").path("name").asText()).isEqualTo("Audited over HTTP");

        HttpResponse<String> employee = HTTP.send(request("/api/audit", "employee").GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(employee.statusCode()).isEqualTo(403);
        HttpResponse<String> anonymous = HTTP.send(HttpRequest.newBuilder(uri("/api/audit")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(401);
        HttpResponse<String> delete = HTTP.send(request("/api/audit", "admin").DELETE().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(delete.statusCode()).isEqualTo(405);
        assertThat(linesOf(touchpoint)).hasSize(1);
    }

    @Test
    void onPostgresTheDatabaseRefusesToChangeOrRemoveALine() throws Exception {
        if (!onPostgres()) {
            boolean ci = "true".equalsIgnoreCase(System.getenv("CI"));
            assertThat(ci && System.getenv("POSTGRES_URL") == null)
                    .as("on CI the integration tests run on PostgreSQL too (POSTGRES_URL)").isFalse();
            assumeTrue(false, "H2 has no append-only trigger; the PostgreSQL run of this test checks it");
        }
        long touchpoint = createTouchpoint("Kept as written");
        long line = linesOf(touchpoint).get(0).path("id").asLong();

        assertThatThrownBy(() -> jdbc.update("update audit_entry set actor = 'someone-else' where id = ?", line))
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.update("delete from audit_entry where id = ?", line))
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.execute("truncate table audit_entry"))
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("append-only");
        Map<String, Object> kept = jdbc.queryForMap("select actor, entity_id from audit_entry where id = ?", line);
        assertThat(kept).containsEntry("actor", "cmo").containsEntry("entity_id", String.valueOf(touchpoint));
    }

    private long createTouchpoint(String name) throws Exception {
        String code = "it-audit-" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> created = HTTP.send(request("/api/touchpoints", "cmo")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("""
                        {"code":"%s","name":"%s","kind":"INTERNAL","channel":"Mail",
                         "journeyStage":"BOND","priority":2}""".formatted(code, name))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return jdbc.queryForObject("select id from touchpoint where code = ?", Long.class, code);
    }

    private JsonNode linesOf(long touchpoint) throws Exception {
        HttpResponse<String> trail = HTTP.send(request("/api/audit?entity=Touchpoint&id=" + touchpoint, "admin")
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(trail.statusCode()).as(trail.body()).isEqualTo(200);
        return JSON.readTree(trail.body()).path("content");
    }

    private static boolean onPostgres() {
        return System.getProperty("spring.profiles.active", "").contains("postgres");
    }

    private static URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static HttpRequest.Builder request(String path, String user) {
        return HttpRequest.newBuilder(uri(path))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)))
                .header("Accept", "application/json");
    }
}
