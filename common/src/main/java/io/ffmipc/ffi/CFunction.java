package io.ffmipc.ffi;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemoryLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A native function declared by its C prototype, written with the header's own type names. The
 * {@link FunctionDescriptor} is derived from the prototype, so the two cannot drift apart, and the
 * ABI check compiles the prototype against the real header.
 *
 * <p>A variadic function lists, after {@code ...}, the types this binding passes in the variadic
 * part: {@code CFunction.variadic("int semctl(int semid, int semnum, int cmd, ...)", "int")}.
 *
 * @param name          the C symbol
 * @param returnType    the C return type
 * @param parameterTypes the fixed parameters' C types
 * @param parameterNames their names as the prototype gives them
 * @param variadic      whether the prototype ends in {@code ...}
 * @param variadicTypes the C types this binding passes after the fixed parameters
 * @param setsErrorCode whether the function reports failure through errno / GetLastError
 * @param prototype     the prototype as written
 */
public record CFunction(String name, String returnType, List<String> parameterTypes, List<String> parameterNames,
                        boolean variadic, List<String> variadicTypes, boolean setsErrorCode, String prototype) {

    private static final Pattern PROTO = Pattern.compile("^\\s*(.+?)\\s*\\b([A-Za-z_][A-Za-z0-9_]*)\\s*\\((.*)\\)\\s*;?\\s*$");
    private static final Pattern PARAM = Pattern.compile("^(.*?[\\s*])([A-Za-z_][A-Za-z0-9_]*)$");

    /** A function that reports errors through errno (Linux, macOS) or GetLastError (Windows). */
    public static CFunction of(String prototype) {
        return parse(prototype, List.of(), true);
    }

    /** A function that does not touch errno/GetLastError (its result alone says what happened). */
    public static CFunction noErrno(String prototype) {
        return parse(prototype, List.of(), false);
    }

    /** A variadic function, with the C types this binding passes in the variadic part. */
    public static CFunction variadic(String prototype, String... variadicTypes) {
        return parse(prototype, List.of(variadicTypes), true);
    }

    private static CFunction parse(String prototype, List<String> variadicTypes, boolean setsErrorCode) {
        String p = prototype.replaceAll("\\s+", " ").trim();
        String callconv = "WINAPI ";
        p = p.replace(callconv, "");
        Matcher m = PROTO.matcher(p);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a C prototype: " + prototype);
        }
        String ret = m.group(1).trim();
        String name = m.group(2);
        String params = m.group(3).trim();
        List<String> types = new ArrayList<>();
        List<String> names = new ArrayList<>();
        boolean variadic = false;
        if (!params.isEmpty() && !params.equals("void")) {
            String[] parts = params.split(",", -1); // -1 keeps a trailing empty part, so "f(int a,)" is refused
            for (int i = 0; i < parts.length; i++) {
                String part = parts[i].trim();
                if (part.equals("...")) {
                    if (i != parts.length - 1) {
                        throw new IllegalArgumentException("'...' must come last: " + prototype);
                    }
                    variadic = true;
                    continue;
                }
                Matcher pm = PARAM.matcher(part);
                if (!pm.matches() || pm.group(1).isBlank()) {
                    throw new IllegalArgumentException("parameter '" + part + "' needs a type and a name: " + prototype);
                }
                types.add(pm.group(1).trim());
                names.add(pm.group(2));
            }
        }
        if (!variadic && !variadicTypes.isEmpty()) {
            throw new IllegalArgumentException("variadic argument types given for a non-variadic function: " + prototype);
        }
        if (variadic && variadicTypes.isEmpty()) {
            throw new IllegalArgumentException("a variadic function needs the types it is called with: " + prototype);
        }
        CFunction f = new CFunction(name, ret, List.copyOf(types), List.copyOf(names), variadic,
                List.copyOf(variadicTypes), setsErrorCode, prototype);
        for (Target t : Target.values()) {
            f.descriptor(t); // fails now on an unknown type name
        }
        return f;
    }

    /** Index of the first variadic argument, for {@code Linker.Option.firstVariadicArg}; -1 if not variadic. */
    public int firstVariadicArg() {
        return variadic ? parameterTypes.size() : -1;
    }

    /** The descriptor on {@code target}: fixed parameters, then the variadic ones as passed (promoted). */
    public FunctionDescriptor descriptor(Target target) {
        List<MemoryLayout> args = new ArrayList<>();
        for (String t : parameterTypes) {
            args.add(CTypes.layout(t, target));
        }
        for (String t : variadicTypes) {
            MemoryLayout l = CTypes.layout(t, target);
            // C's default argument promotions: anything narrower than int is passed as int.
            if (l.byteSize() < 4) {
                l = CTypes.layout("int", target);
            }
            args.add(l);
        }
        MemoryLayout r = CTypes.layout(returnType, target);
        MemoryLayout[] a = args.toArray(MemoryLayout[]::new);
        return r == null ? FunctionDescriptor.ofVoid(a) : FunctionDescriptor.of(r, a);
    }

    /** The C function-pointer type of the prototype, for {@code __builtin_types_compatible_p}. */
    public String pointerType(boolean winapi) {
        StringBuilder sb = new StringBuilder(returnType).append(winapi ? " (WINAPI *)(" : " (*)(");
        sb.append(String.join(", ", parameterTypes));
        if (variadic) {
            sb.append(parameterTypes.isEmpty() ? "..." : ", ...");
        }
        if (parameterTypes.isEmpty() && !variadic) {
            sb.append("void");
        }
        return sb.append(')').toString();
    }
}
