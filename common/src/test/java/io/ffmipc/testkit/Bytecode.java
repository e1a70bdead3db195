package io.ffmipc.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassModel;
import java.lang.classfile.CodeElement;
import java.lang.classfile.Instruction;
import java.lang.classfile.MethodModel;
import java.lang.classfile.Opcode;
import java.lang.classfile.instruction.FieldInstruction;
import java.lang.classfile.instruction.InvokeDynamicInstruction;
import java.lang.classfile.instruction.InvokeInstruction;
import java.lang.classfile.instruction.LineNumber;
import java.lang.classfile.instruction.LoadInstruction;
import java.lang.classfile.instruction.LocalVariable;
import java.lang.classfile.instruction.TypeCheckInstruction;
import java.lang.constant.ClassDesc;
import java.lang.constant.ConstantDesc;
import java.lang.constant.DirectMethodHandleDesc;
import java.lang.constant.MethodTypeDesc;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads a module's compiled classes (the class directory or jar a class was loaded from) with the
 * JDK's class-file API, to check rules no compiler enforces: which module makes restricted native
 * calls, and that no message prints a {@link Duration} with its ISO-8601 {@code toString()}.
 */
public final class Bytecode {
    private static final ClassDesc DURATION = Duration.class.describeConstable().orElseThrow();
    private static final ClassDesc STRING_CONCAT = ClassDesc.of("java.lang.invoke.StringConcatFactory");
    private static final String RESTRICTED = "jdk.internal.javac.Restricted";

    private Bytecode() {
    }

    /** A place in the code: class, method, source line (0 if unknown) and what it does there. */
    public record Site(String className, String method, int line, String what) {
        @Override
        public String toString() {
            return className + "." + method + (line > 0 ? " (line " + line + ")" : "") + ": " + what;
        }
    }

    /** Every call of a method the JDK marks restricted (it needs native access), direct or as a method reference. */
    public static List<Site> restrictedCalls(Class<?> anyClassOfCodeSource) {
        List<Site> sites = new ArrayList<>();
        forEachInstruction(anyClassOfCodeSource, (cls, method, line, element) -> {
            switch (element) {
                case InvokeInstruction i -> {
                    if (isRestricted(i.owner().asSymbol(), i.name().stringValue(), i.typeSymbol())) {
                        sites.add(new Site(cls, method, line, "calls " + i.owner().asSymbol().displayName() + "."
                                + i.name().stringValue()));
                    }
                }
                case InvokeDynamicInstruction d -> {
                    for (ConstantDesc arg : d.bootstrapArgs()) {
                        if (arg instanceof DirectMethodHandleDesc h && h.lookupDescriptor().startsWith("(")
                                && isRestricted(h.owner(), h.methodName(), MethodTypeDesc.ofDescriptor(h.lookupDescriptor()))) {
                            sites.add(new Site(cls, method, line, "refers to " + h.owner().displayName() + "::"
                                    + h.methodName()));
                        }
                    }
                }
                default -> {
                }
            }
        });
        return sites;
    }

    /**
     * Every place a {@link Duration} is turned into a string with its ISO-8601 {@code toString()}
     * ({@code PT-0.005S}): an explicit {@code toString()}, or a value of static type Duration passed to
     * a string concatenation, {@code String.valueOf(Object)} or {@code StringBuilder.append(Object)}.
     * (javac turns each object operand of a concatenation into {@code String.valueOf(x)} first, so the
     * Duration is recognised from the instruction that pushed it: a field, a method's result, a cast,
     * or a local variable the class file's local variable table types as Duration — classes are
     * compiled with {@code -g}.)
     */
    public static List<Site> durationsPrintedAsIso(Class<?> anyClassOfCodeSource) {
        List<Site> sites = new ArrayList<>();
        for (byte[] bytes : classFiles(anyClassOfCodeSource)) {
            ClassModel model = ClassFile.of().parse(bytes);
            String cls = className(model);
            for (MethodModel m : model.methods()) {
                m.code().ifPresent(code -> {
                    Set<Integer> durationSlots = new HashSet<>();
                    code.forEach(e -> {
                        if (e instanceof LocalVariable v && v.typeSymbol().equals(DURATION)) {
                            durationSlots.add(v.slot());
                        }
                    });
                    Instruction previous = null;
                    int line = 0;
                    for (CodeElement e : code) {
                        if (e instanceof LineNumber n) {
                            line = n.line();
                        }
                        if (!(e instanceof Instruction i)) {
                            continue;
                        }
                        boolean durationBefore = pushesDuration(previous, durationSlots);
                        String what = switch (i) {
                            case InvokeDynamicInstruction d when d.bootstrapMethod().owner().equals(STRING_CONCAT)
                                    && d.typeSymbol().parameterList().contains(DURATION) ->
                                    "concatenates a Duration into a string";
                            case InvokeInstruction inv when inv.owner().asSymbol().equals(DURATION)
                                    && inv.name().equalsString("toString") -> "calls Duration.toString()";
                            case InvokeInstruction inv when takesObjectAsString(inv) && durationBefore ->
                                    "passes a Duration to " + inv.owner().asSymbol().displayName() + "." + inv.name().stringValue();
                            default -> null;
                        };
                        if (what != null) {
                            sites.add(new Site(cls, m.methodName().stringValue(), line, what));
                        }
                        previous = i;
                    }
                });
            }
        }
        return sites;
    }

    private static boolean takesObjectAsString(InvokeInstruction inv) {
        String owner = inv.owner().asInternalName();
        String sig = inv.name().stringValue() + inv.type().stringValue();
        return (owner.equals("java/lang/String") && sig.equals("valueOf(Ljava/lang/Object;)Ljava/lang/String;"))
                || (owner.equals("java/lang/StringBuilder") && sig.equals("append(Ljava/lang/Object;)Ljava/lang/StringBuilder;"));
    }

    private static boolean pushesDuration(Instruction i, Set<Integer> durationSlots) {
        return switch (i) {
            case null -> false;
            case FieldInstruction f -> f.typeSymbol().equals(DURATION);
            case InvokeInstruction inv -> inv.typeSymbol().returnType().equals(DURATION);
            case TypeCheckInstruction t -> t.opcode() == Opcode.CHECKCAST && t.type().asSymbol().equals(DURATION);
            case LoadInstruction l -> durationSlots.contains(l.slot());
            default -> false;
        };
    }

    private static String className(ClassModel model) {
        ClassDesc d = model.thisClass().asSymbol();
        return d.packageName().isEmpty() ? d.displayName() : d.packageName() + "." + d.displayName();
    }

    private interface Visitor {
        void visit(String className, String method, int line, CodeElement element);
    }

    private static void forEachInstruction(Class<?> anyClassOfCodeSource, Visitor visitor) {
        for (byte[] bytes : classFiles(anyClassOfCodeSource)) {
            ClassModel model = ClassFile.of().parse(bytes);
            String className = className(model);
            for (MethodModel m : model.methods()) {
                m.code().ifPresent(code -> {
                    int line = 0;
                    for (CodeElement e : code) {
                        if (e instanceof LineNumber n) {
                            line = n.line();
                        }
                        visitor.visit(className, m.methodName().stringValue(), line, e);
                    }
                });
            }
        }
    }

    /** The bytes of every class in the class directory or jar {@code anyClass} was loaded from. */
    public static List<byte[]> classFiles(Class<?> anyClass) {
        Path root;
        try {
            root = Path.of(anyClass.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("no code source for " + anyClass.getName(), e);
        }
        try {
            if (Files.isDirectory(root)) {
                return read(root);
            }
            try (FileSystem jar = FileSystems.newFileSystem(root)) {
                return read(jar.getPath("/"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the classes in " + root, e);
        }
    }

    private static List<byte[]> read(Path root) throws IOException {
        List<byte[]> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".class")).sorted().toList()) {
                out.add(Files.readAllBytes(p));
            }
        }
        return out;
    }

    /**
     * Whether the JDK method is restricted: it carries the JDK's own {@code @Restricted} marker
     * (kept at run time), found on the owner or the supertype that declares it. The list is the
     * running JDK's, not one written here.
     */
    static boolean isRestricted(ClassDesc owner, String name, MethodTypeDesc type) {
        if (!owner.packageName().startsWith("java.")) {
            return false;
        }
        Class<?> c;
        try {
            c = Class.forName(owner.packageName() + "." + owner.displayName(), false, null);
        } catch (ClassNotFoundException e) {
            return false;
        }
        return find(c, name, type.descriptorString()).map(m -> {
            for (var a : m.getAnnotations()) {
                if (a.annotationType().getName().equals(RESTRICTED)) {
                    return true;
                }
            }
            return false;
        }).orElse(false);
    }

    private static Optional<Method> find(Class<?> c, String name, String descriptor) {
        if (c == null) {
            return Optional.empty();
        }
        for (Method m : c.getDeclaredMethods()) {
            if (m.getName().equals(name)
                    && MethodType.methodType(m.getReturnType(), m.getParameterTypes()).toMethodDescriptorString().equals(descriptor)) {
                return Optional.of(m);
            }
        }
        Optional<Method> inSuper = find(c.getSuperclass(), name, descriptor);
        if (inSuper.isPresent()) {
            return inSuper;
        }
        for (Class<?> i : c.getInterfaces()) {
            Optional<Method> inInterface = find(i, name, descriptor);
            if (inInterface.isPresent()) {
                return inInterface;
            }
        }
        return Optional.empty();
    }
}
