package com.example.sum;

import io.ffmipc.ChildLauncher;
import io.ffmipc.ChildProcess;
import io.ffmipc.Ipc;
import io.ffmipc.IpcPlatform;
import io.ffmipc.OpenMode;
import io.ffmipc.Semaphore;
import io.ffmipc.SharedMemory;

import java.lang.foreign.MemorySegment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

/**
 * Two processes, unnamed shared memory and a named semaphore. The parent writes 1..100 into the
 * memory and starts this program again as a second process with {@code launcher(...)}, handing it
 * the memory's handle; the child adds the numbers up, writes the sum after them and releases the
 * semaphore; the parent waits for that and checks the sum. Exits with 0 when it is right.
 */
public final class SumInChild {
    private static final int COUNT = 100;

    public static void main(String[] args) throws Exception {
        if (args.length == 3 && args[0].equals("child")) {
            child(args[1], args[2]);
        } else {
            parent();
        }
    }

    private static void parent() throws Exception {
        IpcPlatform ipc = Ipc.platform();
        String done = "sum-done-" + ProcessHandle.current().pid();
        Path childErrors = Files.createTempFile("sum-child", ".log");
        try (SharedMemory numbers = ipc.anonymousSharedMemory((COUNT + 1) * Long.BYTES);
             Semaphore summed = ipc.semaphore(done, OpenMode.CREATE, 0)) {
            for (int i = 0; i < COUNT; i++) {
                numbers.segment().setAtIndex(JAVA_LONG, i, i + 1);
            }
            ChildLauncher launcher = ipc.launcher(thisProgram());
            String token = launcher.inherit(numbers.handle().orElseThrow());
            try (ChildProcess child = launcher.arguments(List.of("child", token, done)).stderr(childErrors).start()) {
                if (!summed.tryAcquire(Duration.ofSeconds(30))) {
                    throw new IllegalStateException("the child did not answer: " + Files.readString(childErrors));
                }
                OptionalInt exit = child.waitFor(Duration.ofSeconds(30));
                if (exit.orElse(-1) != 0) {
                    throw new IllegalStateException("the child exited with " + exit + ": " + Files.readString(childErrors));
                }
            }
            long sum = numbers.segment().getAtIndex(JAVA_LONG, COUNT);
            if (sum != COUNT * (COUNT + 1) / 2) {
                throw new IllegalStateException("the child's sum is " + sum);
            }
            String path = SumInChild.class.getModule().isNamed() ? "module path" : "class path";
            System.out.println("a second process summed 1.." + COUNT + " in shared memory: " + sum + " (" + path + ")");
        } finally {
            ipc.removeSemaphore(done);
            Files.delete(childErrors);
        }
    }

    private static void child(String token, String done) {
        IpcPlatform ipc = Ipc.platform();
        try (SharedMemory numbers = ipc.inheritedSharedMemory(token);
             Semaphore summed = ipc.semaphore(done, OpenMode.OPEN, 0)) {
            MemorySegment m = numbers.segment();
            long sum = 0;
            for (int i = 0; i < COUNT; i++) {
                sum += m.getAtIndex(JAVA_LONG, i);
            }
            m.setAtIndex(JAVA_LONG, COUNT, sum);
            summed.release();
        }
    }

    /** The command that runs this program again: this JVM's java, native-access flag and class or module path. */
    private static List<String> thisProgram() {
        List<String> java = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--illegal-native-access=deny", Ipc.nativeAccessFlag()));
        Module module = SumInChild.class.getModule();
        if (module.isNamed()) {
            String modulePath = System.getProperty("jdk.module.path"); // none in a jlink image: the modules are in it
            if (modulePath != null) {
                java.addAll(List.of("--module-path", modulePath));
            }
            java.addAll(List.of("--module", module.getName() + "/" + SumInChild.class.getName()));
        } else {
            java.addAll(List.of("--class-path", System.getProperty("java.class.path"), SumInChild.class.getName()));
        }
        return java;
    }
}
