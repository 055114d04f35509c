package io.github.spndoctor.app.ui;

import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.fontawesome5.FontAwesomeSolid;

import java.util.Locale;

/**
 * How a status looks: an icon, a style class (its colour) and — always beside them — a word, so colour is never the
 * only signal. One tone per kind of news, from good to bad.
 */
public enum Tone {
    /** As it should be (the computer holds it). */
    GOOD(FontAwesomeSolid.CHECK_CIRCLE),
    /** Fine, though not literally held (answered through HOST/, an optional form nobody needs). */
    FINE(FontAwesomeSolid.INFO_CIRCLE),
    /** Needs attention, not necessarily broken (missing but needed, a warning). */
    WARNING(FontAwesomeSolid.EXCLAMATION_TRIANGLE),
    /** Wrong: breaks Kerberos (wrong account, duplicate, failed). */
    BAD(FontAwesomeSolid.TIMES_CIRCLE),
    /** Not known (a failed or stopped lookup): never looks healthy. */
    UNKNOWN(FontAwesomeSolid.QUESTION_CIRCLE);

    private final Ikon icon;

    Tone(Ikon icon) {
        this.icon = icon;
    }

    public Ikon icon() { return icon; }

    private final javafx.css.PseudoClass state = javafx.css.PseudoClass.getPseudoClass("tone-" + name().toLowerCase(Locale.ROOT));

    /**
     * The pseudo-class carrying the colour ({@code :tone-good}, …, in app.css). A state, not a style class: when a
     * table cell or a callout changes tone JavaFX only moves the node to another state of the styles it has already
     * looked up, where a changed style class would make it look them up again for the node and its children.
     */
    public javafx.css.PseudoClass pseudoClass() { return state; }

    /** Shows this tone on {@code n} (and no other tone); nothing happens when it shows it already. */
    public void applyTo(javafx.scene.Node n) {
        show(n, this);
    }

    /** Takes every tone off {@code n}: it shows its own colours again. */
    public static void clear(javafx.scene.Node n) {
        show(n, null);
    }

    private static void show(javafx.scene.Node n, Tone tone) {
        for (Tone t : values()) {
            n.pseudoClassStateChanged(t.state, t == tone);
        }
    }

    /** The tone {@code n} shows, if any. */
    public static java.util.Optional<Tone> shownBy(javafx.scene.Node n) {
        for (Tone t : values()) {
            if (n.getPseudoClassStates().contains(t.state)) {
                return java.util.Optional.of(t);
            }
        }
        return java.util.Optional.empty();
    }

    /**
     * The tone of a per-SPN status id (core's {@code LookupResult.Status.id()}, and the finer statuses core may add):
     * ok / held-by-computer good; answered-by-host / optional fine; missing(-needed) warning; wrong-account /
     * duplicate bad; anything else unknown.
     */
    public static Tone ofSpnStatus(String id) {
        return switch (id == null ? "" : id) {
            case "ok", "held-by-computer" -> GOOD;
            case "answered-by-host", "answered-through-host", "optional", "optional-absent", "not-needed" -> FINE;
            case "missing", "missing-needed" -> WARNING;
            case "wrong-account", "duplicate" -> BAD;
            default -> UNKNOWN;
        };
    }
}
