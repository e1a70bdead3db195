/**
 * The macOS provider (arm64, x86_64): POSIX shared memory and semaphores, System V IPC, FIFOs and
 * Unix sockets through libSystem, waits through os_sync (macOS 14.4+), and Mach ports with the
 * bootstrap namespace as a macOS extension. The bindings ({@code io.ffmipc.macos.ffi}) are not exported.
 */
module io.ffmipc.macos {
    requires transitive io.ffmipc;

    exports io.ffmipc.macos;

    provides io.ffmipc.spi.IpcProvider with io.ffmipc.macos.MacosProvider;
}
