package io.ffmipc;

/**
 * An operating-system error as the OS reported it.
 *
 * @param code   the numeric code ({@code errno}, {@code GetLastError()}, a Mach {@code kern_return_t})
 * @param symbol its symbolic name ({@code ENOENT}, {@code ERROR_PIPE_BUSY}), or {@code "?"} if unknown
 * @param text   the OS's own description of it
 */
public record OsError(int code, String symbol, String text) {
    @Override
    public String toString() {
        return symbol + " (" + code + "): " + text;
    }
}
