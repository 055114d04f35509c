package io.github.spndoctor.core.probe;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * Whose Kerberos identity the probe uses. Never logged, never written: {@link #toString()} hides the password.
 */
public sealed interface ProbeCredentials {
    /**
     * The user's own Kerberos session: on Linux/macOS the ticket cache ({@code ccache}, default KRB5CCNAME) with its
     * ticket-granting ticket; on Windows the logon session through the JDK's native GSS bridge
     * ({@code sun.security.jgss.native=true}). Service tickets the probe gets stay in its own Subject; the user's
     * cache is only read.
     */
    record Session(Optional<Path> ccache) implements ProbeCredentials {
        public Session {
            Objects.requireNonNull(ccache, "ccache");
        }

        public static Session defaultCache() { return new Session(Optional.empty()); }
    }

    /** A principal and password entered by the user, held in memory only; {@link #clear()} wipes it. */
    final class Password implements ProbeCredentials {
        private final String principal;
        private final char[] password;

        public Password(String principal, char[] password) {
            this.principal = Objects.requireNonNull(principal, "principal");
            this.password = password.clone();
        }

        public String principal() { return principal; }

        /** A copy of the password; the caller wipes it after use. */
        public char[] password() { return password.clone(); }

        public void clear() { Arrays.fill(password, '\0'); }

        @Override
        public String toString() { return "Password[" + principal + ", ****]"; }
    }

    /** No Kerberos identity: only the steps that need none run. */
    record None() implements ProbeCredentials {}
}
