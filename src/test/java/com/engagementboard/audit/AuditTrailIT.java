package com.engagementboard.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.engagementboard.EngagementBoardApplication;
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
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The whole application writes the trail and reads it back over HTTP; on PostgreSQL the database itself
 * refuses to change or remove a line (the append-only trigger of db/vendor/postgresql). H2 has no such
 * trigger, so that part runs only on PostgreSQL, which CI always provides (POSTGRES_URL).
 */
class AuditTrailIT {

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private ConfigurableApplicationContext app;

    @TempDir
    Path dataDirectory;

    @AfterEach
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void aChangeOverHttpIsReadBackAndTheDatabaseKeepsTheLineAsWritten() throws Exception {
        app = start();
        int port = ((WebServerApplicationContext) app).getWebServer().getPort();
        String code = "it-audit-" + UUID.randomUUID().toString().substring(0, 8);

        HttpResponse<String> created = http.send(request(port, "/api/touchpoints", "cmo")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("""
                        {"code":"%s","name":"Audited over HTTP","kind":"INTERNAL","channel":"Mail",
                         "journeyStage":"BOND","priority":2}""".formatted(code))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);

        JdbcTemplate jdbc = new JdbcTemplate(app.getBean(javax.sql.DataSource.class));
        long touchpoint = jdbc.queryForObject("select id from touchpoint where code = ?", Long.class, code);
        HttpResponse<String> trail = http.send(request(port, "/api/audit?entity=Touchpoint&id=" + touchpoint,
                "admin").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(trail.statusCode()).as(trail.body()).isEqualTo(200);
        JsonNode lines = json.readTree(trail.body()).path("content");
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0).path("action").asText()).isEqualTo("CREATED");
        assertThat(lines.get(0).path("actor").asText()).isEqualTo("cmo");
        assertThat(lines.get(0).path("after").path("name").asText()).isEqualTo("Audited over HTTP");
        long line = lines.get(0).path("id").asLong();

        HttpResponse<String> employee = http.send(request(port, "/api/audit", "employee").GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(employee.statusCode()).isEqualTo(403);

        if (!onPostgres()) {
            boolean ci = "true".equalsIgnoreCase(System.getenv("CI"));
            assertThat(ci && System.getenv("POSTGRES_URL") == null)
                    .as("on CI the integration tests run on PostgreSQL too (POSTGRES_URL)").isFalse();
            assumeTrue(false, "H2 has no append-only trigger; the PostgreSQL run of this test checks it");
        }
        assertThatThrownBy(() -> jdbc.update("update audit_entry set actor = 'someone-else' where id = ?", line))
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.update("delete from audit_entry where id = ?", line))
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.execute("truncate table audit_entry"))
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("append-only");
        Map<String, Object> kept = jdbc.queryForMap("select actor, entity_id from audit_entry where id = ?", line);
        assertThat(kept).containsEntry("actor", "cmo").containsEntry("entity_id", String.valueOf(touchpoint));
    }

    private static boolean onPostgres() {
        return System.getProperty("spring.profiles.active", "").contains("postgres");
    }

    private ConfigurableApplicationContext start() {
        List<String> args = new ArrayList<>(List.of("--server.port=0"));
        if (!onPostgres()) {
            args.add("--spring.datasource.url=jdbc:h2:file:" + dataDirectory.resolve("eb").toAbsolutePath()
                    + ";DB_CLOSE_ON_EXIT=FALSE");
        }
        return new SpringApplicationBuilder(EngagementBoardApplication.class).run(args.toArray(String[]::new));
    }

    private static HttpRequest.Builder request(int port, String path, String user) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)))
                .header("Accept", "application/json");
    }
}
