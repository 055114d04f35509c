package io.github.spndoctor.core.probe;

import java.util.Objects;

/**
 * One line of the probe's progress: which step, what it sends, and (once done) what came back. Immutable.
 *
 * @param sends  what the step sends, in one line ("Kerberos: asking the KDC for a ticket to HTTP/srv003.lab.test")
 * @param result empty while running
 */
public record ProbeStep(Kind kind, String sends, String result, Status status) {
    /** The six steps, in order. */
    public enum Kind { DNS, TCP, LISTENER, TICKET, WINRM, CLOCK }

    /** Running, good, bad, or neither (skipped or informational). */
    public enum Status { RUNNING, OK, PROBLEM, INFO }

    public ProbeStep {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(sends, "sends");
        result = result == null ? "" : result;
        Objects.requireNonNull(status, "status");
    }

    static ProbeStep running(Kind kind, String sends) {
        return new ProbeStep(kind, sends, "", Status.RUNNING);
    }

    ProbeStep done(String result, Status status) {
        return new ProbeStep(kind, sends, result, status);
    }
}
