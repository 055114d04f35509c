package io.github.spndoctor.core.render;

import io.github.spndoctor.core.model.SpnChange;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * LDIF (RFC 2849) for single-value servicePrincipalName changes. Values that are not "safe strings" (non-ASCII,
 * leading space, colon or '&lt;', trailing space, control characters) are base64-encoded, so any DN or SPN
 * round-trips. Pure functions.
 */
public final class Ldif {
    private Ldif() {}

    /** One modify record: {@code dn / changetype: modify / add|delete: servicePrincipalName / value / -}. */
    public static String modify(SpnChange change) {
        String op = change instanceof SpnChange.Add ? "add" : "delete";
        return line("dn", change.account().dn()) + "\n"
                + "changetype: modify\n"
                + op + ": servicePrincipalName\n"
                + line("servicePrincipalName", change.spn().toString()) + "\n"
                + "-\n";
    }

    /** {@code name: value} or {@code name:: base64} as RFC 2849 requires. */
    public static String line(String name, String value) {
        return safe(value) ? name + ": " + value
                : name + ":: " + Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
    }

    static boolean safe(String v) {
        if (v.isEmpty()) {
            return true;
        }
        char first = v.charAt(0);
        if (first == ' ' || first == ':' || first == '<' || v.charAt(v.length() - 1) == ' ') {
            return false;
        }
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == 0 || c == '\n' || c == '\r' || c > 126) {
                return false;
            }
        }
        return true;
    }
}
