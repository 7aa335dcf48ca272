package com.engagementboard.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The machine the figures come from: cores, memory, CPU, Java, OS, and how busy it was. */
final class Machine {

    private Machine() {
    }

    static ObjectNode describe() {
        ObjectNode machine = Session.JSON.createObjectNode();
        machine.put("cores", Runtime.getRuntime().availableProcessors());
        machine.put("memoryMiB", memTotalMiB());
        machine.put("cpu", cpuModel());
        machine.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch"));
        machine.put("loadAverage", firstLine("/proc/loadavg"));
        return machine;
    }

    private static long memTotalMiB() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            // not Linux
        }
        return -1;
    }

    private static String cpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException e) {
            // not Linux
        }
        return System.getProperty("os.arch");
    }

    private static String firstLine(String file) {
        try {
            return Files.readAllLines(Path.of(file)).get(0);
        } catch (IOException | IndexOutOfBoundsException e) {
            return "";
        }
    }
}
