/**
 * The macOS provider and its public macOS extension, Mach ports ({@link io.ffmipc.macos.MachPorts},
 * reached with {@code MachPorts.of(platform)}); System V is reached with {@code platform.systemV()}.
 * The provider's capability matrix ({@link io.ffmipc.macos.MacosMatrix}) is data that any OS can read.
 * The private {@code __ulock} waits before macOS 14.4 are used only with
 * {@code -D}{@value io.ffmipc.macos.MacosWaits#ULOCK_PROPERTY}{@code =true}.
 */
package io.ffmipc.macos;
