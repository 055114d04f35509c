package io.github.spndoctor.app.ui;

import javafx.application.Application;
import javafx.scene.Scene;

import java.util.Locale;

/**
 * The wizard's look, applied in one place: AtlantaFX's Primer Light theme as the user-agent stylesheet plus the
 * wizard's own {@code app.css} on each scene (ADR 0103). Under a high-contrast desktop theme, or with
 * {@code -Dspndoctor.theme=modena}, JavaFX's Modena stays, because Modena follows the system's high-contrast colours
 * and Primer does not; {@code app.css} uses only looked-up colours both define.
 */
public final class Theme {
    /** Which user-agent stylesheet the wizard uses. */
    public enum Kind { PRIMER_LIGHT, PRIMER_DARK, MODENA }

    private static volatile Kind applied;
    /** The URL of the stylesheet the preloading thread read ahead, or null (start-up measurement). */
    private static volatile String readAhead;

    private Theme() {}

    /**
     * Gives the UI thread a head start on the stylesheet {@link #applyUserAgent()} will most likely set: reads Primer
     * and hands it to JavaFX (call once, on the preloading thread, before the first scene; see {@link PreparedTheme}).
     * High contrast is known only on the UI thread, so this assumes none; if the UI thread chooses otherwise, JavaFX
     * replaces what was prepared.
     */
    public static void prepare() {
        Kind k = chosen(System.getProperty("spndoctor.theme", ""), false);
        if (k != Kind.MODENA && BINARY) {
            PreparedTheme.JVM.prepare(Theme.class.getResource(primerPath(k)));
        }
    }

    /** Sets the user-agent stylesheet once per JVM (call on the UI thread before the first scene is shown). */
    public static Kind applyUserAgent() {
        if (applied == null) {
            readAhead = PreparedTheme.JVM.decide();   // JavaFX uses a stylesheet read ahead, and does not read it again
            Kind k = chosen(System.getProperty("spndoctor.theme", ""), highContrast());
            if (k != Kind.MODENA && Theme.class.getResource("/atlantafx/base/theme/primer-light.bss") == null) {
                k = Kind.MODENA;   // the stylesheet is not on the class path (see ADR 0103): Modena, with our colours for it
            }
            Application.setUserAgentStylesheet(k == Kind.MODENA ? Application.STYLESHEET_MODENA : primer(k));
            applied = k;
        }
        return applied;
    }

    /**
     * The URL of one of AtlantaFX's compiled Primer stylesheets. Only the stylesheet is used: AtlantaFX 2.1's classes
     * are built for Java 21 and this app runs on 17, and the standard controls need none of them.
     */
    private static String primer(Kind k) {
        java.net.URL url = Theme.class.getResource(primerPath(k));
        return url == null ? Application.STYLESHEET_MODENA : url.toExternalForm();
    }

    /** Where the Primer stylesheet of {@code k} (light or dark) is on the class path. */
    private static String primerPath(Kind k) {
        return "/atlantafx/base/theme/" + (k == Kind.PRIMER_DARK ? "primer-dark" : "primer-light") + (BINARY ? ".bss" : ".css");
    }

    private static final boolean BINARY = !Boolean.getBoolean("spndoctor.theme.css");

    /** The user-agent stylesheet in use, and whether it was read ahead on the preloading thread (start-up probe). */
    public static String describe() {
        String ua = Application.getUserAgentStylesheet();
        return ua + (ua != null && ua.equals(readAhead) ? " (read ahead)" : " (read on the UI thread)");
    }

    /** Applies the theme and adds the wizard's stylesheet to {@code scene}. */
    public static Scene style(Scene scene) {
        Kind k = applyUserAgent();
        scene.getStylesheets().add(stylesheet());
        if (k == Kind.MODENA) {
            scene.getRoot().getStyleClass().add("modena");
        }
        return scene;
    }

    /** The wizard's own stylesheet (app.css), for scenes of other windows. */
    public static String stylesheet() {
        return Theme.class.getResource("/io/github/spndoctor/app/app.css").toExternalForm();
    }

    /** The theme for a {@code spndoctor.theme} value and the desktop's high-contrast state. */
    static Kind chosen(String property, boolean highContrast) {
        String p = property.trim().toLowerCase(Locale.ROOT);
        if (p.equals("modena") || (p.isEmpty() && highContrast)) {
            return Kind.MODENA;
        }
        return p.equals("dark") || p.equals("primer-dark") ? Kind.PRIMER_DARK : Kind.PRIMER_LIGHT;
    }

    /**
     * True when Windows runs a high-contrast theme. Asks JavaFX's platform layer, which knows it, and is reachable
     * when JavaFX runs from the class path (the shaded jar); anywhere else, or when it cannot be asked, false.
     */
    static boolean highContrast() {
        if (!org.apache.commons.lang3.SystemUtils.IS_OS_WINDOWS) {
            return false;
        }
        try {
            Class<?> app = Class.forName("com.sun.glass.ui.Application");
            Object instance = app.getMethod("GetApplication").invoke(null);
            Object theme = instance == null ? null : app.getMethod("getHighContrastTheme").invoke(instance);
            return theme instanceof String s && !s.isBlank();
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return false;
        }
    }
}
