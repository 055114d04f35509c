package io.github.spndoctor.core.lookup;

import java.util.Locale;

/**
 * Where one candidate SPN stands for the client at hand, in words a person reads at a glance. Only the first two and
 * {@link #MISSING_NEEDED} are problems; {@link #ANSWERED_BY_HOST} is how a healthy computer normally answers for
 * {@code HTTP/}, {@link #MISSING_NOT_NEEDED} is a warning (a {@code WSMAN/} SPN other clients would miss), and
 * {@link #OPTIONAL_ABSENT} is an SPN nobody needs unless a client opts in to it.
 */
public enum SpnStatus {
    /** Held by one account that is not the target computer: tickets are encrypted for the wrong key. */
    WRONG_ACCOUNT("wrong account", true),
    /** Held by two or more accounts: the KDC cannot tell which key to use. */
    DUPLICATE("duplicate", true),
    /** Held by the target computer alone. */
    HELD_BY_COMPUTER("held by the computer", false),
    /** Nobody holds it explicitly, and the computer's HOST/ SPN stands in for it (fine, not an error). */
    ANSWERED_BY_HOST("answered by the computer's HOST/ SPN", false),
    /** Nobody holds it, and the client at hand asks for it. */
    MISSING_NEEDED("missing, and needed by this client", true),
    /** Nobody holds it; the client at hand does not ask for it, but other clients do (WSMAN/): a warning. */
    MISSING_NOT_NEEDED("missing, not needed by this client", false),
    /** Nobody holds it, and nothing needs it unless a client opts in (port forms, the other name form). */
    OPTIONAL_ABSENT("not registered (optional)", false);

    private final String words;
    private final boolean problem;

    SpnStatus(String words, boolean problem) {
        this.words = words;
        this.problem = problem;
    }

    /** Plain words, e.g. "wrong account". */
    public String words() { return words; }

    /** True when this state breaks Kerberos for the client at hand. */
    public boolean problem() { return problem; }

    /** True when this state is not a problem for the client at hand but other clients would hit it. */
    public boolean warning() { return this == MISSING_NOT_NEEDED; }

    /** Stable id for JSON and style classes, e.g. {@code wrong-account}. */
    public String id() { return name().toLowerCase(Locale.ROOT).replace('_', '-'); }
}
