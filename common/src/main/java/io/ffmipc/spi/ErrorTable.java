package io.ffmipc.spi;

import io.ffmipc.IpcException;
import io.ffmipc.OsError;
import io.ffmipc.ffi.CConstant;
import io.ffmipc.ffi.Target;

import java.util.List;
import java.util.function.IntFunction;

/**
 * An OS module's table of error codes: each code's constant (its symbolic name, checked by the ABI
 * check like every binding value) and what it means to the portable error model. The lookups are
 * the same for errno and GetLastError codes, so they live here once.
 *
 * @param target  the target whose values the codes are (a Windows table is read on Linux in tests)
 * @param entries the codes the OS module names
 */
public record ErrorTable(Target target, List<Entry> entries) {

    /** One code and its meaning. */
    public record Entry(CConstant constant, ErrorKind kind) {
    }

    /** Keeps an unmodifiable copy of {@code entries}. */
    public ErrorTable {
        entries = List.copyOf(entries);
    }

    /** A table entry: {@code entry(ERROR_FILE_NOT_FOUND, ErrorKind.NOT_FOUND)}. */
    public static Entry entry(CConstant constant, ErrorKind kind) {
        return new Entry(constant, kind);
    }

    private Entry find(int code) {
        for (Entry e : entries) {
            if (e.constant().value(target) == code) {
                return e;
            }
        }
        return null;
    }

    /** The symbolic name of a code ({@code ENOENT}, {@code ERROR_PIPE_BUSY}), or {@code "?"}. */
    public String symbol(int code) {
        Entry e = find(code);
        return e == null ? "?" : e.constant().macro();
    }

    /** What the code means to the portable error model; {@link ErrorKind#OTHER} for codes not in the table. */
    public ErrorKind kind(int code) {
        Entry e = find(code);
        return e == null ? ErrorKind.OTHER : e.kind();
    }

    /** The OS error: code, symbolic name and the OS's own text for it. */
    public OsError osError(int code, IntFunction<String> text) {
        return new OsError(code, symbol(code), text.apply(code));
    }

    /** The typed exception for a failed call, its type chosen by the code's kind. */
    public IpcException exception(String operation, String objectName, int code, IntFunction<String> text,
                                  String detail) {
        return IpcErrors.of(operation, objectName, osError(code, text), kind(code), detail);
    }
}
