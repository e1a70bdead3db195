package io.ffmipc.macos.ffi;

import io.ffmipc.testkit.abi.AbiCheckSource;
import io.ffmipc.testkit.abi.AbiDeclarations.Binding;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The {@code _Static_assert} files for the real SDK: {@code abi-check-<target>.c}, compiled by
 * {@code ci/macos-sdk-abi-check} on the macOS CI legs with {@code xcrun clang -fsyntax-only -Werror}.
 */
final class SdkCheck {
    private SdkCheck() {
    }

    /** The bindings the SDK can check: all but those declared from private headers. */
    static List<Binding> bindings(List<Binding> all) {
        return all.stream().filter(b -> !b.type().isAnnotationPresent(PrivateInterface.class)).toList();
    }

    /** Writes {@code check} as {@code dir/abi-check-<target>.c} and returns the file. */
    static Path write(AbiCheckSource.Check check, Path dir) throws IOException {
        Files.createDirectories(dir);
        Path file = dir.resolve("abi-check-" + check.target().id() + ".c");
        Files.writeString(file, check.text(), StandardCharsets.UTF_8);
        return file;
    }
}
