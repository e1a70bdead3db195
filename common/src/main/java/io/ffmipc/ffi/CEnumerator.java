package io.ffmipc.ffi;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a {@link CConstant} field whose name is a C enumerator rather than a macro. The ABI check
 * then asserts only its value; for a macro it also insists the macro is defined, so a misspelt
 * name cannot pass as an undeclared identifier.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface CEnumerator {
}
