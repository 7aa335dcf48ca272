package com.engagementboard.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

/** Concurrent clients: a fixed number of threads sharing a queue of work. */
public final class Load {

    /** Latencies of {@code requests} calls from {@code clients} threads, after {@code warmup} calls. */
    record Latencies(double p50, double p95, double p99, int requests, int errors, double warmupP95) {
    }

    private Load() {
    }

    /** Runs {@code work.accept(i)} for i in [0, count) on {@code clients} threads; returns seconds. */
    static double parallel(int clients, int count, IntConsumer work) {
        AtomicInteger next = new AtomicInteger();
        long started = System.nanoTime();
        run(clients, client -> {
            for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                work.accept(i);
            }
        });
        return (System.nanoTime() - started) / 1e9;
    }

    /** Runs each item of the queue on {@code clients} threads; returns seconds. */
    static <T> double drain(int clients, List<T> items, Consumer<T> work) {
        ConcurrentLinkedQueue<T> queue = new ConcurrentLinkedQueue<>(items);
        long started = System.nanoTime();
        run(clients, client -> {
            for (T item = queue.poll(); item != null; item = queue.poll()) {
                work.accept(item);
            }
        });
        return (System.nanoTime() - started) / 1e9;
    }

    /**
     * Milliseconds per request at p50, p95 and p99. {@code call} gets the request's number and returns
     * whether it succeeded (a failure is counted and its time still recorded).
     */
    static Latencies latencies(int clients, int warmup, int requests, java.util.function.IntPredicate call) {
        long[] warming = timed(clients, warmup, call, new AtomicInteger());
        AtomicInteger errors = new AtomicInteger();
        long[] nanos = timed(clients, requests, call, errors);
        return new Latencies(percentile(nanos, 50), percentile(nanos, 95), percentile(nanos, 99), requests,
                errors.get(), warming.length == 0 ? Double.NaN : percentile(warming, 95));
    }

    /** Each call's time, sorted; failed calls counted in {@code errors}. */
    private static long[] timed(int clients, int count, java.util.function.IntPredicate call, AtomicInteger errors) {
        long[] nanos = new long[count];
        parallel(clients, count, i -> {
            long started = System.nanoTime();
            boolean ok = call.test(i);
            nanos[i] = System.nanoTime() - started;
            if (!ok) {
                errors.incrementAndGet();
            }
        });
        Arrays.sort(nanos);
        return nanos;
    }

    /** Nearest-rank percentile, in milliseconds. */
    public static double percentile(long[] sorted, double p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1e6;
    }

    private static void run(int clients, IntConsumer client) {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                int id = c;
                futures.add(pool.submit(() -> client.accept(id)));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }
}
