package com.engagementboard.bench;

import com.engagementboard.EngagementBoardApplication;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The same application inside the JVM of an {@link EngineRun} (its classes from the test classpath), so the
 * flows can be driven through Camunda's Java API next to the HTTP ones. It listens on a port too: the
 * set-up goes over HTTP exactly as for the jar; only the measured steps differ.
 */
final class InProcessApp implements RunningApp {

    private final ConfigurableApplicationContext context;
    private final int port;
    private final double startup;

    private InProcessApp(ConfigurableApplicationContext context, int port, double startup) {
        this.context = context;
        this.port = port;
        this.startup = startup;
    }

    static InProcessApp start(Database database, Path folder) throws java.io.IOException {
        Files.createDirectories(folder);
        int port = Readiness.freePort();
        List<String> args = new ArrayList<>(List.of("--server.port=" + port,
                // Only the application's own configuration, not the tests' (config/application.properties
                // turns the job executor off and the database to memory).
                "--spring.config.location=classpath:/", "--logging.file.name=" + folder.resolve("app-in-process.log"),
                "--logging.threshold.console=OFF", "--spring.main.banner-mode=off",
                "--engagement-board.demo-story=false"));
        args.addAll(database.applicationArguments());
        long started = System.nanoTime();
        ConfigurableApplicationContext context = SpringApplication.run(EngagementBoardApplication.class,
                args.toArray(String[]::new));
        Readiness.await(port, java.time.Duration.ofMinutes(5), context::isActive);
        return new InProcessApp(context, port, (System.nanoTime() - started) / 1e9);
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    @Override
    public int port() {
        return port;
    }

    @Override
    public double startupSeconds() {
        return startup;
    }

    /** The benchmark's own JVM: the application and the benchmark's clients together. */
    @Override
    public double residentMiB() {
        return Readiness.residentMiB(ProcessHandle.current().pid());
    }

    @Override
    public void close() {
        context.close();
    }
}
