package io.ffmipc.spi;

import io.ffmipc.IpcObjectInfo;

import java.util.List;

/** The IPC objects this OS lets a process see, for {@code ffmipc ls} and leak checks. */
public interface ObjectLister {

    /** Everything visible now; what cannot be listed is left out (the matrix says so). */
    List<IpcObjectInfo> list();
}
