package io.github.spndoctor.core.directory.connect;

import java.util.Locale;
import java.util.Objects;

/**
 * How a server certificate is validated. There is deliberately no "trust everything": the weakest option is
 * pinning one certificate by its SHA-256 fingerprint after the user has seen it. Immutable.
 *
 * @param kind  SYSTEM (the JVM's trust store), CA_FILE (PEM file with one or more CA certificates) or FINGERPRINT
 * @param value the PEM path for CA_FILE, the normalised fingerprint for FINGERPRINT, null for SYSTEM
 */
public record Trust(Kind kind, String value) {
    /** Trust sources. */
    public enum Kind { SYSTEM, CA_FILE, FINGERPRINT }

    public Trust {
        Objects.requireNonNull(kind, "kind");
        if (kind == Kind.SYSTEM) {
            value = null;
        } else if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(kind == Kind.CA_FILE ? "No CA file given." : "No fingerprint given.");
        } else if (kind == Kind.FINGERPRINT) {
            value = normaliseFingerprint(value);
        }
    }

    public static Trust system() { return new Trust(Kind.SYSTEM, null); }

    public static Trust caFile(String pemPath) { return new Trust(Kind.CA_FILE, pemPath); }

    public static Trust fingerprint(String sha256) { return new Trust(Kind.FINGERPRINT, sha256); }

    /**
     * Accepts {@code AB:CD:...}, {@code abcd...}, {@code SHA256:ab cd ...}; returns upper-case colon-separated pairs.
     *
     * @throws IllegalArgumentException when it is not 32 bytes of hex
     */
    public static String normaliseFingerprint(String text) {
        String s = text.strip();
        if (s.toLowerCase(Locale.ROOT).startsWith("sha256:") || s.toLowerCase(Locale.ROOT).startsWith("sha-256:")) {
            s = s.substring(s.indexOf(':') + 1);
        }
        String hex = s.replaceAll("[\\s:-]", "").toUpperCase(Locale.ROOT);
        if (!hex.matches("[0-9A-F]{64}")) {
            throw new IllegalArgumentException("A SHA-256 fingerprint is 64 hex digits (32 bytes, colons optional).");
        }
        StringBuilder sb = new StringBuilder(95);
        for (int i = 0; i < 64; i += 2) {
            if (i > 0) {
                sb.append(':');
            }
            sb.append(hex, i, i + 2);
        }
        return sb.toString();
    }
}
