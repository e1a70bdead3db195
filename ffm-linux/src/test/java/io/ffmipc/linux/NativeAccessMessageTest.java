package io.ffmipc.linux;

import io.ffmipc.Ipc;
import io.ffmipc.testkit.ChildJvm;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A user who forgot --enable-native-access is told the exact flag, whether the JVM warns or denies. */
class NativeAccessMessageTest {

    /** Child: activates the platform and reports what happened. */
    public static final class Child {
        public static void main(String[] args) {
            try {
                System.out.println("activated " + Ipc.platform().os());
            } catch (RuntimeException e) {
                System.out.println("failed " + e.getClass().getName() + ": " + e.getMessage());
            }
        }
    }

    private static String run(String... jvmFlags) throws IOException, InterruptedException {
        List<String> cmd = new java.util.ArrayList<>(List.of(ChildJvm.javaExecutable()));
        cmd.addAll(List.of(jvmFlags));
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), Child.class.getName()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "child did not finish");
        assertEquals(0, p.exitValue(), out);
        return out;
    }

    @Test
    void deniedNativeAccessIsATypedErrorNamingTheFlag() throws Exception {
        String out = run("--illegal-native-access=deny");
        assertTrue(out.contains("failed io.ffmipc.NativeAccessException"), out);
        assertTrue(out.contains("--enable-native-access=ALL-UNNAMED"), out);
    }

    @Test
    void missingNativeAccessWarnsWithTheFlagAndStillWorks() throws Exception {
        String out = run();
        assertTrue(out.contains("activated Linux"), out);
        assertTrue(out.contains("ffm-ipc: native access is not enabled; start java with --enable-native-access=ALL-UNNAMED"), out);
    }

    @Test
    void enabledNativeAccessIsSilent() throws Exception {
        String out = run("--enable-native-access=ALL-UNNAMED");
        assertTrue(out.contains("activated Linux"), out);
        assertTrue(!out.contains("native access is not enabled"), out);
    }
}
