package io.github.spndoctor.app.ui;

import io.github.spndoctor.core.directory.DirectoryException;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** Turns a failure into the sentence a person reads first and the technical detail behind "Details". */
public final class ErrorText {
    private ErrorText() {}

    /** The plain message. */
    public static String message(Throwable t) {
        Throwable e = unwrap(t);
        String m = e.getMessage();
        if (m == null || m.isBlank()) {
            return Messages.get("error.unexpected", e.getClass().getSimpleName());
        }
        return m;
    }

    /** Technical detail for the Details area (LDAP result code and server message, or the exception type). */
    public static String detail(Throwable t) {
        Throwable e = unwrap(t);
        if (e instanceof DirectoryException d) {
            return d.kind() + (d.detail().isEmpty() ? "" : ": " + d.detail());
        }
        StringBuilder sb = new StringBuilder(e.getClass().getName());
        for (Throwable c = e.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
            sb.append("\ncaused by ").append(c.getClass().getName());
            if (c.getMessage() != null) {
                sb.append(": ").append(c.getMessage());
            }
        }
        return sb.toString();
    }

    private static Throwable unwrap(Throwable t) {
        Throwable e = t;
        while ((e instanceof ExecutionException || e instanceof CompletionException) && e.getCause() != null) {
            e = e.getCause();
        }
        return e;
    }
}
