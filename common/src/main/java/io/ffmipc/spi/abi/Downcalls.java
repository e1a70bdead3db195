package io.ffmipc.spi.abi;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

/**
 * Makes a downcall handle: a provider passes {@code (symbol, descriptor, options) ->
 * Linker.nativeLinker().downcallHandle(symbol, descriptor, options)} written in its own module.
 *
 * <p>{@code Linker.downcallHandle} is restricted: the JDK checks native access for the module of
 * the code that calls it. Written in the provider, the call is the provider's, so every restricted
 * call of the library happens in the provider's module and one flag,
 * {@code --enable-native-access=<provider module>}, grants everything (see {@link NativeAccessCheck}).
 * The portable module io.ffmipc makes none; a test reads its classes to keep it so.
 */
@FunctionalInterface
public interface Downcalls {
    MethodHandle downcallHandle(MemorySegment symbol, FunctionDescriptor descriptor, Linker.Option... options);
}
