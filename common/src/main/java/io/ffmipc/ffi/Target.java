package io.ffmipc.ffi;

import java.util.Locale;

/**
 * An OS and architecture a binding is written for. Bindings declare sizes, offsets and constants
 * per target, and the ABI check compiles them against that target's real headers.
 */
public enum Target {
    /** Linux on x86_64 with glibc. */
    LINUX_X86_64("linux-x86_64"),
    /** Linux on aarch64 (arm64) with glibc. */
    LINUX_AARCH64("linux-aarch64"),
    /**
     * Linux x86_64 with musl as its C library (Alpine and other musl distributions). The kernel ABI
     * is linux-x86_64's; what musl's headers declare differently is declared per target. The JVM's
     * os.name/os.arch cannot tell it apart, so {@link #of} never returns it: the Linux provider
     * detects the C library itself.
     */
    LINUX_X86_64_MUSL("linux-x86_64-musl"),
    /** Windows on x64. */
    WINDOWS_X64("windows-x64"),
    /** macOS on Apple silicon (arm64). */
    MACOS_ARM64("macos-arm64"),
    /** macOS on Intel (x86_64). */
    MACOS_X86_64("macos-x86_64");

    private final String id;

    Target(String id) {
        this.id = id;
    }

    /** The target's name in file names and messages ({@code linux-x86_64}). */
    public String id() {
        return id;
    }

    /** Whether the OS is Linux, whatever the architecture and C library. */
    public boolean isLinux() {
        return this == LINUX_X86_64 || this == LINUX_AARCH64 || this == LINUX_X86_64_MUSL;
    }

    /** Whether the OS is Windows. */
    public boolean isWindows() {
        return this == WINDOWS_X64;
    }

    /** Whether the OS is macOS, whatever the architecture. */
    public boolean isMacos() {
        return this == MACOS_ARM64 || this == MACOS_X86_64;
    }

    /** The target of the running JVM, or {@code null} if it is none of ours. */
    public static Target current() {
        return of(System.getProperty("os.name", ""), System.getProperty("os.arch", ""));
    }

    /** The target named by these {@code os.name}/{@code os.arch} values, or {@code null}. */
    public static Target of(String osName, String osArch) {
        String os = osName.toLowerCase(Locale.ROOT);
        String arch = osArch.toLowerCase(Locale.ROOT);
        boolean x64 = arch.equals("amd64") || arch.equals("x86_64");
        boolean arm64 = arch.equals("aarch64") || arch.equals("arm64");
        if (os.startsWith("linux")) {
            return x64 ? LINUX_X86_64 : arm64 ? LINUX_AARCH64 : null;
        }
        if (os.startsWith("windows")) {
            return x64 ? WINDOWS_X64 : null;
        }
        if (os.startsWith("mac") || os.startsWith("darwin")) {
            return x64 ? MACOS_X86_64 : arm64 ? MACOS_ARM64 : null;
        }
        return null;
    }

    @Override
    public String toString() {
        return id;
    }
}
