package io.ffmipc.testkit;

import io.ffmipc.Ipc;
import io.ffmipc.IpcException;
import io.ffmipc.IpcObjectInfo;
import io.ffmipc.IpcPlatform;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.util.List;

/**
 * Fails a test class that leaves an IPC object behind: anything {@link IpcPlatform#list()} shows
 * whose name carries this run's {@linkplain TestNames#runPrefix() prefix}, or a System V object
 * whose key this JVM {@linkplain TestNames#uniqueSysVKey() handed out}. It asks the platform, so it
 * checks every kind on every OS the way {@code ffmipc ls} sees them, and only this run's objects
 * count, so test runs side by side on one machine do not fail each other; the global sweep after
 * the whole suite ({@code ci/test}) catches anything else in the tests' ranges. Where no provider
 * is on the class path (common's own tests) there is nothing to check. Register with
 * {@code @ExtendWith(LeakCheck.class)}.
 */
public final class LeakCheck implements AfterAllCallback {

    @Override
    public void afterAll(ExtensionContext context) {
        List<String> left = leftovers();
        if (!left.isEmpty()) {
            throw new AssertionError(context.getDisplayName() + " left IPC objects behind: " + left);
        }
    }

    /** Test objects that exist now, as "kind name". */
    public static List<String> leftovers() {
        IpcPlatform platform;
        try {
            platform = Ipc.platform();
        } catch (IpcException noProvider) {
            return List.of();
        }
        return platform.list().stream().filter(LeakCheck::ours)
                .map(o -> o.kind().label() + " " + o.name() + (o.detail().isEmpty() ? "" : " (" + o.detail() + ")"))
                .toList();
    }

    private static boolean ours(IpcObjectInfo o) {
        if (o.kind().systemV()) {
            try {
                return TestNames.issuedHere(Long.parseUnsignedLong(o.name().replaceFirst("^0x", ""), 16));
            } catch (NumberFormatException notAKey) {
                return false;
            }
        }
        return o.name().contains(TestNames.runPrefix());
    }
}
