package com.engagementboard.bench;

import java.nio.file.Path;

/**
 * One run of the flows through Camunda's Java API, in a JVM of its own that the benchmark starts with
 * its class path and {@code -Dbench.*} properties: {@code EngineRun <database> <run> <figures.json>}.
 */
public final class EngineRun {

    private EngineRun() {
    }

    public static void main(String[] args) throws Exception {
        int status = 0;
        try {
            Benchmark.engineRun(args[0], Integer.parseInt(args[1]), Path.of(args[2]));
        } catch (Exception e) {
            e.printStackTrace();
            status = 1;
        }
        // The application's and the clients' threads must not keep the JVM.
        System.exit(status);
    }
}
