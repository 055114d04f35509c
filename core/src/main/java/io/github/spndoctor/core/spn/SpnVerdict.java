package io.github.spndoctor.core.spn;

/** What the directory's answer means for WinRM on the target. The ids are a JSON contract. */
public enum SpnVerdict {
    /** The computer's own key: WinRM can read the ticket. */
    RIGHT_ACCOUNT("right-account", "the ticket is encrypted for the computer, so WinRM can read it"),
    /** A service account (or another computer) answers: the host cannot decrypt the ticket (0x80090322). */
    WRONG_ACCOUNT("wrong-account", "the ticket is encrypted for the wrong account"),
    /** Two or more accounts hold it: the KDC refuses the request. */
    NOT_UNIQUE("not-unique", "two or more accounts hold it, so the KDC refuses to issue a ticket"),
    /** Nobody holds it (nor HOST/ through sPNMappings): principal unknown; Windows falls back to NTLM. */
    NO_ACCOUNT("no-account", "no account holds it, so the KDC answers \"principal unknown\""),
    /** Kerberos is not used for this name. */
    NO_KERBEROS("no-kerberos", "Kerberos is not used for this name");

    private final String id;
    private final String words;

    SpnVerdict(String id, String words) {
        this.id = id;
        this.words = words;
    }

    public String id() { return id; }

    /** The verdict in plain words, for the end of a sentence. */
    public String words() { return words; }
}
