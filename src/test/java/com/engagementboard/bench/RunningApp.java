package com.engagementboard.bench;

/** The application under test, however it runs: a child JVM from the jar, or inside an {@link EngineRun}'s JVM. */
interface RunningApp extends AutoCloseable {

    int port();

    /** Seconds from launch to {@code /actuator/health/readiness} answering UP. */
    double startupSeconds();

    /** Resident memory of the application's process now, in MiB. */
    double residentMiB();

    @Override
    void close();
}
