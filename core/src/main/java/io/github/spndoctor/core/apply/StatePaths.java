package io.github.spndoctor.core.apply;

import java.nio.file.Path;

/**
 * Where SPN Doctor keeps its journals and audit log: {@code ~/.spn-doctor/} unless the system property
 * {@code spndoctor.home} names another directory (tests, portable installs). Pure functions.
 */
public final class StatePaths {
    public static final String HOME_PROPERTY = "spndoctor.home";

    private StatePaths() {}

    public static Path home() {
        String p = System.getProperty(HOME_PROPERTY);
        return p != null && !p.isBlank() ? Path.of(p) : Path.of(System.getProperty("user.home"), ".spn-doctor");
    }

    public static Path journals() { return home().resolve("journals"); }

    public static Path auditLog() { return home().resolve("audit.log"); }
}
