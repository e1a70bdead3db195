/**
 * The Windows provider (x64): named pipes, mailslots, file mappings and named kernel objects
 * through kernel32 and advapi32. The bindings ({@code io.ffmipc.windows.ffi}) are not exported.
 */
module io.ffmipc.windows {
    requires transitive io.ffmipc;

    exports io.ffmipc.windows;

    provides io.ffmipc.spi.IpcProvider with io.ffmipc.windows.WindowsProvider;
}
