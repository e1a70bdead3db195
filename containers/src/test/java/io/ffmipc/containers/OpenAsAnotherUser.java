package io.ffmipc.containers;

import io.ffmipc.ChannelOptions;
import io.ffmipc.Ipc;
import io.ffmipc.IpcPlatform;
import io.ffmipc.OpenMode;
import io.ffmipc.StreamPipe;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Run as another user: tries to open each object the test created (owner-only, the default) and
 * prints one line per object, {@code <kind> <name>: <outcome>}, the outcome being the exception's
 * simple name or {@code opened}. Args: {@code kind:name} pairs; kinds {@code shm sem mq queue
 * channel mutex fifo socket} (socket: a path).
 */
public final class OpenAsAnotherUser {
    private OpenAsAnotherUser() {
    }

    public static void main(String[] args) {
        IpcPlatform ipc = Ipc.platform();
        Lead.say("uid " + ipc.currentProcess().uid());
        Duration brief = Duration.ofSeconds(2);
        for (String arg : args) {
            String kind = arg.substring(0, arg.indexOf(':'));
            String name = arg.substring(arg.indexOf(':') + 1);
            String outcome;
            try {
                AutoCloseable opened = switch (kind) {
                    case "shm" -> ipc.sharedMemory(name, OpenMode.OPEN, 0);
                    case "sem" -> ipc.semaphore(name, OpenMode.OPEN, 0);
                    case "mq" -> ipc.messageQueue(name, OpenMode.OPEN);
                    case "queue" -> ipc.sharedMemoryMessageQueue(name, OpenMode.OPEN, io.ffmipc.MessageQueueOptions.defaults());
                    case "channel" -> ipc.channel(name, OpenMode.OPEN, ChannelOptions.defaults());
                    case "mutex" -> ipc.mutex(name, OpenMode.OPEN);
                    case "fifo" -> ipc.openStreamPipe(name, StreamPipe.End.WRITE, brief);
                    case "socket" -> ipc.connectMessagePipe(Path.of(name), brief);
                    default -> throw new IllegalArgumentException(kind);
                };
                opened.close();
                outcome = "opened";
            } catch (Exception e) {
                outcome = e.getClass().getSimpleName() + " (" + e.getMessage() + ")";
            }
            Lead.say(kind + " " + name + ": " + outcome);
        }
    }
}
