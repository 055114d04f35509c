package io.github.spndoctor.core.remedy;

import java.util.Objects;

/**
 * One remedy as offered for a particular host and client: what it is called, what it does, whether SPN Doctor
 * recommends it, whether it writes to the directory, whether it fits at all, why (in plain words with the real names),
 * and its risk. Immutable. The wizard's Remedy page and {@code spn-doctor remedies} show exactly these.
 *
 * @param id                  stable remedy id ({@code remove-spn}, {@code port-spn}, ...), see {@link Remedies}; for
 *                            details and JSON, not for the main text
 * @param recommended         true for the remedy the evidence supports (at most one; none on a healthy host)
 * @param needsDirectoryWrite true when applying it changes servicePrincipalName values (needs rights)
 * @param applicable          true when the remedy fits this host and this client
 * @param why                 why it does not fit, why it is recommended, or when it would help; never empty
 * @param risk                what can go wrong or what it weakens, in a sentence
 * @param fitsCause           true when it fixes the cause the verdict found: the recommended remedy, or another one
 *                            the catalogue names for that cause; false on a healthy or unknown host
 */
public record RemedyOption(String id, String title, String description, boolean recommended,
                           boolean needsDirectoryWrite, boolean applicable, String why, String risk, boolean fitsCause) {
    public RemedyOption {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(description, "description");
        why = why == null ? "" : why;
        risk = risk == null ? RemedyRisks.of(id) : risk;
    }

    /** An option not yet weighed against a verdict ({@code fitsCause} false). */
    public RemedyOption(String id, String title, String description, boolean recommended, boolean needsDirectoryWrite,
                        boolean applicable, String why, String risk) {
        this(id, title, description, recommended, needsDirectoryWrite, applicable, why, risk, false);
    }

    /** An option with the catalogue's risk for {@code id}. */
    public RemedyOption(String id, String title, String description, boolean recommended, boolean needsDirectoryWrite,
                        boolean applicable, String why) {
        this(id, title, description, recommended, needsDirectoryWrite, applicable, why, RemedyRisks.of(id));
    }

    /** Why it does not apply here; empty when it does. */
    public String whyNot() { return applicable ? "" : why; }

    /** A copy with another recommendation, applicability and reason. */
    public RemedyOption with(boolean recommended, boolean applicable, String why) {
        return new RemedyOption(id, title, description, recommended, needsDirectoryWrite, applicable, why, risk, fitsCause);
    }

    /** A copy that fixes the verdict's cause, or not. */
    public RemedyOption fitting(boolean fitsCause) {
        return new RemedyOption(id, title, description, recommended, needsDirectoryWrite, applicable, why, risk, fitsCause);
    }

    @Override
    public String toString() { return title; }
}
