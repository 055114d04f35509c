package io.github.spndoctor.core.session;

import io.github.spndoctor.core.directory.DirectoryException;
import io.github.spndoctor.core.lookup.LookupResult;
import io.github.spndoctor.core.verify.VerifyResult;

import java.util.Objects;
import java.util.Optional;

/**
 * What a repair session knows of its host: the last lookup (or why it failed), the assessment made on it, the last
 * check, and the lookup and assessment the diagnosis was first made on — the report's findings, which later checks do
 * not replace. A lookup overtaken by a newer one or by a stop is not recorded. Not thread-safe: the session's
 * collaborators call it under the session's lock ({@link SessionState}) and never while waiting on the network.
 */
final class Findings {
    private LookupResult lookup;
    private DirectoryException failure;
    private long run;
    private Assessment assessment;
    private LookupResult diagnosedLookup;
    private Assessment diagnosedAssessment;
    private boolean checkedSinceLookup;
    private VerifyResult lastCheck;

    /** A lookup starts: what was known goes; the number identifies this run. */
    long startLookup() {
        lookup = null;
        failure = null;
        assessment = null;
        return ++run;
    }

    /** Records lookup {@code r}'s result; false (nothing recorded) when a newer run or a stop overtook it. */
    boolean looked(long r, LookupResult result) {
        if (r != run) {
            return false;
        }
        lookup = result;
        checkedSinceLookup = false;
        return true;
    }

    /** Records lookup {@code r}'s failure; false when it was overtaken. */
    boolean failed(long r, DirectoryException e) {
        if (r != run) {
            return false;
        }
        failure = e;
        return true;
    }

    /** The user stopped the running lookup: its result is dropped, and {@code why} stands as the failure. */
    void stopped(DirectoryException why) {
        run++;
        lookup = null;
        assessment = null;
        failure = why;
    }

    LookupResult lookup() { return lookup; }

    DirectoryException failure() { return failure; }

    Assessment assessment() { return assessment; }

    /** New evidence (a measurement, answers): the next assessment is made afresh. */
    void invalidate() { assessment = null; }

    /** Keeps {@code a}, made on {@code basis}, unless the lookup changed meanwhile (then false). */
    boolean assessed(Optional<LookupResult> basis, Assessment a) {
        if (!Objects.equals(Optional.ofNullable(lookup), basis)) {
            return false;
        }
        assessment = a;
        if (!checkedSinceLookup) {
            diagnosedLookup = lookup;
            diagnosedAssessment = a;
        }
        return true;
    }

    /** A check re-read the host: its lookup is the current state now; the diagnosed one stays for the report. */
    void checked(VerifyResult v) {
        lastCheck = v;
        if (diagnosedLookup == null && !checkedSinceLookup) {
            diagnosedLookup = lookup;   // the state the plan was made on, for the report
        }
        v.lookup().ifPresent(l -> {
            lookup = l;
            assessment = null;
            checkedSinceLookup = true;
        });
    }

    /** The last check made on this host, or null. */
    VerifyResult lastCheck() { return lastCheck; }

    /** The lookup the report shows: the one diagnosed, else the last. */
    LookupResult reportedLookup() { return diagnosedLookup != null ? diagnosedLookup : lookup; }

    Assessment reportedAssessment() { return diagnosedLookup != null ? diagnosedAssessment : assessment; }

    /** Another host (or another text): everything found goes, and a running lookup is overtaken. */
    void clear() {
        run++;
        diagnosedLookup = null;
        diagnosedAssessment = null;
        checkedSinceLookup = false;
        lookup = null;
        failure = null;
        assessment = null;
        lastCheck = null;
    }
}
