package io.ffmipc.testkit.abi;

import io.ffmipc.ffi.*;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Enumerates what binding classes hardcode: every {@code static final} field of type
 * {@link CFunction}, {@link CConstant} or {@link CStruct}, with the {@link AbiHeaders} that say on
 * which targets and against which headers it is checked.
 *
 * <p>Finding binding classes loads them without initialising them: the field types and the
 * annotation are visible then. Only reading the field values initialises a class. A binding for
 * the running OS (LibC on Linux) may link its handles in the same class; a binding for another OS
 * keeps its declarations in a declarations-only class (nothing but {@code CFunction.of(...)} and
 * friends in its static initialiser) that the linking class refers to, so the check reads it on
 * any machine. A class that cannot be initialised here is reported with that advice.
 */
public final class AbiDeclarations {
    private AbiDeclarations() {
    }

    /** One declaration: the field that holds it, and the targets it is checked on. */
    public record Fact(Class<?> owner, String field, Object declaration, boolean enumerator, Set<Target> targets) {
        /** The name messages use: {@code io.ffmipc.linux.ffi.LibC.CLOSE}. */
        public String name() {
            return owner.getName() + "." + field;
        }

        /** The C name the fact is about: macro, struct or function name. */
        public String cName() {
            return switch (declaration) {
                case CFunction f -> f.name();
                case CConstant c -> c.macro();
                case CStruct s -> s.cName();
                default -> throw new IllegalStateException(declaration.toString());
            };
        }
    }

    /** A binding class, the headers it is checked against per target, and its facts. */
    public record Binding(Class<?> type, List<AbiHeaders> headers, List<Fact> facts) {
        /** Every target some {@link AbiHeaders} of this binding names. */
        public Set<Target> targets() {
            Set<Target> s = EnumSet.noneOf(Target.class);
            for (AbiHeaders h : headers) {
                s.addAll(Arrays.asList(h.targets()));
            }
            return s;
        }

        /** The headers for {@code target}, or {@code null} if the binding is not for it. */
        public AbiHeaders headersFor(Target target) {
            for (AbiHeaders h : headers) {
                if (Arrays.asList(h.targets()).contains(target)) {
                    return h;
                }
            }
            return null;
        }

        /** The facts checked on {@code target}. */
        public List<Fact> factsFor(Target target) {
            return facts.stream().filter(f -> f.targets().contains(target)).toList();
        }
    }

    /** Whether a declaration field type is one the ABI check knows. */
    static boolean isDeclarationType(Class<?> type) {
        return type == CFunction.class || type == CConstant.class || type == CStruct.class;
    }

    /** Whether {@code c} declares facts; looks at field types only, so {@code c} is not initialised. */
    public static boolean declaresFacts(Class<?> c) {
        for (Field f : c.getDeclaredFields()) {
            if (isDeclarationField(f)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isDeclarationField(Field f) {
        int m = f.getModifiers();
        return Modifier.isStatic(m) && Modifier.isFinal(m) && isDeclarationType(f.getType());
    }

    /** The headers of {@code c}: its own annotations, else its package's. Does not initialise {@code c}. */
    public static List<AbiHeaders> headersOf(Class<?> c) {
        AbiHeaders[] own = c.getAnnotationsByType(AbiHeaders.class);
        if (own.length > 0) {
            return List.of(own);
        }
        Package p = c.getPackage();
        return p == null ? List.of() : List.of(p.getAnnotationsByType(AbiHeaders.class));
    }

    /**
     * Reads a binding's facts. This initialises {@code c}; a failure says how to make the class
     * readable off its own OS.
     */
    public static Binding read(Class<?> c) {
        List<AbiHeaders> headers = headersOf(c);
        if (headers.isEmpty()) {
            throw new IllegalStateException(c.getName() + " declares ABI facts but neither it nor its package carries"
                    + " @AbiHeaders, so no target checks them: annotate it with the targets and headers it is for");
        }
        Set<Target> bindingTargets = EnumSet.noneOf(Target.class);
        headers.forEach(h -> bindingTargets.addAll(Arrays.asList(h.targets())));
        List<Fact> facts = new ArrayList<>();
        for (Field f : c.getDeclaredFields()) {
            if (!isDeclarationField(f)) {
                continue;
            }
            Object value = valueOf(c, f);
            Set<Target> targets = EnumSet.noneOf(Target.class);
            for (Target t : bindingTargets) {
                if (definedFor(value, t)) {
                    targets.add(t);
                }
            }
            facts.add(new Fact(c, f.getName(), value, f.isAnnotationPresent(CEnumerator.class), targets));
        }
        return new Binding(c, headers, List.copyOf(facts));
    }

    private static Object valueOf(Class<?> c, Field f) {
        try {
            f.trySetAccessible();
            Object v = f.get(null);
            if (v == null) {
                throw new IllegalStateException(c.getName() + "." + f.getName() + " is null");
            }
            return v;
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot read " + c.getName() + "." + f.getName() + ": " + e.getMessage(), e);
        } catch (LinkageError e) {
            throw new IllegalStateException("reading the declarations of " + c.getName() + " initialised it and that"
                    + " failed on this machine (" + e + "); keep the declarations of a binding for another OS in a"
                    + " declarations-only class that links nothing native, and bind its handles in another class", e);
        }
    }

    private static boolean definedFor(Object declaration, Target t) {
        return switch (declaration) {
            case CFunction f -> true; // a function belongs to every target of its binding
            case CConstant c -> c.definedFor(t);
            case CStruct s -> s.definedFor(t);
            default -> false;
        };
    }

    /**
     * Every class under the same code source (class directory or jar) as {@code anyClassOfModule}
     * that declares facts, read as bindings. A class that declares facts without {@link AbiHeaders}
     * fails, so a module's facts cannot silently escape the check.
     */
    public static List<Binding> scanModuleOf(Class<?> anyClassOfModule) {
        Path root;
        try {
            root = Path.of(anyClassOfModule.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("no code source for " + anyClassOfModule.getName(), e);
        }
        List<Binding> out = new ArrayList<>();
        for (Class<?> c : classesIn(root, anyClassOfModule.getClassLoader())) {
            if (declaresFacts(c)) {
                out.add(read(c));
            }
        }
        return out;
    }

    /** The classes in a class directory or jar, loaded but not initialised, sorted by name. */
    public static List<Class<?>> classesIn(Path root, ClassLoader loader) {
        List<String> names = new ArrayList<>();
        try {
            if (Files.isDirectory(root)) {
                collect(root, names);
            } else {
                try (FileSystem jar = FileSystems.newFileSystem(root)) {
                    collect(jar.getPath("/"), names);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list classes in " + root, e);
        }
        names.sort(Comparator.naturalOrder());
        List<Class<?>> classes = new ArrayList<>();
        for (String n : names) {
            try {
                classes.add(Class.forName(n, false, loader));
            } catch (ClassNotFoundException | LinkageError e) {
                throw new IllegalStateException("cannot load " + n + " from " + root + ": " + e, e);
            }
        }
        return classes;
    }

    private static void collect(Path root, List<String> names) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            files.filter(p -> p.toString().endsWith(".class")).forEach(p -> {
                String rel = root.relativize(p).toString().replace('\\', '/');
                String n = rel.substring(0, rel.length() - ".class".length()).replace('/', '.');
                if (!n.endsWith("module-info") && !n.endsWith("package-info") && !n.startsWith("META-INF")) {
                    names.add(n);
                }
            });
        }
    }

    /**
     * The facts no target checks: a fact whose binding names no target it is defined for. A fact on a
     * macOS target counts as checked: the macOS facts table check fails for any it cannot find.
     */
    public static List<Fact> unchecked(List<Binding> bindings) {
        List<Fact> out = new ArrayList<>();
        for (Binding b : bindings) {
            for (Fact f : b.facts()) {
                if (f.targets().isEmpty()) {
                    out.add(f);
                }
            }
        }
        return out;
    }
}
