package com.engagementboard.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The values of every run, per database; written to target/bench/results.json and printed as a table. */
final class Results {

    private final BenchConfig config;
    private final Map<String, Map<String, List<Double>>> values = new LinkedHashMap<>();
    private final Map<String, String> status = new LinkedHashMap<>();
    private final List<String> notes = new ArrayList<>();
    private final Instant started = Instant.now();

    Results(BenchConfig config) {
        this.config = config;
    }

    void add(String database, String figure, double value) {
        keep(database, figure, value);
        System.out.printf(java.util.Locale.ROOT, "  [%s] %-22s %s %s%n", database, figure, Figures.format(value),
                Figures.get(figure).unit());
    }

    private void keep(String database, String figure, double value) {
        Figures.get(figure); // known figures only
        values.computeIfAbsent(database, d -> new LinkedHashMap<>()).computeIfAbsent(figure, f -> new ArrayList<>())
                .add(value);
    }

    List<Double> values(String database, String figure) {
        return values.getOrDefault(database, Map.of()).getOrDefault(figure, List.of());
    }

    void status(String database, String text) {
        status.put(database, text);
    }

    void note(String text) {
        notes.add(text);
    }

    /** What a run in another JVM measured ({@link EngineRun}): its values and notes, to be {@link #absorb}ed. */
    void exportTo(Path file) throws IOException {
        ObjectNode part = Session.JSON.createObjectNode();
        ObjectNode databases = part.putObject("values");
        values.forEach((database, figures) -> {
            ObjectNode figuresOf = databases.putObject(database);
            figures.forEach((figure, list) -> list.forEach(figuresOf.putArray(figure)::add));
        });
        notes.forEach(part.putArray("notes")::add);
        Session.JSON.writeValue(file.toFile(), part);
    }

    /** Adds what {@link #exportTo} wrote in another JVM (which printed it already). */
    void absorb(Path file) throws IOException {
        JsonNode part = Session.JSON.readTree(file.toFile());
        part.path("values").fields().forEachRemaining(database -> database.getValue().fields().forEachRemaining(
                figure -> figure.getValue().forEach(value -> keep(database.getKey(), figure.getKey(), value.asDouble()))));
        part.path("notes").forEach(text -> note(text.asText()));
    }

    /** Whether the sizes are the (otherwise a smoke run, not to be compared with the targets). */
    boolean representative() {
        return config.touchpoints() >= 2000 && config.functions() >= 60 && config.tasks() >= 10_000
                && config.decisions() >= 50_000 && config.requests() >= 1000 && config.runs() >= 3;
    }

    static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n == 0 ? Double.NaN : n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    Path write() throws IOException {
        ObjectNode root = Session.JSON.createObjectNode();
        root.put("generatedAt", Instant.now().toString());
        root.put("startedAt", started.toString());
        root.put("command", command());
        root.put("representative", representative());
        root.set("machine", Machine.describe());
        ObjectNode scale = root.putObject("scale");
        scale.put("touchpoints", config.touchpoints()).put("functions", config.functions())
                .put("allocations", config.allocations()).put("openTasks", config.tasks())
                .put("decisions", config.decisions()).put("voteItems", config.voteItems()).put("runs", config.runs())
                .put("clients", config.clients()).put("requests", config.requests()).put("warmup", config.warmup())
                .put("heap", config.heap());
        ObjectNode databases = root.putObject("databases");
        for (String database : union()) {
            ObjectNode db = databases.putObject(database);
            db.put("status", status.getOrDefault(database, "measured"));
            ObjectNode figures = db.putObject("figures");
            for (Figures.Figure figure : Figures.ALL) {
                List<Double> runs = values.getOrDefault(database, Map.of()).get(figure.id());
                if (runs == null || runs.isEmpty()) {
                    continue;
                }
                ObjectNode f = figures.putObject(figure.id());
                f.put("label", figure.label()).put("unit", figure.unit()).put("how", figure.how());
                ArrayNode array = f.putArray("runs");
                runs.forEach(array::add);
                f.put("min", Collections.min(runs)).put("median", median(runs)).put("max", Collections.max(runs));
                if (figure.target() != null) {
                    f.put("target", figure.target()).put("targetIsMaximum", figure.atMost());
                    double median = median(runs);
                    f.put("meetsTarget", figure.atMost() ? median < figure.target() : median >= figure.target());
                }
            }
        }
        ArrayNode notesNode = root.putArray("notes");
        notes.forEach(notesNode::add);
        Path file = config.output().resolve("results.json");
        Files.createDirectories(file.getParent());
        Session.JSON.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), root);
        return file;
    }

    private List<String> union() {
        List<String> all = new ArrayList<>(values.keySet());
        status.keySet().stream().filter(d -> !all.contains(d)).forEach(all::add);
        return all;
    }

    private String command() {
        StringBuilder command = new StringBuilder("./mvnw -Pbench verify");
        if (!representative()) {
            command.append(" -Dbench.runs=").append(config.runs()).append(" -Dbench.touchpoints=")
                    .append(config.touchpoints()).append(" -Dbench.functions=").append(config.functions())
                    .append(" -Dbench.tasks=").append(config.tasks()).append(" -Dbench.decisions=")
                    .append(config.decisions()).append(" -Dbench.voteItems=").append(config.voteItems())
                    .append(" -Dbench.requests=").append(config.requests());
        }
        return command.toString();
    }

    /** The table on stdout: one line a figure, min / median / max, target and whether the median meets it. */
    static String table(JsonNode results) {
        StringBuilder out = new StringBuilder();
        results.path("databases").fields().forEachRemaining(db -> {
            out.append(String.format("%n%s (%s)%n", db.getKey().toUpperCase(), db.getValue().path("status").asText()));
            out.append(String.format("%-78s %10s %10s %10s %-10s %-12s %s%n", "figure", "min", "median", "max", "unit",
                    "target", ""));
            db.getValue().path("figures").fields().forEachRemaining(f -> {
                JsonNode v = f.getValue();
                Figures.Figure figure = Figures.get(f.getKey());
                out.append(String.format("%-78s %10s %10s %10s %-10s %-12s %s%n", abbreviate(v.path("label").asText(), 78),
                        Figures.format(v.path("min").asDouble()), Figures.format(v.path("median").asDouble()),
                        Figures.format(v.path("max").asDouble()), v.path("unit").asText(), figure.targetText(),
                        v.has("meetsTarget") ? (v.path("meetsTarget").asBoolean() ? "PASS" : "MISS") : ""));
            });
        });
        return out.toString();
    }

    private static String abbreviate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
