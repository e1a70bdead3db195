package io.ffmipc.cli;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code ffmipc -V} says the version being built, not a number typed into the source. */
class VersionTest {

    /** The version this module is built as: its parent's, from cli/pom.xml (the test runs in cli/). */
    private static String buildVersion() throws IOException {
        String pom = Files.readString(Path.of("pom.xml"));
        Matcher m = Pattern.compile("<parent>.*?<version>([^<]+)</version>.*?</parent>", Pattern.DOTALL).matcher(pom);
        assertTrue(m.find(), "no parent version in cli/pom.xml");
        return m.group(1);
    }

    @Test
    void versionIsTheBuildsVersion() throws IOException {
        String version = buildVersion();
        assertTrue(version.endsWith("-SNAPSHOT") || version.matches("\\d+\\.\\d+\\.\\d+.*"), version);
        for (String flag : new String[]{"-V", "--version"}) {
            CliRun r = CliRun.of(flag);
            assertEquals(ExitCodes.OK, r.exitCode(), r.toString());
            assertEquals("ffmipc " + version + " (ffm-ipc)\n", r.out());
        }
    }
}
