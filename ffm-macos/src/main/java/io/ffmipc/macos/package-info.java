/**
 * The macOS provider and, later, its public macOS extensions (Mach ports and the bootstrap
 * namespace, System V keys), reached from the platform object. The provider's capability matrix
 * ({@link io.ffmipc.macos.MacosMatrix}) is data that any OS can read.
 */
package io.ffmipc.macos;
