/** The Linux provider: System V and POSIX IPC, eventfd and handle-inheriting spawn through libc. */
module io.ffmipc.linux {
    requires transitive io.ffmipc;

    exports io.ffmipc.linux;

    provides io.ffmipc.spi.IpcProvider with io.ffmipc.linux.LinuxProvider;
}
