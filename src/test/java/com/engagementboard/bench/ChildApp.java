package com.engagementboard.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The application jar in a JVM of its own ({@code java -Xmx<heap> -XX:SharedArchiveFile=target/app/engagement-board.jsa
 * -jar target/app/*.jar}), as the README runs it in production, on a free port; its output goes to app-N.log in the run's folder.
 */
final class ChildApp implements RunningApp {

    private final Process process;
    private final int port;
    private final double startup;

    private ChildApp(Process process, int port, double startup) {
        this.process = process;
        this.port = port;
        this.startup = startup;
    }

    static ChildApp start(BenchConfig config, Database database, Path folder, String label) throws IOException {
        Files.createDirectories(folder);
        int port = Readiness.freePort();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx" + config.heap()));
        // The class-data archive that packaging records next to the extracted jar (README: run it).
        Path archive = config.jar().toAbsolutePath().resolveSibling("engagement-board.jsa");
        if (Files.exists(archive)) {
            command.add("-XX:SharedArchiveFile=" + archive);
        }
        command.addAll(List.of("-jar", config.jar().toAbsolutePath().toString(), "--server.port=" + port));
        // The benchmark builds its own organisation and charter: the demo's story (a version in acceptance) is left out.
        command.add("--engagement-board.demo-story=false");
        command.addAll(database.applicationArguments());
        ProcessBuilder builder = new ProcessBuilder(command).directory(folder.toFile())
                .redirectErrorStream(true).redirectOutput(folder.resolve("app-" + label + ".log").toFile());
        long started = System.nanoTime();
        Process process = builder.start();
        // No application left running if the benchmark is stopped.
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroy));
        try {
            Readiness.await(port, Duration.ofMinutes(5), process::isAlive);
        } catch (RuntimeException e) {
            process.destroyForcibly();
            throw new IllegalStateException(e.getMessage() + "; see " + folder.resolve("app-" + label + ".log"), e);
        }
        return new ChildApp(process, port, (System.nanoTime() - started) / 1e9);
    }

    @Override
    public int port() {
        return port;
    }

    @Override
    public double startupSeconds() {
        return startup;
    }

    @Override
    public double residentMiB() {
        return Readiness.residentMiB(process.pid());
    }

    /** A graceful stop (SIGTERM: Spring closes the engine and the database), then waits. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
