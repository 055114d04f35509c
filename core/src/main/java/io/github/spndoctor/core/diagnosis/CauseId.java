package io.github.spndoctor.core.diagnosis;

/**
 * The causes SPN Doctor reports. The {@link #id()} strings are a public contract (docs: causes.md): the CLI's JSON,
 * reports and tests use exactly these.
 */
public enum CauseId {
    HTTP_SPN_ON_SERVICE_ACCOUNT("http-spn-on-service-account"),
    SPN_ON_OTHER_COMPUTER("spn-on-other-computer"),
    DUPLICATE_SPN("duplicate-spn"),
    MISSING_SPN("missing-spn"),
    IP_ADDRESS_NTLM("ip-address-ntlm"),
    CNAME_ALIAS("cname-alias"),
    NAME_RESOLUTION("name-resolution"),
    CROSS_DOMAIN_NO_TRUST("cross-domain-no-trust"),
    BROKEN_SECURE_CHANNEL("broken-secure-channel"),
    TIME_SKEW("time-skew"),
    CREDSSP_DELEGATION_POLICY("credssp-delegation-policy"),
    SECOND_HOP_DELEGATION("second-hop-delegation"),
    ACCESS_DENIED("access-denied"),
    WINRM_UNREACHABLE("winrm-unreachable"),
    UNKNOWN("unknown");

    private final String id;

    CauseId(String id) { this.id = id; }

    /** The public identifier, e.g. {@code http-spn-on-service-account}. */
    public String id() { return id; }

    /** Looks a cause up by its public identifier. */
    public static CauseId fromId(String id) {
        for (CauseId c : values()) {
            if (c.id.equals(id)) {
                return c;
            }
        }
        throw new IllegalArgumentException("Unknown cause id: " + id);
    }
}
