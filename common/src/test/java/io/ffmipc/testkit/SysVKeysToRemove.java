package io.ffmipc.testkit;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * Hands out test System V keys ({@link TestNames#uniqueSysVKey()}) and, after each test, removes
 * whatever object of one kind was made with them, pass or fail. Register it as a field:
 * {@code @RegisterExtension final SysVKeysToRemove keys = new SysVKeysToRemove(SysVMessageQueue::remove);}
 */
public final class SysVKeysToRemove implements AfterEachCallback {
    private final IntPredicate remove;
    private final List<Integer> keys = new ArrayList<>();

    /** @param remove removes the object with a key; its result (whether there was one) is ignored */
    public SysVKeysToRemove(IntPredicate remove) {
        this.remove = remove;
    }

    /** A fresh key, removed after the test. */
    public int next() {
        int key = TestNames.uniqueSysVKey();
        keys.add(key);
        return key;
    }

    @Override
    public void afterEach(ExtensionContext context) {
        try {
            for (int key : keys) {
                remove.test(key);
            }
        } finally {
            keys.clear();
        }
    }
}
