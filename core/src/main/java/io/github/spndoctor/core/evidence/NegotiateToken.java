package io.github.spndoctor.core.evidence;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * What a Negotiate / Kerberos / NTLM token shows in clear: never a key, a cipher text or a response hash. Produced by
 * {@link NegotiateDecoder}. Immutable.
 *
 * @param kind       the message inside the token
 * @param wrapping   how it was wrapped: "SPNEGO", "GSS-API", or "bare"
 * @param mechanisms the mechanisms a SPNEGO init token offered, in the client's order (names, e.g. "Kerberos")
 * @param realm      the realm of the ticket (AP-REQ), of the server (KRB-ERROR) or of the request (TGS-REQ/AS-REQ)
 * @param serverName the server principal without realm, "HTTP/srv003.lab.test": the SPN the client asked for
 * @param ticketKvno the key version the ticket was encrypted with (AP-REQ; AP-REP: of its encrypted part)
 * @param ticketEtype the encryption type of the ticket (AP-REQ) or of the AP-REP's encrypted part
 * @param errorCode  a KRB-ERROR's error code
 * @param errorText  a KRB-ERROR's e-text, if the KDC or server sent one
 * @param clientName the client principal where it travels in clear (KRB-ERROR cname, AS-REQ/TGS-REQ cname, NTLM user)
 * @param ntlm       NTLM fields in clear, in message order ("DNS computer name" → "srv003.lab.test"); empty for Kerberos
 */
public record NegotiateToken(Kind kind, String wrapping, List<String> mechanisms, Optional<String> realm,
                             Optional<String> serverName, OptionalLong ticketKvno, OptionalInt ticketEtype,
                             OptionalInt errorCode, Optional<String> errorText, Optional<String> clientName,
                             Map<String, String> ntlm) {
    /** The message a token carries. */
    public enum Kind {
        KERBEROS_AP_REQ("a Kerberos AP-REQ (the client presents a service ticket)"),
        KERBEROS_AP_REP("a Kerberos AP-REP (the server accepted the ticket)"),
        KERBEROS_ERROR("a Kerberos KRB-ERROR"),
        KERBEROS_TGS_REQ("a Kerberos TGS-REQ (a request for a service ticket)"),
        KERBEROS_AS_REQ("a Kerberos AS-REQ (a logon request)"),
        NTLM_NEGOTIATE("an NTLM NEGOTIATE message: this client used NTLM, not Kerberos"),
        NTLM_CHALLENGE("an NTLM CHALLENGE message: the server answered with NTLM, not Kerberos"),
        NTLM_AUTHENTICATE("an NTLM AUTHENTICATE message: this client used NTLM, not Kerberos"),
        SPNEGO_ONLY("a SPNEGO message without a Kerberos or NTLM token inside");

        private final String label;

        Kind(String label) { this.label = label; }

        /** Plain words for the kind. */
        public String label() { return label; }

        public boolean ntlm() { return this == NTLM_NEGOTIATE || this == NTLM_CHALLENGE || this == NTLM_AUTHENTICATE; }
    }

    public NegotiateToken {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(wrapping, "wrapping");
        mechanisms = List.copyOf(mechanisms);
        Objects.requireNonNull(realm, "realm");
        Objects.requireNonNull(serverName, "serverName");
        Objects.requireNonNull(ticketKvno, "ticketKvno");
        Objects.requireNonNull(ticketEtype, "ticketEtype");
        Objects.requireNonNull(errorCode, "errorCode");
        Objects.requireNonNull(errorText, "errorText");
        Objects.requireNonNull(clientName, "clientName");
        ntlm = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(ntlm));
    }

    /** The SPN the client asked for (AP-REQ, TGS-REQ, KRB-ERROR sname; NTLM's target name), if the token names one. */
    public Optional<String> requestedSpn() {
        if (serverName.isPresent()) {
            return serverName;
        }
        return Optional.ofNullable(ntlm.get(NtlmMessage.TARGET_SPN));
    }

    /** Plain lines, one fact each: "Server name: HTTP/srv003.lab.test", "Ticket key version: 2", … */
    public List<String> facts() {
        List<String> out = new ArrayList<>();
        out.add("Token: " + kind.label() + (wrapping.equals("bare") ? "" : ", in " + wrapping));
        if (!mechanisms.isEmpty()) {
            out.add("Mechanisms offered: " + String.join(", ", mechanisms));
        }
        serverName.ifPresent(s -> out.add("Server name: " + s));
        realm.ifPresent(r -> out.add("Realm: " + r));
        ticketKvno.ifPresent(k -> out.add((kind == Kind.KERBEROS_AP_REP ? "Key version: " : "Ticket key version: ") + k));
        ticketEtype.ifPresent(e -> out.add((kind == Kind.KERBEROS_AP_REP ? "Encryption type: " : "Ticket encryption type: ")
                + KerberosNames.etype(e)));
        errorCode.ifPresent(c -> out.add("Kerberos error: " + KerberosNames.error(c)));
        errorText.ifPresent(t -> out.add("Error text: " + t));
        clientName.ifPresent(c -> out.add("Client: " + c));
        ntlm.forEach((k, v) -> out.add("NTLM " + k + ": " + v));
        return out;
    }
}
