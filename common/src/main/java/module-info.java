/**
 * The portable ffm-ipc API: what every application codes against, the capability matrix, the
 * provider SPI, and the OS-independent logic (names, errors, deadlines, binding declarations).
 */
module io.ffmipc {
    exports io.ffmipc;
    exports io.ffmipc.spi;
    exports io.ffmipc.ffi;

    uses io.ffmipc.spi.IpcProvider;
}
