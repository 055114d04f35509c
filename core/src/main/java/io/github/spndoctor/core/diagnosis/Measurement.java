package io.github.spndoctor.core.diagnosis;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What a live probe measured, in the terms the diagnosis weighs (kept here so the diagnosis does not depend on the
 * probe). Measured facts outweigh pasted text. Immutable.
 *
 * @param keyOwner whose key the ticket carried, by its key version: the answering account or the computer
 * @param summary  the probe's finding in one sentence, quoted as the evidence
 */
public record Measurement(String host, Optional<String> spn, Result result, KeyOwner keyOwner,
                          OptionalLong clockOffsetSeconds, String summary) {
    /** The decisive outcome. */
    public enum Result { ACCEPTED, REJECTED, PRINCIPAL_UNKNOWN, NOT_UNIQUE, CLOCK_SKEW, UNREACHABLE, NOT_MEASURED }

    /** Whose key the ticket carried. */
    public enum KeyOwner { SERVICE_ACCOUNT, OTHER_COMPUTER, THE_COMPUTER, UNKNOWN }

    public Measurement {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(spn, "spn");
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(keyOwner, "keyOwner");
        Objects.requireNonNull(clockOffsetSeconds, "clockOffsetSeconds");
        Objects.requireNonNull(summary, "summary");
    }
}
