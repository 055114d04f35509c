package io.github.spndoctor.core.verify;

import io.github.spndoctor.core.model.Spn;

/**
 * Asks the KDC for a service ticket. Implementations run a platform tool ({@link ToolKerberosProbe}) so the tests of
 * everything above it need no Kerberos. Calls block; never on the UI thread.
 */
public interface KerberosProbe {
    /** Requests a ticket for {@code spn} and says what happened; never throws for a Kerberos failure. */
    TicketCheck requestTicket(Spn spn);
}
