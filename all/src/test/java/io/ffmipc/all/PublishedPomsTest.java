package io.ffmipc.all;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import javax.xml.parsers.DocumentBuilderFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The poms as a public repository and an application see them. The BOM has no parent (importing it
 * must not import the build's test libraries), so what it shares with the parent is checked here:
 * its version, the metadata a public repository requires, and that it manages exactly the modules
 * that say they are published libraries. The applications are not deployed.
 */
class PublishedPomsTest {
    private static final Path ROOT = Path.of("..");
    private static final List<String> METADATA = List.of("url", "inceptionYear", "licenses", "developers", "scm",
            "issueManagement");

    private static Element pom(String module) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        Document d = f.newDocumentBuilder().parse(ROOT.resolve(module).resolve("pom.xml").toFile());
        return d.getDocumentElement();
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getLocalName().equals(name)) {
                found.add(e);
            }
        }
        return found;
    }

    private static Element child(Element parent, String name) {
        List<Element> found = children(parent, name);
        assertEquals(1, found.size(), "one <" + name + "> in <" + parent.getLocalName() + ">");
        return found.getFirst();
    }

    private static String text(Element parent, String name) {
        List<Element> found = children(parent, name);
        return found.isEmpty() ? null : found.getFirst().getTextContent().strip();
    }

    /** An element's text and attributes, whitespace between elements dropped. */
    private static String canonical(Element e) {
        StringBuilder b = new StringBuilder("<").append(e.getLocalName());
        for (int i = 0; i < e.getAttributes().getLength(); i++) {
            Node a = e.getAttributes().item(i);
            b.append(' ').append(a.getNodeName()).append('=').append(a.getNodeValue());
        }
        b.append('>');
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element c) {
                b.append(canonical(c));
            } else if (n.getNodeType() == Node.TEXT_NODE) {
                b.append(n.getNodeValue().strip());
            }
        }
        return b.append("</").append(e.getLocalName()).append('>').toString();
    }

    @Test
    void theBomHasTheBuildsVersionAndTheParentsMetadata() throws Exception {
        Element parent = pom(".");
        Element bom = pom("bom");
        assertEquals(text(parent, "version"), text(bom, "version"), "the BOM's version");
        for (String element : METADATA) {
            assertEquals(canonical(child(parent, element)), canonical(child(bom, element)), "<" + element + ">");
        }
        assertEquals(parent.getAttribute("child.project.url.inherit.append.path"),
                bom.getAttribute("child.project.url.inherit.append.path"));
    }

    @Test
    void theBomManagesExactlyThePublishedLibraries() throws Exception {
        Set<String> libraries = new TreeSet<>();
        for (Element module : children(child(pom("."), "modules"), "module")) {
            Element pom = pom(module.getTextContent().strip());
            List<Element> properties = children(pom, "properties");
            if (!properties.isEmpty() && "false".equals(text(properties.getFirst(), "ffmipc.library.skip"))) {
                libraries.add(text(pom, "artifactId"));
            }
        }
        Set<String> managed = new TreeSet<>();
        for (Element d : children(child(child(pom("bom"), "dependencyManagement"), "dependencies"), "dependency")) {
            assertEquals("io.ffmipc", text(d, "groupId"));
            assertEquals("${project.version}", text(d, "version"));
            managed.add(text(d, "artifactId"));
        }
        assertEquals(Set.of("ffm-ipc", "ffm-ipc-common", "ffm-ipc-linux", "ffm-ipc-macos", "ffm-ipc-windows"), libraries);
        assertEquals(libraries, managed);
    }

    @Test
    void theApplicationsAndTestsAreNotDeployed() throws Exception {
        for (String module : List.of("cli", "bench", "containers")) {
            Element properties = child(pom(module), "properties");
            assertEquals("true", text(properties, "maven.deploy.skip"), module);
            assertFalse("false".equals(text(properties, "ffmipc.library.skip")), module);
        }
        for (String application : List.of("cli", "bench")) {
            assertTrue(text(pom(application), "description").startsWith("An application, not a library to depend on"),
                    application);
        }
    }
}
