package io.github.spndoctor.core.flow;

import io.github.spndoctor.core.demo.Scenario;
import io.github.spndoctor.core.demo.Scenarios;
import io.github.spndoctor.core.demo.TrainerDemo;
import io.github.spndoctor.core.model.Spn;
import io.github.spndoctor.core.model.TargetName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The SVG of a ticket flow: well-formed XML that shows every label, the verdict in words, and escapes what it shows. */
class TicketFlowSvgTest {
    @TempDir
    Path state;

    static Document parse(String svg) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    /** The visible text (every {@code <text>} element, in order, without blanks: wrapped lines join up again). */
    static String visible(Document d) {
        NodeList texts = d.getElementsByTagNameNS("http://www.w3.org/2000/svg", "text");
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < texts.getLength(); i++) {
            sb.append(texts.item(i).getTextContent());
        }
        return squash(sb.toString());
    }

    static String squash(String s) { return s.replaceAll("\\s+", ""); }

    static void assertShowsAll(TicketFlow f, String svg) throws Exception {
        Document d = parse(svg);
        assertEquals("svg", d.getDocumentElement().getLocalName());
        String seen = visible(d);
        for (TicketFlow.Node n : f.nodes()) {
            assertTrue(seen.contains(squash(n.title())), "title " + n.title() + " in " + seen);
            assertTrue(seen.contains(squash(n.detail())), "detail " + n.detail());
        }
        for (TicketFlow.Step s : f.steps()) {
            assertTrue(seen.contains(squash(s.label())), "step " + s.label());
        }
        assertTrue(seen.contains(squash((f.verdict().ok() ? "\u2713 " : "\u2717 ") + f.verdict().words())), "verdict in words: " + seen);
        Element root = d.getDocumentElement();
        assertTrue(Double.parseDouble(root.getAttribute("width")) > 0 && Double.parseDouble(root.getAttribute("height")) > 0);
        assertEquals(f.steps().size(), d.getElementsByTagNameNS("http://www.w3.org/2000/svg", "polyline").getLength(), "one arrow per step");
    }

    @Test
    void everyDemoScenario_isWellFormedAndShowsEveryLabel() throws Exception {
        int drawn = 0;
        try (TrainerDemo demo = TrainerDemo.open(state.resolve("demo"))) {
            for (Scenario s : Scenarios.all(demo.dns())) {
                TargetName t = TargetName.parse(s.target());
                if (!t.isDnsName()) {
                    continue;
                }
                TicketFlow f = TicketFlows.of(demo.directory(), Spn.of("HTTP", t.asTyped()), t.asTyped(),
                        demo.directory().lookup(t).computer());
                assertShowsAll(f, TicketFlowSvg.document(f));
                drawn++;
            }
        }
        assertTrue(drawn >= 5, "scenarios drawn: " + drawn);
    }

    @Test
    void hostileNames_areEscaped_andReadBackAsTyped() throws Exception {
        String evil = "<script>alert('x')</script> & \"co\" ]]> <!-- x";
        TicketFlow f = new TicketFlow(List.of(
                new TicketFlow.Node(TicketFlow.Role.CLIENT, "Client", "asks for HTTP/" + evil),
                new TicketFlow.Node(TicketFlow.Role.KDC, "KDC & co", evil),
                new TicketFlow.Node(TicketFlow.Role.HOLDER, evil, "holds it"),
                new TicketFlow.Node(TicketFlow.Role.HOST, "web<1>", "decrypts"),
                new TicketFlow.Node(TicketFlow.Role.USER, "What the user sees", "\u0001bell & <b>")),
                List.of(new TicketFlow.Step(TicketFlow.Role.CLIENT, TicketFlow.Role.KDC, "asks " + evil, true),
                        new TicketFlow.Step(TicketFlow.Role.HOST, TicketFlow.Role.HOST, "tries " + evil, false)),
                TicketFlow.Verdict.WRONG_KEY);
        String svg = TicketFlowSvg.element(f);
        assertFalse(svg.contains("<script"), svg);
        assertFalse(svg.contains("<b>"));
        assertFalse(svg.contains("<!-- x"));
        Document d = parse(svg);
        assertEquals(0, d.getElementsByTagName("script").getLength());
        String seen = visible(d);
        assertTrue(seen.contains(squash(evil)), "the name reads back as typed: " + seen);
        assertTrue(seen.contains(squash("\uFFFDbell & <b>")), "a control character becomes a replacement mark: " + seen);
    }

    @Test
    void randomNames_alwaysParse() throws Exception {
        Random r = new Random(713);
        String alphabet = "<>&\"' /.-\\$abcXYZ019\u00e9\u2713\t\n";
        for (int run = 0; run < 200; run++) {
            List<String> names = new ArrayList<>();
            for (int k = 0; k < 4; k++) {
                StringBuilder sb = new StringBuilder();
                int len = r.nextInt(90);
                for (int i = 0; i < len; i++) {
                    sb.append(r.nextInt(20) == 0 ? (char) r.nextInt(0x20) : alphabet.charAt(r.nextInt(alphabet.length())));
                }
                names.add(sb.toString());
            }
            TicketFlow f = new TicketFlow(List.of(
                    new TicketFlow.Node(TicketFlow.Role.CLIENT, names.get(0), names.get(1)),
                    new TicketFlow.Node(TicketFlow.Role.KDC, "KDC", names.get(2)),
                    new TicketFlow.Node(TicketFlow.Role.USER, "What the user sees", "")),
                    List.of(new TicketFlow.Step(TicketFlow.Role.CLIENT, TicketFlow.Role.KDC, names.get(3), true),
                            new TicketFlow.Step(TicketFlow.Role.KDC, TicketFlow.Role.CLIENT, "refused", false),
                            new TicketFlow.Step(TicketFlow.Role.CLIENT, TicketFlow.Role.USER, "fails", false)),
                    TicketFlow.Verdict.KDC_REFUSED_DUPLICATE);
            Document d = parse(TicketFlowSvg.document(f));
            assertEquals(3, d.getElementsByTagNameNS("http://www.w3.org/2000/svg", "polyline").getLength(), "run " + run);
        }
    }

    @Test
    void wrap_keepsEveryCharacter_andTheWidth() {
        Random r = new Random(42);
        for (int run = 0; run < 300; run++) {
            StringBuilder sb = new StringBuilder();
            int len = r.nextInt(200);
            for (int i = 0; i < len; i++) {
                String abc = "ab./-\\ $x"; sb.append(abc.charAt(r.nextInt(abc.length())));
            }
            int max = 8 + r.nextInt(30);
            List<String> lines = FlowLayout.wrap(sb.toString(), max);
            for (String l : lines) {
                assertTrue(l.length() <= max, l + " > " + max);
            }
            assertEquals(squash(sb.toString()), squash(String.join("", lines)));
        }
    }
}
