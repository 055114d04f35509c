package io.github.spndoctor.core.model;

import java.util.Objects;

/**
 * What a directory connection is, for the mode banner shown on every page and for journals:
 * demo or live, which server, as whom, and whether changes are allowed. Holds no secret.
 */
public record DirectoryInfo(boolean demo, String server, String boundIdentity, boolean readOnly) {
    public DirectoryInfo {
        Objects.requireNonNull(server, "server");
        boundIdentity = boundIdentity == null || boundIdentity.isBlank() ? "anonymous" : boundIdentity;
    }

    /** E.g. "DEMO · built-in demo directory · changes allowed" or "LIVE · dc1.lab.test:636 · alice@lab.test · read-only". */
    public String banner() {
        return (demo ? "DEMO" : "LIVE") + " · " + server + " · " + boundIdentity + " · "
                + (readOnly ? "read-only" : "changes allowed");
    }
}
