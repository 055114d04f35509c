package io.github.spndoctor.core.symptom;

import java.util.regex.Pattern;

/** An authentication package a text names ("while using Kerberos authentication", {@code transport: ntlm}). Immutable. */
public enum AuthPackage {
    KERBEROS("Kerberos", "\\bkerberos\\b|\\bkrb5\\b|\\bkinit\\b"),
    NEGOTIATE("Negotiate", "\\bnegotiate\\b|\\bspnego\\b"),
    NTLM("NTLM", "\\bntlm\\b"),
    CREDSSP("CredSSP", "\\bcredssp\\b|credentials\\s*delegation|allowfresh\\w*credentials"),
    BASIC("Basic", "-authentication\\s+basic\\b|transport\\W{1,4}basic\\b|\\bbasic\\s+auth");

    private final String label;
    private final Pattern pattern;

    AuthPackage(String label, String regex) {
        this.label = label;
        this.pattern = Pattern.compile(regex);
    }

    public String label() { return label; }

    /** Compiled without case flags: it runs on lower-cased text (see SymptomParser). */
    Pattern pattern() { return pattern; }
}
