/**
 * The portable ffm-ipc API: what every application codes against, the capability matrix, the
 * provider SPI, and the OS-independent logic (names, errors, deadlines, binding declarations).
 */
module io.ffmipc {
    exports io.ffmipc;
    exports io.ffmipc.spi;
    exports io.ffmipc.ffi;
    // The portable implementation and the POSIX layer are for the providers, not for applications.
    exports io.ffmipc.core to io.ffmipc.linux, io.ffmipc.macos, io.ffmipc.windows;
    exports io.ffmipc.posix to io.ffmipc.linux, io.ffmipc.macos;

    uses io.ffmipc.spi.IpcProvider;
}
