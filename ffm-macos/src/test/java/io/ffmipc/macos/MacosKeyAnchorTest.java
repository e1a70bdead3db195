package io.ffmipc.macos;

import io.ffmipc.contract.KeyAnchorContract;
import io.ffmipc.posix.PosixLibrary;
import io.ffmipc.posix.PosixProcessSeam;
import io.ffmipc.spi.ProcessSeam;

/** The anchor protocol over the macOS binding (on Linux: glibc answering like libSystem, anchors in /var/tmp). */
class MacosKeyAnchorTest extends KeyAnchorContract {

    @Override
    protected PosixLibrary library() {
        return TestBinding.library();
    }

    @Override
    protected ProcessSeam processes() {
        return new PosixProcessSeam(TestBinding.library());
    }
}
