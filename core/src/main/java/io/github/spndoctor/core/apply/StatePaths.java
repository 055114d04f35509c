package io.github.spndoctor.core.apply;

import java.nio.file.Path;

/**
 * Where SPN Doctor keeps its journals and audit log: {@code ~/.spn-doctor/} unless the system property
 * {@code spndoctor.home} names another directory (tests, portable installs). What is done to the built-in demo
 * directory is kept apart, under {@code demo/} there ({@code demo/journals/}, {@code demo/audit.log}), so practice
 * and training never mix with the record of real changes. Pure functions.
 */
public final class StatePaths {
    public static final String HOME_PROPERTY = "spndoctor.home";

    private StatePaths() {}

    public static Path home() {
        String p = System.getProperty(HOME_PROPERTY);
        return p != null && !p.isBlank() ? Path.of(p) : Path.of(System.getProperty("user.home"), ".spn-doctor");
    }

    /** The folder for journals of real directories. */
    public static Path journals() { return home().resolve("journals"); }

    /** The folder for journals of writes to a real directory, or to the demo directory. */
    public static Path journals(boolean demo) { return demo ? demoSibling(journals()) : journals(); }

    /** The audit log of real changes; {@link AuditLog} puts demo writes into {@link #demoSibling} of it. */
    public static Path auditLog() { return home().resolve("audit.log"); }

    /**
     * The journal folder under {@code dir} for a connection: the demo directory's journals live apart from the real
     * ones, in {@link #demoSibling} of it (unless {@code dir} is already a demo folder).
     */
    public static Path journalsUnder(Path dir, boolean demo) {
        boolean alreadyDemo = dir.toAbsolutePath().getParent() != null
                && "demo".equals(String.valueOf(dir.toAbsolutePath().getParent().getFileName()));
        return demo && !alreadyDemo ? demoSibling(dir) : dir;
    }

    /** The demo counterpart of a journal folder or audit log: {@code <parent>/demo/<name>}. */
    public static Path demoSibling(Path p) {
        Path abs = p.toAbsolutePath();
        Path parent = abs.getParent();
        return parent == null ? abs.resolveSibling("demo-" + abs.getFileName()) : parent.resolve("demo").resolve(abs.getFileName());
    }
}
