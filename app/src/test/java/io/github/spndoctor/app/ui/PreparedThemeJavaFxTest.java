package io.github.spndoctor.app.ui;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the head start relies on, in JavaFX itself: a user-agent stylesheet handed to the style manager before the
 * first scene is kept when the same URL is set, and not read again. Each case runs in a fresh JVM, because the
 * theme is set once per JVM (headless, as the other tests).
 */
public class PreparedThemeJavaFxTest {
    static List<String> runChild(Class<?> main, String... args) throws IOException, InterruptedException {
        return runJvm(main, List.of(), List.of(args));
    }

    /**
     * Runs {@code main} in a fresh JVM on this test's class path, headless (Monocle, software rendering), in a state
     * directory of its own; returns its output once it has ended with status 0 (at most two minutes).
     */
    public static List<String> runJvm(Class<?> main, List<String> properties, List<String> args)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                "-Dglass.platform=Monocle", "-Dmonocle.platform=Headless", "-Dprism.order=sw", "-Djava.awt.headless=true",
                "-Dspndoctor.home=" + Files.createTempDirectory("spn-doctor-child")));
        cmd.addAll(properties);
        cmd.add(main.getName());
        cmd.addAll(args);
        Path out = Files.createTempFile("spn-doctor-child", ".txt");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the child JVM ended");
        List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
        Files.deleteIfExists(out);
        assertEquals(0, p.exitValue(), String.join("\n", lines));
        return lines;
    }

    /** The value of the first {@code key=value} line, or a description of what was there instead. */
    public static String value(List<String> lines, String key) {
        return lines.stream().filter(l -> l.startsWith(key + "=")).map(l -> l.substring(key.length() + 1))
                .findFirst().orElse("(no " + key + " line in: " + String.join(" | ", lines) + ")");
    }

    @Test
    void aStylesheetRegisteredAheadIsKept() throws Exception {
        List<String> lines = runChild(PreparedThemeChild.class);
        assertTrue(value(lines, "AHEAD").endsWith("primer-light.bss"), value(lines, "AHEAD"));
        assertEquals("0xff00ffff", value(lines, "BACKGROUND"), "the stand-in registered ahead styles the button");
        assertEquals("0", value(lines, "TOOLKIT_THREADS"), "reading and registering ahead did not start the toolkit");
    }

    @Test
    void withoutAHeadStartJavaFxReadsPrimer() throws Exception {
        List<String> lines = runChild(PreparedThemeChild.class, "--no-preparation");
        assertEquals("null", value(lines, "AHEAD"));
        String bg = value(lines, "BACKGROUND");
        assertTrue(bg.startsWith("0x") && !bg.equals("0xff00ffff"), "Primer's own button colour: " + bg);
    }
}
