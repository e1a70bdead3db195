package io.ffmipc.core;

import io.ffmipc.IpcException;
import io.ffmipc.IpcLimitException;
import io.ffmipc.OpenMode;

/**
 * The size rules of shared memory, the same on every OS, with messages that name the rule.
 *
 * <ul>
 *   <li>a size is never negative;</li>
 *   <li>a mode that may create ({@code CREATE}, {@code OPEN_OR_CREATE}) needs at least 1 byte;</li>
 *   <li>no request exceeds the OS limit;</li>
 *   <li>opening maps {@code size} bytes of the existing object, or all of it when {@code size} is 0,
 *       and never more than it has.</li>
 * </ul>
 */
public final class SharedMemorySizes {
    private SharedMemorySizes() {
    }

    /**
     * Checks a requested size before anything is opened.
     *
     * @param operation what is being done, for the message ({@code "open shared memory"})
     * @param name      the object
     * @param limit     the largest size the OS allows, in bytes
     * @throws IllegalArgumentException a negative size, or 0 where the object may be created
     * @throws IpcLimitException        a size over {@code limit}
     */
    public static void checkRequest(String operation, String name, OpenMode mode, long size, long limit) {
        if (size < 0) {
            throw new IllegalArgumentException("shared memory size must not be negative, got " + size
                    + " for '" + name + "'");
        }
        if (size == 0 && mode != OpenMode.OPEN) {
            throw new IllegalArgumentException("shared memory size must be at least 1 byte when it may be created ("
                    + mode + "), got 0 for '" + name + "'; 0 means 'the whole object' only with OpenMode.OPEN");
        }
        if (size > limit) {
            throw new IpcLimitException(operation, name, null, "requested size " + size
                    + " bytes exceeds this system's limit of " + limit + " bytes");
        }
    }

    /**
     * The number of bytes to map of an existing object of {@code actual} bytes.
     *
     * @throws IpcLimitException a request larger than the object
     * @throws IpcException      an empty object when the whole object was asked for
     */
    public static long sizeToMap(String operation, String name, long requested, long actual) {
        if (requested > actual) {
            throw new IpcLimitException(operation, name, null, "requested size " + requested
                    + " bytes exceeds the existing object's size of " + actual + " bytes");
        }
        if (requested == 0 && actual == 0) {
            throw new IpcException(operation, name, null, "the object is empty (0 bytes), there is nothing to map");
        }
        return requested == 0 ? actual : requested;
    }
}
