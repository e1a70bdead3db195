/** The example as a module: it requires the portable API; the providers come as its services. */
module com.example.sum {
    requires io.ffmipc;
}
