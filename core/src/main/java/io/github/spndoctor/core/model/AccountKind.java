package io.github.spndoctor.core.model;

import java.util.Collection;

/**
 * What sort of account holds an SPN. Decided by the most specific objectClass: managed service accounts are
 * subclasses of {@code computer}, so testing {@code objectClass=computer} alone would call them computers.
 */
public enum AccountKind {
    USER("user"),
    COMPUTER("computer"),
    MSA("msa"),
    GMSA("gmsa");

    private final String id;

    AccountKind(String id) { this.id = id; }

    /** The stable identifier used in JSON and reports: user, computer, msa, gmsa. */
    public String id() { return id; }

    /** True for every kind that is not a plain computer account: user, msa and gmsa are service identities. */
    public boolean isServiceAccount() { return this != COMPUTER; }

    /** Classifies an entry by its objectClass values (case-insensitive). Anything unrecognised is a user. */
    public static AccountKind fromObjectClasses(Collection<String> objectClasses) {
        boolean computer = false;
        for (String c : objectClasses) { // equalsIgnoreCase: no lower-cased copy per value (a scan calls this per entry)
            if (c.equalsIgnoreCase("msds-groupmanagedserviceaccount")) {
                return GMSA;
            }
            if (c.equalsIgnoreCase("msds-managedserviceaccount")) {
                return MSA; // keep looking: a gMSA entry would also be matched above
            }
            if (c.equalsIgnoreCase("computer")) {
                computer = true;
            }
        }
        return computer ? COMPUTER : USER;
    }

    /** Looks a kind up by its {@link #id()}. */
    public static AccountKind fromId(String id) {
        for (AccountKind k : values()) {
            if (k.id.equalsIgnoreCase(id)) {
                return k;
            }
        }
        throw new IllegalArgumentException("Unknown account kind: " + id);
    }
}
