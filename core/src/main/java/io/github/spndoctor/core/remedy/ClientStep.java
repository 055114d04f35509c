package io.github.spndoctor.core.remedy;

import java.util.Objects;

/**
 * A step that is not a directory write: something to run on a client or server (a registry value, a session option,
 * a CredSSP role). {@code script} is the exact text to run; {@code language} names it (powershell, cmd, reg).
 */
public record ClientStep(String title, String explanation, String language, String script) {
    public ClientStep {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(explanation, "explanation");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(script, "script");
    }
}
