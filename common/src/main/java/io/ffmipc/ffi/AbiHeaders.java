package io.ffmipc.ffi;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Says which targets a binding class is written for and which headers declare what it hardcodes.
 * Put it on the binding class, or on its package ({@code package-info.java}) to cover every binding
 * class there; a class's own annotation wins. Repeat it for targets that need different headers
 * (one for the Linux targets, one for Windows).
 *
 * <p>It is an annotation, not a field, so the ABI check can read it without initialising the
 * class: a Windows binding is enumerated on Linux without linking anything native (see
 * {@code io.ffmipc.testkit.abi.AbiDeclarations} in the test jar).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.PACKAGE})
@Repeatable(AbiHeaders.List.class)
public @interface AbiHeaders {
    /** The targets these headers are for; the binding's facts are checked on each of them. */
    io.ffmipc.ffi.Target[] targets();

    /** Headers to include, in order, as written between the angle brackets: {@code "sys/mman.h"}. */
    String[] include();

    /** Feature macros defined before the first include: {@code "_GNU_SOURCE"} or {@code "WINVER=0x0A00"}. */
    String[] define() default {};

    /** The container of repeated {@link AbiHeaders}. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @java.lang.annotation.Target({ElementType.TYPE, ElementType.PACKAGE})
    @interface List {
        /** The repeated annotations, in declaration order. */
        AbiHeaders[] value();
    }
}
