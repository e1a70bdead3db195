package io.ffmipc.linux;

import io.ffmipc.linux.ffi.LibC;
import io.ffmipc.posix.PosixLibrary;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.Set;

/**
 * Test-only: glibc as the POSIX layer would see a C library shaped like macOS's for Unix sockets —
 * no {@code SOCK_NONBLOCK}/{@code SOCK_CLOEXEC} flags for socket(), no {@code accept4}, no
 * {@code MSG_CMSG_CLOEXEC}, no abstract socket namespace — so the portable ways the layer takes on
 * such an OS (fcntl after socket and accept and after receiving a descriptor, socket files for
 * names) run here, on Linux. Everything else is {@link LibC} itself.
 */
final class MacosShapedLibC {
    private static final Set<String> ABSENT_CONSTANTS = Set.of("SOCK_NONBLOCK", "SOCK_CLOEXEC", "MSG_CMSG_CLOEXEC");
    private static final Set<String> ABSENT_FUNCTIONS = Set.of("accept4");

    private MacosShapedLibC() {
    }

    static PosixLibrary create() {
        return (PosixLibrary) Proxy.newProxyInstance(PosixLibrary.class.getClassLoader(), new Class<?>[] {PosixLibrary.class},
                (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "hasConstant":
                            if (ABSENT_CONSTANTS.contains((String) args[0])) {
                                return false;
                            }
                            break;
                        case "constant":
                            if (ABSENT_CONSTANTS.contains((String) args[0])) {
                                throw new IllegalArgumentException("this C library declares no " + args[0]);
                            }
                            break;
                        case "has":
                            if (ABSENT_FUNCTIONS.contains((String) args[0])) {
                                return false;
                            }
                            break;
                        case "accept4":
                            throw new UnsupportedOperationException("this C library has no accept4");
                        case "abstractSockets":
                            return false;
                        default:
                            break;
                    }
                    try {
                        return method.invoke(LibC.INSTANCE, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
