/**
 * The process-shared synchronisation types, written once on the {@link io.ffmipc.spi.WaitSeam}:
 * each lives in a named shared memory object described by a descriptor class (offsets, layout
 * diagram, magic/version). Not exported: applications reach them through
 * {@link io.ffmipc.IpcPlatform}.
 */
package io.ffmipc.sync;
