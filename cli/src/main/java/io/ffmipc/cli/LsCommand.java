package io.ffmipc.cli;

import io.ffmipc.Ipc;
import io.ffmipc.IpcObjectInfo;
import io.ffmipc.TextTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code ffmipc ls}: the IPC objects visible on this machine. */
@Command(name = "ls", mixinStandardHelpOptions = true,
        description = "List the IPC objects visible on this machine (POSIX shared memory, semaphores and message "
                + "queues, robust mutexes, System V shared memory, semaphore sets and message queues, FIFOs and "
                + "message-pipe servers; events, conditions, barriers and locks show as the shared memory behind them).")
final class LsCommand implements Runnable {

    @Option(names = "--json", description = "JSON instead of a table.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        List<IpcObjectInfo> objects = Ipc.platform().list();
        spec.commandLine().getOut().print(json ? json(objects) + "\n" : table(objects));
    }

    static String table(List<IpcObjectInfo> objects) {
        if (objects.isEmpty()) {
            return "no IPC objects\n";
        }
        TextTable t = new TextTable().row("KIND", "NAME/KEY", "ID", "OWNER", "MODE", "SIZE", "DETAIL");
        for (IpcObjectInfo o : objects) {
            t.row(o.kind().label(), o.name(), o.id() < 0 ? "-" : Long.toString(o.id()), o.owner(),
                    "0" + Integer.toOctalString(o.mode()), o.size() < 0 ? "-" : Long.toString(o.size()), o.detail());
        }
        return t.render("");
    }

    static String json(List<IpcObjectInfo> objects) {
        List<Object> list = new ArrayList<>();
        for (IpcObjectInfo o : objects) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("kind", o.kind().label());
            m.put("name", o.name());
            m.put("id", o.id());
            m.put("owner", o.owner());
            m.put("mode", "0" + Integer.toOctalString(o.mode()));
            m.put("size", o.size());
            m.put("detail", o.detail());
            list.add(m);
        }
        return Json.write(Map.of("objects", list));
    }
}
