package io.github.spndoctor.core.render;

/** Counted nouns with the right plural ("1 change", "2 changes"). */
public final class Words {
    private Words() {}

    public static String count(int n, String singular, String plural) {
        return n + " " + (n == 1 ? singular : plural);
    }

    public static String changes(int n) { return count(n, "change", "changes"); }
}
