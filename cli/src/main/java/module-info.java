/** The ffmipc command: the capability matrix, the two-process tour, ls/rm and per-primitive commands. */
module io.ffmipc.cli {
    requires io.ffmipc;
    requires io.ffmipc.bench;
    requires info.picocli;

    opens io.ffmipc.cli to info.picocli;
}
