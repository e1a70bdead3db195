package io.ffmipc.linux;

import io.ffmipc.contract.KeyAnchorContract;
import io.ffmipc.linux.ffi.LibC;
import io.ffmipc.posix.PosixLibrary;
import io.ffmipc.posix.PosixProcessSeam;
import io.ffmipc.spi.ProcessSeam;

/** The anchor protocol over glibc. */
class LinuxKeyAnchorTest extends KeyAnchorContract {

    @Override
    protected PosixLibrary library() {
        return LibC.INSTANCE;
    }

    @Override
    protected ProcessSeam processes() {
        return new PosixProcessSeam(LibC.INSTANCE);
    }
}
