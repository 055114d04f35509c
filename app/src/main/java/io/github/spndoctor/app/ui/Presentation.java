package io.github.spndoctor.app.ui;

import io.github.spndoctor.core.text.Redaction;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Presentation mode and zoom for the whole wizard (ADR 0710). Zoom sets the scene root's font size, so every size in
 * em grows with it and the layout reflows: the page host scrolls and the button bar stays in the window (ADR 0104).
 * Ctrl + / Ctrl − / Ctrl 0 zoom, F11 toggles full screen (Esc keeps its wizard meaning: stop a wait), and the View
 * menu offers the same. Presentation mode (F5, or the menu) zooms to at least {@link #PRESENTING_ZOOM} and blanks secrets on screen:
 * text areas wrapped with {@link #redactedWhilePresenting} show their text through {@link Redaction}, read-only,
 * while it is on. The zoom is not saved: SPN Doctor keeps no preferences besides connection profiles.
 */
public final class Presentation {
    public static final double MIN_ZOOM = 0.8;
    public static final double MAX_ZOOM = 2.5;
    public static final double STEP = 0.1;
    public static final double PRESENTING_ZOOM = 1.3;
    private static final String KEY = Presentation.class.getName();

    private final Scene scene;
    private final double baseFont;
    private final DoubleProperty zoom = new SimpleDoubleProperty(1.0);
    private final ReadOnlyDoubleWrapper fontSize = new ReadOnlyDoubleWrapper();
    private final BooleanProperty presenting = new SimpleBooleanProperty(false);
    private double zoomBeforePresenting = 1.0;

    private Presentation(Scene scene, double baseFont) {
        this.scene = scene;
        this.baseFont = baseFont;
        fontSize.set(zoom.get() * baseFont);
        zoom.addListener((o, a, b) -> fontSize.set(b.doubleValue() * baseFont));
        fontSize.addListener((o, a, b) -> applyFont());
        presenting.addListener((o, a, b) -> {
            if (b) {
                zoomBeforePresenting = zoom.get();
                zoom.set(Math.max(zoom.get(), PRESENTING_ZOOM));
            } else {
                zoom.set(zoomBeforePresenting);
            }
            scene.getRoot().pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("presenting"), b);
        });
        scene.rootProperty().addListener((o, a, b) -> applyFont());
        applyFont();
    }

    /** Installs zoom, full screen and presentation mode on {@code scene} (once; later calls return the same). */
    public static Presentation install(Scene scene) {
        Object known = scene.getProperties().get(KEY);
        if (known instanceof Presentation p) {
            return p;
        }
        double base = Theme.applyUserAgent() == Theme.Kind.MODENA ? javafx.scene.text.Font.getDefault().getSize() : 14;
        Presentation p = new Presentation(scene, base);
        scene.getProperties().put(KEY, p);
        var keys = scene.getAccelerators();
        for (KeyCode k : new KeyCode[]{KeyCode.PLUS, KeyCode.EQUALS, KeyCode.ADD}) {
            keys.put(new KeyCodeCombination(k, KeyCombination.SHORTCUT_DOWN), p::zoomIn);
            keys.put(new KeyCodeCombination(k, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN), p::zoomIn);
        }
        for (KeyCode k : new KeyCode[]{KeyCode.MINUS, KeyCode.SUBTRACT}) {
            keys.put(new KeyCodeCombination(k, KeyCombination.SHORTCUT_DOWN), p::zoomOut);
        }
        for (KeyCode k : new KeyCode[]{KeyCode.DIGIT0, KeyCode.NUMPAD0}) {
            keys.put(new KeyCodeCombination(k, KeyCombination.SHORTCUT_DOWN), p::resetZoom);
        }
        keys.put(new KeyCodeCombination(KeyCode.F11), p::toggleFullScreen);
        keys.put(new KeyCodeCombination(KeyCode.F5), () -> p.presenting.set(!p.presenting.get()));
        return p;
    }

    /** The presentation settings of the scene {@code node} is in, once it is in one that has them. */
    public static Optional<Presentation> of(Scene scene) {
        return scene == null ? Optional.empty() : Optional.ofNullable(scene.getProperties().get(KEY))
                .filter(Presentation.class::isInstance).map(Presentation.class::cast);
    }

    public DoubleProperty zoomProperty() { return zoom; }

    /** The root's font size in px: the theme's size times the zoom. */
    public ReadOnlyDoubleProperty fontSizeProperty() { return fontSize.getReadOnlyProperty(); }

    public BooleanProperty presentingProperty() { return presenting; }

    public void zoomIn() { setZoom(zoom.get() + STEP); }

    public void zoomOut() { setZoom(zoom.get() - STEP); }

    public void resetZoom() { setZoom(presenting.get() ? PRESENTING_ZOOM : 1.0); }

    private void setZoom(double z) {
        zoom.set(Math.round(Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, z)) * 10) / 10.0);
    }

    /** Full screen on or off; Esc does not leave it (it stops a wait in the wizard), F11 does. */
    public void toggleFullScreen() {
        if (scene.getWindow() instanceof Stage s) {
            s.setFullScreenExitKeyCombination(KeyCombination.NO_MATCH);
            s.setFullScreenExitHint("Press F11 to leave full screen.");
            s.setFullScreen(!s.isFullScreen());
        }
    }

    private void applyFont() {
        Parent root = scene.getRoot();
        if (root == null) {
            return;
        }
        String style = root.getStyle() == null ? "" : root.getStyle().replaceAll("-fx-font-size:[^;]*;?", "").strip();
        root.setStyle((style.isEmpty() ? "" : style + " ") + String.format(Locale.ROOT, "-fx-font-size: %.1fpx;", fontSize.get()));
    }

    /**
     * The View menu: zoom, full screen, presentation mode, with their keys. A button that opens the menu; the menu
     * itself is made on the first click (a menu is a window of its own: making it at start-up delayed the first page),
     * and the keys work from the start, as the scene's accelerators.
     */
    public javafx.scene.control.Button menu() {
        commands().forEach(c -> scene.getAccelerators().put(c.key(), c.action()));
        scene.getAccelerators().put(PRESENT, () -> presenting.set(!presenting.get()));
        javafx.scene.control.Button menu = new javafx.scene.control.Button();
        menu.textProperty().bind(Bind.string(() -> String.format(Locale.ROOT, "View %d %% \u25BE",
                Math.round(zoom.get() * 100)), zoom));
        menu.setMnemonicParsing(false);   // no Alt letter of its own: the pages' mnemonics stay theirs
        menu.setId("viewMenu");
        // out of the Tab order (every item has its key): a focus that leaves a page must not land here, where Esc
        // would close the menu instead of stopping a wait
        menu.setFocusTraversable(false);
        menu.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        menu.setAccessibleText("View: zoom, full screen, presentation mode");
        javafx.scene.control.ContextMenu[] items = new javafx.scene.control.ContextMenu[1];
        menu.setOnAction(e -> {
            if (items[0] == null) {
                items[0] = viewItems();
            }
            items[0].show(menu, javafx.geometry.Side.BOTTOM, 0, 0);
        });
        return menu;
    }

    private static final KeyCombination ZOOM_IN = new KeyCodeCombination(KeyCode.PLUS, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination ZOOM_OUT = new KeyCodeCombination(KeyCode.MINUS, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination ACTUAL_SIZE = new KeyCodeCombination(KeyCode.DIGIT0, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination FULL_SCREEN = new KeyCodeCombination(KeyCode.F11);
    private static final KeyCombination PRESENT = new KeyCodeCombination(KeyCode.F5);

    /** The menu's plain commands, each with its key: the scene's accelerators and the menu's items come from here. */
    private record Command(String text, KeyCombination key, Runnable action) { }

    private List<Command> commands() {
        return List.of(new Command("Zoom in", ZOOM_IN, this::zoomIn), new Command("Zoom out", ZOOM_OUT, this::zoomOut),
                new Command("Actual size", ACTUAL_SIZE, this::resetZoom),
                new Command("Full screen", FULL_SCREEN, this::toggleFullScreen));
    }

    /** The menu's items, each showing its key (the keys themselves are the scene's, see {@link #menu()}). */
    private javafx.scene.control.ContextMenu viewItems() {
        List<Command> c = commands();
        CheckMenuItem present = new CheckMenuItem("Presentation mode (larger text, secrets blanked)");
        // both ways, with two listeners: bindBidirectional would load javafx.beans.binding.Bindings
        present.setSelected(presenting.get());
        present.selectedProperty().addListener((o, was, now) -> presenting.set(now));
        presenting.addListener((o, was, now) -> present.setSelected(now));
        present.setId("presentationMode");
        present.setAccelerator(PRESENT);
        javafx.scene.control.ContextMenu menu = new javafx.scene.control.ContextMenu(item(c.get(0)), item(c.get(1)),
                item(c.get(2)), new SeparatorMenuItem(), item(c.get(3)), present);
        menu.setId("viewMenuItems");
        return menu;
    }

    private static MenuItem item(Command c) {
        MenuItem i = new MenuItem(c.text());
        i.setAccelerator(c.key());
        i.setOnAction(e -> c.action().run());
        return i;
    }

    /**
     * {@code area} as it is, and over it, while presentation mode is on, a read-only copy of its text with the
     * secrets blanked ({@link Redaction}): what the class sees never holds a password. The user's text itself is
     * kept as it was.
     */
    public static Node redactedWhilePresenting(TextArea area) {
        TextArea shown = new TextArea();
        shown.setId(area.getId() == null ? null : area.getId() + "-redacted");
        shown.setEditable(false);
        shown.setWrapText(true);
        shown.getStyleClass().add("redacted-copy");
        shown.setFocusTraversable(false);
        shown.setVisible(false);
        StackPane pane = new StackPane(area, shown);
        Runnable sync = () -> {
            boolean on = of(pane.getScene()).map(p -> p.presentingProperty().get()).orElse(false);
            shown.setText(on ? Redaction.redact(area.getText() == null ? "" : area.getText()) : "");
            shown.setVisible(on);
            area.setVisible(!on);
        };
        javafx.beans.value.ChangeListener<Boolean> onPresenting = (o, a, b) -> sync.run();
        pane.sceneProperty().addListener((o, a, b) -> {
            of(a).ifPresent(p -> p.presentingProperty().removeListener(onPresenting));
            of(b).ifPresent(p -> p.presentingProperty().addListener(onPresenting));
            sync.run();
        });
        area.textProperty().addListener((o, a, b) -> {
            if (shown.isVisible()) {
                sync.run();
            }
        });
        return pane;
    }
}
