package io.ffmipc.macos.ffi;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a binding class whose declarations come from a header Apple does not ship in the SDK (a
 * private xnu header). Its facts are checked against the facts table like every other, but the
 * {@code _Static_assert} file compiled against the real SDK on the macOS CI legs leaves it out:
 * there is no header there to compile it against.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface PrivateInterface {
    /** Why the SDK cannot check it. */
    String value();
}
