package io.github.spndoctor.core.remedy;

/**
 * Choices a person makes before a plan is built. Immutable.
 *
 * @param https true when clients connect over HTTPS (port 5986), so port-spn also registers the :5986 forms
 */
public record RemedySettings(boolean https) {
    public static final RemedySettings DEFAULT = new RemedySettings(false);
}
