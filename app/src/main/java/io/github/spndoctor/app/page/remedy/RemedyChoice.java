package io.github.spndoctor.app.page.remedy;

/**
 * A fix the user can choose: id (remove-spn, port-spn, ...), title, what it does, whether it is recommended,
 * whether it writes to the directory, and — when it does not apply here — why not. Immutable.
 */
public record RemedyChoice(String id, String title, String description, boolean recommended,
                           boolean needsDirectoryWrite, boolean applicable, String whyNot) {
    @Override
    public String toString() { return title; }
}
