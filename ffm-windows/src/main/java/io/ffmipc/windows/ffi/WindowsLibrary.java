package io.ffmipc.windows.ffi;

import io.ffmipc.ffi.NativeBinder;
import io.ffmipc.ffi.Target;

import java.lang.foreign.Arena;
import java.lang.foreign.SymbolLookup;

/**
 * How the linking classes reach a Windows system DLL. kernel32 and advapi32 are not in the native
 * linker's default lookup on Windows (that holds the C runtime), so each is loaded by name with
 * {@link SymbolLookup#libraryLookup(String, Arena)}: a bare system DLL name is resolved by the
 * loader's search, and both are KnownDLLs, always taken from the system directory, so no DLL
 * planted beside the application can stand in for them. They stay loaded (global arena): a
 * process cannot run without kernel32 anyway.
 *
 * <p>Every function that reports through {@code GetLastError} is linked with
 * {@code captureCallState("GetLastError")} by {@link NativeBinder}, into a per-thread buffer.
 */
final class WindowsLibrary {
    private WindowsLibrary() {
    }

    private static final Module MODULE = WindowsLibrary.class.getModule();

    /** The running target; the Windows bindings refuse to link anywhere else. */
    static final Target TARGET = requireWindows(Target.current());

    /** A binder over the named system DLL ({@code "kernel32.dll"}). */
    static NativeBinder binder(String dll) {
        SymbolLookup lookup;
        try {
            lookup = SymbolLookup.libraryLookup(dll, Arena.global());
        } catch (IllegalCallerException denied) {
            throw NativeBinder.nativeAccessDenied(MODULE, denied);
        } catch (IllegalArgumentException missing) {
            throw new UnsatisfiedLinkError("cannot load the system library " + dll + ": " + missing.getMessage());
        }
        return new NativeBinder(lookup, TARGET, MODULE);
    }

    private static Target requireWindows(Target t) {
        if (t == null || !t.isWindows()) {
            throw new IllegalStateException("the Windows binding was loaded on " + System.getProperty("os.name")
                    + "/" + System.getProperty("os.arch") + "; only its declarations (Kernel32Abi, Advapi32Abi,"
                    + " WinError) can be read off Windows");
        }
        return t;
    }
}
