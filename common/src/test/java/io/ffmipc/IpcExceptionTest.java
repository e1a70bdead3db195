package io.ffmipc;

import io.ffmipc.spi.ErrorKind;
import io.ffmipc.spi.IpcErrors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IpcExceptionTest {
    private static final OsError ENOENT = new OsError(2, "ENOENT", "No such file or directory");

    @Test
    void osErrorFormat() {
        assertEquals("ENOENT (2): No such file or directory", ENOENT.toString());
        assertEquals("ERROR_PIPE_BUSY (231): All pipe instances are busy.",
                new OsError(231, "ERROR_PIPE_BUSY", "All pipe instances are busy.").toString());
        assertEquals(2, ENOENT.code());
        assertEquals("ENOENT", ENOENT.symbol());
        assertEquals("No such file or directory", ENOENT.text());
    }

    @Test
    void fullMessage() {
        IpcException e = new IpcException("shm_open", "my-shm", ENOENT, "open it with OPEN_OR_CREATE");
        assertEquals("shm_open 'my-shm' failed: ENOENT (2): No such file or directory — open it with OPEN_OR_CREATE",
                e.getMessage());
        assertEquals("shm_open", e.operation());
        assertEquals("my-shm", e.objectName().orElseThrow());
        assertSame(ENOENT, e.osError().orElseThrow());
    }

    @Test
    void withoutDetail() {
        assertEquals("shm_open 'my-shm' failed: ENOENT (2): No such file or directory",
                new IpcException("shm_open", "my-shm", ENOENT, null).getMessage());
        assertEquals("shm_open 'my-shm' failed: ENOENT (2): No such file or directory",
                new IpcException("shm_open", "my-shm", ENOENT, "").getMessage());
    }

    @Test
    void withoutOsError() {
        IpcException e = new IpcException("map", "region", "size must be positive, got -1");
        assertEquals("map 'region' failed: size must be positive, got -1", e.getMessage());
        assertTrue(e.osError().isEmpty());
    }

    @Test
    void withoutName() {
        IpcException e = new IpcException("eventfd", null, ENOENT, null);
        assertEquals("eventfd failed: ENOENT (2): No such file or directory", e.getMessage());
        assertTrue(e.objectName().isEmpty());
    }

    @Test
    void bareOperation() {
        assertEquals("close failed", new IpcException("close", null, null, null).getMessage());
    }

    @Test
    void isUnchecked() {
        assertTrue(RuntimeException.class.isAssignableFrom(IpcException.class));
    }

    @ParameterizedTest
    @EnumSource(ErrorKind.class)
    void ipcErrorsMapsEachKindToItsType(ErrorKind kind) {
        Map<ErrorKind, Class<? extends IpcException>> expected = Map.of(
                ErrorKind.EXISTS, IpcObjectExistsException.class,
                ErrorKind.NOT_FOUND, NoSuchIpcObjectException.class,
                ErrorKind.ACCESS_DENIED, IpcAccessDeniedException.class,
                ErrorKind.LIMIT, IpcLimitException.class,
                ErrorKind.PEER_CLOSED, PeerClosedException.class,
                ErrorKind.OTHER, IpcException.class);
        IpcException e = IpcErrors.of("sem_open", "s1", ENOENT, kind, "detail");
        assertSame(expected.get(kind), e.getClass());
        assertEquals("sem_open 's1' failed: ENOENT (2): No such file or directory — detail", e.getMessage());
        assertEquals("sem_open", e.operation());
        assertEquals("s1", e.objectName().orElseThrow());
        assertSame(ENOENT, e.osError().orElseThrow());
    }

    @Test
    void subclassesKeepTheFormat() {
        OsError eexist = new OsError(17, "EEXIST", "File exists");
        assertEquals("shm_open 'a' failed: EEXIST (17): File exists",
                new IpcObjectExistsException("shm_open", "a", eexist, null).getMessage());
        OsError enospc = new OsError(28, "ENOSPC", "No space left on device");
        assertEquals("semget failed: ENOSPC (28): No space left on device — SEMMNI is 32000",
                new IpcLimitException("semget", null, enospc, "SEMMNI is 32000").getMessage());
    }

    @Test
    void closedMessage() {
        IllegalStateException e = IpcErrors.closed("shared memory", "my-shm");
        assertEquals("shared memory 'my-shm' is closed", e.getMessage());
    }

    @Test
    void nativeAccessExceptionKeepsCauseAndNamesTheFlag() {
        IllegalCallerException cause = new IllegalCallerException("denied");
        NativeAccessException e = new NativeAccessException("add --enable-native-access=io.ffmipc.linux", cause);
        assertEquals("enable native access failed: add --enable-native-access=io.ffmipc.linux", e.getMessage());
        assertSame(cause, e.getCause());
        assertNull(e.osError().orElse(null));
    }
}
