package io.github.spndoctor.app.ui;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Every user-visible string of the wizard, from {@code messages.properties}. Keys with arguments use
 * {@link MessageFormat} syntax ({0}, {1}); mnemonics are marked with '_'. Thread-safe, immutable.
 */
public final class Messages {
    private static final ResourceBundle BUNDLE = ResourceBundle.getBundle("io.github.spndoctor.app.messages", Locale.ROOT);

    private Messages() {}

    /**
     * Reads the texts now, if they have not been read yet: the preloading thread calls this while the toolkit starts,
     * so the first page does not wait for the file (ADR 0105). Safe on any thread; the bundle needs no toolkit.
     */
    public static void readAhead() {
        BUNDLE.getKeys();
    }

    /** The text for {@code key}, formatted with {@code args} when there are any. */
    public static String get(String key, Object... args) {
        String pattern;
        try {
            pattern = BUNDLE.getString(key);
        } catch (MissingResourceException e) {
            throw new IllegalArgumentException("No message for key " + key, e);
        }
        return args.length == 0 ? pattern : new MessageFormat(pattern, Locale.ROOT).format(args);
    }

    /** "1 change" / "3 changes" style plurals: uses {@code key.one} or {@code key.many}. */
    public static String plural(String key, int count) {
        return get(key + (count == 1 ? ".one" : ".many"), count);
    }

    /** As {@link #plural(String, int)}, with further arguments {1}, {2}, ... after the count {0}. */
    public static String plural(String key, int count, Object... more) {
        Object[] args = new Object[more.length + 1];
        args[0] = count;
        System.arraycopy(more, 0, args, 1, more.length);
        return get(key + (count == 1 ? ".one" : ".many"), args);
    }
}
