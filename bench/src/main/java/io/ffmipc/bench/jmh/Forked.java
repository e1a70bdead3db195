package io.ffmipc.bench.jmh;

/** JVM arguments every forked benchmark JVM needs (the forks do not read benchmarks.jar's manifest). */
final class Forked {
    static final String NATIVE_ACCESS = "--enable-native-access=ALL-UNNAMED";

    private Forked() {
    }
}
