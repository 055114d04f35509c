package io.github.spndoctor.core.evidence;

import io.github.spndoctor.core.symptom.KnownError;

import java.util.ArrayList;
import java.util.List;

/** A decoded token as evidence: its clear facts (never its encrypted parts). */
final class TokenEvidence {
    private TokenEvidence() {}

    static EvidenceItem item(NegotiateToken t, String file, String where) {
        List<EvidenceFact> f = new ArrayList<>();
        List<KnownError> errors = new ArrayList<>();
        boolean asks = t.kind() == NegotiateToken.Kind.KERBEROS_AP_REQ || t.kind() == NegotiateToken.Kind.KERBEROS_TGS_REQ
                || t.kind() == NegotiateToken.Kind.KERBEROS_ERROR || t.kind() == NegotiateToken.Kind.NTLM_AUTHENTICATE;
        if (asks) {
            t.requestedSpn().ifPresent(s -> EventInterpreter.add(f, EvidenceFact.Type.REQUESTED_SPN, s));
        }
        EventInterpreter.add(f, EvidenceFact.Type.DETAIL, "Token: " + t.kind().label()
                + (t.wrapping().equals("bare") ? "" : ", in " + t.wrapping()));
        t.realm().ifPresent(r -> EventInterpreter.add(f, EvidenceFact.Type.REALM, r));
        t.ticketKvno().ifPresent(k -> EventInterpreter.add(f, EvidenceFact.Type.KEY_VERSION, Long.toString(k)));
        t.ticketEtype().ifPresent(e -> EventInterpreter.add(f, EvidenceFact.Type.ENCRYPTION, KerberosNames.etype(e)));
        t.errorCode().ifPresent(c -> {
            EventInterpreter.add(f, EvidenceFact.Type.ERROR, KerberosNames.error(c));
            switch (c) {
                case 7 -> errors.add(KnownError.KDC_ERR_S_PRINCIPAL_UNKNOWN);
                case 8 -> errors.add(KnownError.KDC_ERR_PRINCIPAL_NOT_UNIQUE);
                case 37 -> errors.add(KnownError.KRB_AP_ERR_SKEW);
                case 41 -> errors.add(KnownError.KRB_AP_ERR_MODIFIED);
                default -> { }
            }
        });
        t.errorText().ifPresent(x -> EventInterpreter.add(f, EvidenceFact.Type.DETAIL, "Error text: " + x));
        t.clientName().ifPresent(c -> EventInterpreter.add(f, EvidenceFact.Type.CLIENT, c));
        if (t.kind().ntlm()) {
            EventInterpreter.add(f, EvidenceFact.Type.NTLM, t.kind() == NegotiateToken.Kind.NTLM_CHALLENGE
                    ? "the server answered with NTLM, not Kerberos" : "the client used NTLM, not Kerberos");
            t.ntlm().forEach((k, v) -> {
                if (!k.equals(NtlmMessage.TARGET_SPN) && !k.equals("user")) {
                    EventInterpreter.add(f, EvidenceFact.Type.DETAIL, "NTLM " + k + ": " + v);
                }
            });
        }
        return new EvidenceItem(file, EvidenceKind.NEGOTIATE_TOKEN, where, f, errors);
    }
}
