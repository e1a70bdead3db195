package io.ffmipc.contract;

import io.ffmipc.ChannelOptions;
import io.ffmipc.EventKind;
import io.ffmipc.IpcPlatform;
import io.ffmipc.MessageQueueOptions;
import io.ffmipc.ObjectKind;
import io.ffmipc.OpenMode;
import io.ffmipc.Permissions;
import io.ffmipc.StreamPipe;
import io.ffmipc.SystemV;

import java.time.Duration;

/**
 * Every kind of named object, as the suites that treat all kinds alike make, open and remove it:
 * one table, so rules such as "objects are their creator's only" (issue 8 §2 and §8) and "a listing
 * shows every object as its kind" are checked on every kind. System V kinds take a key, given as the
 * name in hexadecimal ({@code 0x7f100001}), which is also how listings show them.
 */
enum NamedKind {
    SHARED_MEMORY {
        @Override
        AutoCloseable open(IpcPlatform p, String n, OpenMode m, Permissions perms) {
            return p.sharedMemory(n, m, m == OpenMode.OPEN ? 0 : 4096, perms);
        }

        @Override
        void remove(IpcPlatform p, String n) {
            p.removeSharedMemory(n);
        }
    },
    SEMAPHORE {
        @Override
        AutoCloseable open(IpcPlatform p, String n, OpenMode m, Permissions perms) {
            return p.semaphore(n, m, 0, perms);
        }

        @Override
        void remove(IpcPlatform p, String n) {
            p.removeSemaphore(n);
        }
    },
    MESSAGE_QUEUE {
        @Override
        AutoCloseable open(IpcPlatform p, String n, OpenMode m, Permissions perms) {
            return p.messageQueue(n, m, MessageQueueOptions.defaults().withMaxMessages(4).withMaxMessageSize(64)
                    .withPermissions(perms));
        }

        @Override
        void remove(IpcPlatform p, String n) {
            p.removeMessageQueue(n);
        }
    },
    SHARED_MEMORY_QUEUE {
        @Override
        AutoCloseable open(IpcPlatform p, String n, OpenMode m, Permissions perms) {
            return p.sharedMemoryMessageQueue(n, m, MessageQueueOptions.defaults().withMaxMessages(4)
                    .withMaxMessageSize(64).withPermissions(perms));
        }

        @Override
        void remove(IpcPlatform p, String n) {
            p.removeSharedMemoryMessageQueue(n);
        }
    },
    MUTEX {
        @Override
        AutoCloseable open(IpcPlatform p, String n, OpenMode m, Permissions perms) {
            return p.mutex(n, m, perms);
        }

        @Override
        void remove(IpcPlatform p, String n) {
            p.removeMutex(n);
        }
    },
    EVENT {
        @Override
        AutoCloseable open(IpcPlatform p, String n, OpenMode m, Permissions perms) {
            return p.event(n, m, m == OpenMode.OPEN ? null : EventKind.MANUAL_RESET, perms);
        }

        @Override
        void remove(IpcPlatform p, String n) {
            p.removeEvent(n);
        }
    },
    CONDITION {
        @Override
        AutoCloseable open(IpcPlatform p, String n, OpenMode m, Permissions perms) {
            return p.condition(n, m, perms);
        }

        @Override
        void remove(IpcPlatform p, String n) {
            p.removeCondition(n);
        }
    },
    BARRIER {
        @Override
        AutoCloseable open(IpcPlatform p, String n, OpenMode m, Permissions perms) {
            return p.barrier(n, m, 2, perms);
        }

        @Override
        void remove(IpcPlatform p, String n) {
            p.removeBarrier(n);
        }
    },
    READ_WRITE_LOCK {
        @Override
        AutoCloseable open(IpcPlatform p, String n, OpenMode m, Permissions perms) {
            return p.readWriteLock(n, m, perms);
        }

        @Override
        void remove(IpcPlatform p, String n) {
            p.removeReadWriteLock(n);
        }
    },
    CHANNEL {
        @Override
        AutoCloseable open(IpcPlatform p, String n, OpenMode m, Permissions perms) {
            return p.channel(n, m, ChannelOptions.defaults().withCapacity(4096).withPermissions(perms));
        }

        @Override
        void remove(IpcPlatform p, String n) {
            p.removeChannel(n);
        }
    },
    STREAM_PIPE {
        /** The name is made once (CREATE); opening is the read end, which opens at once. */
        @Override
        AutoCloseable open(IpcPlatform p, String n, OpenMode m, Permissions perms) {
            if (m == OpenMode.CREATE) {
                p.createStreamPipe(n, perms);
                return () -> { };
            }
            return p.openStreamPipe(n, StreamPipe.End.READ, Duration.ofSeconds(5), perms);
        }

        @Override
        void remove(IpcPlatform p, String n) {
            p.removeStreamPipe(n);
        }
    },
    SYSV_SHARED_MEMORY {
        @Override
        AutoCloseable open(IpcPlatform p, String n, OpenMode m, Permissions perms) {
            return sysv(p).sharedMemory(key(n), m, m == OpenMode.OPEN ? 0 : 4096, perms);
        }

        @Override
        void remove(IpcPlatform p, String n) {
            sysv(p).removeSharedMemory(key(n));
        }
    },
    SYSV_SEMAPHORE_SET {
        @Override
        AutoCloseable open(IpcPlatform p, String n, OpenMode m, Permissions perms) {
            return sysv(p).semaphoreSet(key(n), m, m == OpenMode.OPEN ? 0 : 1, perms, SystemV.DEFAULT_INIT_TIMEOUT);
        }

        @Override
        void remove(IpcPlatform p, String n) {
            sysv(p).removeSemaphoreSet(key(n));
        }
    },
    SYSV_MESSAGE_QUEUE {
        @Override
        AutoCloseable open(IpcPlatform p, String n, OpenMode m, Permissions perms) {
            return sysv(p).messageQueue(key(n), m, perms);
        }

        @Override
        void remove(IpcPlatform p, String n) {
            sysv(p).removeMessageQueue(key(n));
        }
    };

    /** The kind listings show it as. */
    ObjectKind objectKind() {
        return ObjectKind.valueOf(name());
    }

    /** Opens (or creates, per {@code mode}) the object, ready to use. */
    abstract AutoCloseable open(IpcPlatform platform, String name, OpenMode mode, Permissions permissions);

    /** Removes the object, if there is one. */
    abstract void remove(IpcPlatform platform, String name);

    /** Whether objects of this kind are named by a System V key. */
    boolean systemV() {
        return name().startsWith("SYSV_");
    }

    private static SystemV sysv(IpcPlatform p) {
        return p.systemV().orElseThrow();
    }

    private static int key(String name) {
        return (int) Long.parseLong(name.replaceFirst("^0x", ""), 16);
    }
}
