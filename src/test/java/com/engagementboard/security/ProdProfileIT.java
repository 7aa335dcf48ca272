package com.engagementboard.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.engagementboard.EngagementBoardApplication;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The {@code prod} profile: no start without a configured administrator, and no demo organisation.
 */
class ProdProfileIT {

    private static final String ADMIN = "root.admin";
    private static final String ADMIN_PASSWORD = "A-long-secret-1";

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private final List<ConfigurableApplicationContext> running = new ArrayList<>();

    @AfterEach
    void stop() {
        running.forEach(ConfigurableApplicationContext::close);
    }

    @Test
    void refusesToStartWithoutAnAdministrator() {
        assumeTrue(System.getenv("ADMIN_USER") == null, "ADMIN_USER is set in this environment");

        assertThatThrownBy(() -> start()).satisfies(failure -> assertThat(rootCause(failure))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("ADMIN_USER"));
    }

    @Test
    void refusesAShortAdministratorPassword() {
        assertThatThrownBy(() -> start("--engagement-board.admin.user=" + ADMIN,
                "--engagement-board.admin.password=too-short"))
                .satisfies(failure -> assertThat(rootCause(failure)).hasMessageContaining("ADMIN_PASSWORD"));
    }

    @Test
    void refusesAnAdministratorPasswordThatBreaksThePasswordPolicy() {
        assertThatThrownBy(() -> start("--engagement-board.admin.user=" + ADMIN + "-" + UUID.randomUUID(),
                "--engagement-board.admin.password=a-long-secret-but-no-capital-1"))
                .satisfies(failure -> assertThat(rootCause(failure)).hasMessageContaining("ADMIN_PASSWORD")
                        .hasMessageContaining("password policy").hasMessageContaining("upper-case"));
    }

    @Test
    void startsWithTheConfiguredAdministratorAndNoDemoOrganisation() throws Exception {
        ConfigurableApplicationContext context = start("--engagement-board.admin.user=" + ADMIN,
                "--engagement-board.admin.password=" + ADMIN_PASSWORD);
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();

        HttpResponse<String> functions = get(port, "/api/functions", ADMIN, ADMIN_PASSWORD);
        assertThat(functions.statusCode()).as(functions.body()).isEqualTo(200);
        assertThat(json.readTree(functions.body()).isArray()).isTrue();

        // The administrator is one of Camunda's administrators.
        HttpResponse<String> groups = get(port, "/engine-rest/identity/groups?userId=" + ADMIN, ADMIN, ADMIN_PASSWORD);
        assertThat(groups.statusCode()).as(groups.body()).isEqualTo(200);
        List<String> groupIds = new ArrayList<>();
        json.readTree(groups.body()).path("groups").forEach(group -> groupIds.add(group.path("id").asText()));
        assertThat(groupIds).contains(Groups.ADMIN);

        // On PostgreSQL the database is shared with the other integration tests, which seed the demo.
        assumeTrue(!onPostgres(), "shared PostgreSQL database may hold the demo organisation of other tests");
        HttpResponse<String> divisions = get(port, "/api/divisions", ADMIN, ADMIN_PASSWORD);
        assertThat(divisions.statusCode()).isEqualTo(200);
        assertThat(json.readTree(divisions.body()).isArray()).isTrue();
        assertThat(json.readTree(divisions.body())).isEmpty();
        assertThat(json.readTree(functions.body())).isEmpty();
        assertThat(get(port, "/api/functions", "cmo", "demo").statusCode()).isEqualTo(401);
    }

    private ConfigurableApplicationContext start(String... extra) {
        List<String> args = new ArrayList<>(List.of("--server.port=0",
                "--server.servlet.session.cookie.secure=false"));
        if (onPostgres()) {
            args.add("--spring.profiles.active=prod,postgres");
        } else {
            args.add("--spring.profiles.active=prod");
            args.add("--spring.datasource.url=jdbc:h2:mem:prod-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        }
        args.addAll(List.of(extra));
        ConfigurableApplicationContext context = new SpringApplicationBuilder(EngagementBoardApplication.class)
                .run(args.toArray(String[]::new));
        running.add(context);
        return context;
    }

    /** The innermost cause (the failure itself when nothing wraps it). */
    private static Throwable rootCause(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }

    private static boolean onPostgres() {
        return System.getProperty("spring.profiles.active", "").contains("postgres");
    }

    private HttpResponse<String> get(int port, String path, String user, String password) throws Exception {
        String credentials = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + credentials).header("Accept", "application/json").GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
