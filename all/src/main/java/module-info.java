/**
 * Every ffm-ipc module in one: the portable API ({@code io.ffmipc}) and the Linux, macOS and Windows
 * providers, of which {@code Ipc.platform()} picks the one for the running OS.
 *
 * <p>An application needs no more than {@code requires io.ffmipc;}: on the module path the module
 * system binds the providers as services of {@code io.ffmipc}. This module names them for what resolves
 * from named roots without binding services, such as {@code jlink --add-modules io.ffmipc.all}.
 */
module io.ffmipc.all {
    requires transitive io.ffmipc;
    requires io.ffmipc.linux;
    requires io.ffmipc.macos;
    requires io.ffmipc.windows;
}
