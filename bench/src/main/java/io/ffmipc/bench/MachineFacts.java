package io.ffmipc.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Where the numbers came from: CPUs, CPU model, kernel, JDK and the load at that moment. */
public record MachineFacts(int cpus, String cpuModel, String kernel, String jdk, String loadAverage) {

    static MachineFacts now() {
        String model = read("/proc/cpuinfo").lines().filter(l -> l.startsWith("model name"))
                .map(l -> l.substring(l.indexOf(':') + 1).strip()).findFirst().orElse(System.getProperty("os.arch"));
        String kernel = read("/proc/sys/kernel/osrelease").strip();
        String load = read("/proc/loadavg").strip();
        String[] l = load.split("\\s+");
        return new MachineFacts(Runtime.getRuntime().availableProcessors(), model,
                kernel.isEmpty() ? System.getProperty("os.name") + " " + System.getProperty("os.version") : "Linux " + kernel,
                System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
                l.length >= 3 ? l[0] + " " + l[1] + " " + l[2] : "unknown");
    }

    private static String read(String file) {
        try {
            return Files.readString(Path.of(file));
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cpus", cpus);
        m.put("cpu_model", cpuModel);
        m.put("kernel", kernel);
        m.put("jdk", jdk);
        m.put("load_average", loadAverage);
        return m;
    }
}
