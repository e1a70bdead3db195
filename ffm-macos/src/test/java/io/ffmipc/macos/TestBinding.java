package io.ffmipc.macos;

import io.ffmipc.ffi.Target;
import io.ffmipc.macos.ffi.MacosPosix;
import io.ffmipc.posix.PosixLibrary;

/** The binding the macOS seams run on in this test JVM: libSystem on macOS, glibc answering like it on Linux. */
final class TestBinding {
    private static PosixLibrary library;

    private TestBinding() {
    }

    static synchronized PosixLibrary library() {
        if (library == null) {
            Target t = Target.current();
            library = t != null && t.isMacos() ? MacosPosix.load() : MacosShapedLibC.create();
        }
        return library;
    }
}
