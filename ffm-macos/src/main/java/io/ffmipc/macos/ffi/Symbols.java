package io.ffmipc.macos.ffi;

import io.ffmipc.ffi.CFunction;
import io.ffmipc.ffi.Target;

import java.lang.foreign.SymbolLookup;
import java.util.List;

/**
 * The linker symbol a declared function is reached by on a macOS target: its own name, except where
 * the SDK's headers rename it with an assembler label (on x86_64, {@code fstat} is
 * {@code fstat$INODE64}). A compiled C call resolves the label by itself; a lookup by name must do
 * it here, or it would find the old function with the old struct layout.
 */
public final class Symbols {
    /** Every rename, each a fact in the table (read from compiled calls). */
    static final List<TableFact> RENAMES = List.of(LibSystem.SYMBOL_FSTAT_X86_64);

    private Symbols() {
    }

    /** The symbol {@code f} is looked up by on {@code target}. */
    public static String of(CFunction f, Target target) {
        return of(f.name(), target);
    }

    static String of(String function, Target target) {
        for (TableFact r : RENAMES) {
            if (r.name().equals(function) && r.targets().contains(target)) {
                return r.value();
            }
        }
        return function;
    }

    /** A lookup that finds each declared function under its symbol on {@code target}. */
    public static SymbolLookup renaming(SymbolLookup base, Target target) {
        return name -> base.find(of(name, target));
    }
}
