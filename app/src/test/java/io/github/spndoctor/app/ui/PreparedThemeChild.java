package io.github.spndoctor.app.ui;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.css.CssParser;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.layout.StackPane;

import java.net.URL;

/**
 * Run in a JVM of its own by {@link PreparedThemeJavaFxTest}: registers a stand-in under Primer's URL before the
 * toolkit starts, as the preloading thread does, then sets Primer as the wizard does. Prints the button's background:
 * the stand-in's magenta when JavaFX kept the stylesheet it was given instead of reading the URL again.
 */
public final class PreparedThemeChild {
    private PreparedThemeChild() {}

    public static void main(String[] args) {
        URL primer = PreparedThemeChild.class.getResource("/atlantafx/base/theme/primer-light.bss");
        boolean prepare = args.length == 0 || !args[0].equals("--no-preparation");
        PreparedTheme p = new PreparedTheme(url -> new CssParser().parse(url.toExternalForm(),
                ".button { -fx-background-color: #ff00ff; }"), PreparedTheme::register, 2000);
        if (prepare) {
            p.prepare(primer);
        }
        // the preparation must not have started the toolkit: no renderer or application thread exists yet
        System.out.println("TOOLKIT_THREADS=" + Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("QuantumRenderer") || t.getName().startsWith("JavaFX")).count());
        Platform.startup(() -> {
            String ahead = p.decide();
            Application.setUserAgentStylesheet(primer.toExternalForm());
            Button b = new Button("x");
            new Scene(new StackPane(b));
            b.applyCss();
            System.out.println("AHEAD=" + ahead);
            System.out.println("BACKGROUND=" + b.getBackground().getFills().get(0).getFill());
            Platform.exit();
        });
    }
}
