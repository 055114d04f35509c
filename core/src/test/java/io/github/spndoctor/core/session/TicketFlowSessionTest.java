package io.github.spndoctor.core.session;

import io.github.spndoctor.core.apply.AuditLog;
import io.github.spndoctor.core.directory.demo.DemoDirectory;
import io.github.spndoctor.core.flow.TicketFlow;
import io.github.spndoctor.core.model.TargetName;
import io.github.spndoctor.core.remedy.Remedies;
import io.github.spndoctor.core.symptom.CommonSymptom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The session draws the ticket flow from the directory as it is now (broken → fixed → undone), and its report embeds
 * the last one drawn: the HTML as SVG (well-formed), the Markdown as its outline.
 */
class TicketFlowSessionTest {
    static DemoDirectory demo;
    @TempDir
    Path home;

    @BeforeAll
    static void start() { demo = DemoDirectory.start(); }

    @AfterAll
    static void stop() { demo.close(); }

    @AfterEach
    void reset() { demo.reset(); }

    RepairSession session(String host) throws Exception {
        RepairSession s = new RepairSession(demo, new SessionConfig(home.resolve("journals"), new AuditLog(home.resolve("audit.log")),
                Optional.empty(), ProbeChoice.NONE, io.github.spndoctor.core.remedy.RemedySettings.DEFAULT));
        s.describe(CommonSymptom.UNKNOWN_SECURITY_ERROR.text(), TargetName.parse(host));
        s.lookup();
        return s;
    }

    static String svgOf(String html) throws Exception {
        int from = html.indexOf("<svg");
        int to = html.indexOf("</svg>", from);
        assertTrue(from >= 0 && to > from, "the HTML report embeds an SVG");
        String svg = html.substring(from, to + "</svg>".length());
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));   // well-formed
        return svg;
    }

    @Test
    void fixAndUndo_redrawTheFlow_andTheReportEmbedsTheLastOne() throws Exception {
        RepairSession s = session("srv003.rwwilden01.local");
        assertFalse(s.report().toHtml().contains("<svg"), "no picture before one is drawn");
        TicketFlow broken = s.ticketFlow();
        assertEquals(TicketFlow.Verdict.WRONG_KEY, broken.verdict());
        String holder = broken.node(TicketFlow.Role.HOLDER).orElseThrow().title();
        assertEquals("svc-srv003-web$", holder);
        String html = s.report().toHtml();
        String svg = svgOf(html);
        assertTrue(svg.contains(holder) && svg.contains("KRB_AP_ERR_MODIFIED"), svg);
        String md = s.report().toMarkdown();
        assertTrue(md.contains("## How the ticket travels") && md.contains(broken.outline().strip()), "the Markdown report carries the outline: " + md);

        s.plan(Remedies.REMOVE_SPN);
        s.confirm();
        s.commit(null, Optional.empty());
        TicketFlow fixed = s.ticketFlow();
        assertEquals(TicketFlow.Verdict.ACCEPTED, fixed.verdict(), fixed.outline());
        assertEquals("SRV003$", fixed.node(TicketFlow.Role.HOLDER).orElseThrow().title(), "the new holder: the computer, through HOST/");
        String after = svgOf(s.report().toHtml());
        assertTrue(after.contains("\u2713 accepted") && !after.contains(holder), after);

        s.planUndo();
        s.confirm();
        s.commit(null, Optional.empty());
        assertEquals(TicketFlow.Verdict.WRONG_KEY, s.ticketFlow().verdict(), "undo brings the wrong key back");

        s.startOver();
        assertFalse(s.report().toHtml().contains("<svg"), "another host forgets the picture");
    }

    /** The port-SPN fix changes what the client asks for (-IncludePortInSPN): the flow is drawn with the port SPN. */
    @Test
    void portFix_drawsWhatTheClientAsksForThen_andUndoTheDefaultAgain() throws Exception {
        RepairSession s = session("srv003.rwwilden01.local");
        s.plan(Remedies.PORT_SPN);
        s.confirm();
        assertTrue(s.commit(null, Optional.empty()).wrote());
        TicketFlow f = s.ticketFlow();
        assertEquals("PowerShell asks the KDC for a ticket to HTTP/srv003.rwwilden01.local:5985 \u2014 port 5985 included (-IncludePortInSPN).",
                f.steps().get(0).label());
        assertEquals(TicketFlow.Verdict.ACCEPTED, f.verdict(), f.outline());
        s.planUndo();
        s.confirm();
        s.commit(null, Optional.empty());
        TicketFlow back = s.ticketFlow();
        assertEquals("PowerShell asks the KDC for a ticket to HTTP/srv003.rwwilden01.local.", back.steps().get(0).label());
        assertEquals(TicketFlow.Verdict.WRONG_KEY, back.verdict(), back.outline());
    }

    /** A prefix fix that writes nothing (the computer holds WSMAN/ already) changes only clients: the flow stays as is. */
    @Test
    void prefixFixWithoutDirectoryChanges_keepsTheDefaultSpn() throws Exception {
        RepairSession s = session("srv003.rwwilden01.local");
        s.plan(Remedies.WSMAN_PREFIX);
        s.confirm();
        boolean wrote = s.commit(null, Optional.empty()).wrote();
        TicketFlow f = s.ticketFlow();
        assertEquals(wrote ? "WSMAN/srv003.rwwilden01.local" : "HTTP/srv003.rwwilden01.local",
                f.steps().get(0).label().replace("PowerShell asks the KDC for a ticket to ", "").replaceFirst(" \u2014 .*", "")
                        .replace(".local.", ".local"));
    }

    @Test
    void trueDuplicate_isRefusedByTheKdc() throws Exception {
        TicketFlow f = session("app01.contoso.com").ticketFlow();
        assertEquals(TicketFlow.Verdict.KDC_REFUSED_DUPLICATE, f.verdict(), f.outline());
        assertTrue(f.outline().contains("0x7") && f.outline().contains("0x8"));
    }
}
