package io.github.spndoctor.core.session;

import io.github.spndoctor.core.diagnosis.NameResolver;
import io.github.spndoctor.core.model.TargetName;
import io.github.spndoctor.core.remedy.Remedies;
import io.github.spndoctor.core.spn.ClientModel;
import io.github.spndoctor.core.spn.ClientSettings;
import io.github.spndoctor.core.spn.Endpoint;
import io.github.spndoctor.core.spn.SpnRequest;
import io.github.spndoctor.core.spn.WinrmClient;
import io.github.spndoctor.core.symptom.Symptom;

import java.util.Objects;

/**
 * The WinRM client that connects to the host, with its settings: the one the user chose (the wizard's client picker,
 * {@code flow --client}), else the one the pasted text names, else Windows PowerShell. It decides which SPN the
 * ticket flow asks for (knowledge.md §7.3: Windows asks for the name as typed, MIT clients follow a CNAME). Immutable.
 *
 * This is the session's one client (ADR 0601): the per-SPN states, the host verdict, the remedy options and the ticket
 * flow all follow it, in the wizard and in the CLI alike.
 *
 * @param source where it comes from: a person's choice, the text, or the default
 */
public record ClientChoice(WinrmClient client, ClientSettings settings, Source source) {
    /** Where the session's client comes from. */
    public enum Source {
        /** A person picked it (the Look up page's picker, {@code --client}). */
        CHOSEN,
        /** The pasted text names it. */
        TEXT,
        /** Nothing names a client: Windows PowerShell, the most common one, is assumed. */
        DEFAULT;

        /** Stable id for JSON: {@code chosen}, {@code text}, {@code default}. */
        public String id() { return name().toLowerCase(java.util.Locale.ROOT); }
    }

    public ClientChoice {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(source, "source");
    }

    /** A person's choice. */
    public static ClientChoice chosen(WinrmClient client, ClientSettings settings) {
        return new ClientChoice(client, settings, Source.CHOSEN);
    }

    /** The client the text names, with default settings; Windows PowerShell (said to be assumed) when it names none. */
    public static ClientChoice recognised(Symptom symptom) {
        return WinrmClient.fromSymptom(symptom).map(c -> new ClientChoice(c, ClientSettings.DEFAULT, Source.TEXT))
                .orElseGet(() -> new ClientChoice(WinrmClient.POWERSHELL, ClientSettings.DEFAULT, Source.DEFAULT));
    }

    /** True when a person picked it (not only recognised in the text or assumed). */
    public boolean chosen() { return source == Source.CHOSEN; }

    /** True when the same client with the same settings (wherever it came from). */
    public boolean sameAs(WinrmClient c, ClientSettings s) { return client == c && settings.equals(s); }

    /**
     * One sentence on which client the findings are for: "Findings for pywinrm (named in your text).", "Findings for
     * PowerShell (…) — your text names no client, so Windows PowerShell is assumed; pick another on the Look up page."
     */
    public String sentence() {
        String name = shortLabel();
        return switch (source) {
            case CHOSEN -> "Checked for " + name + " (your choice).";
            case TEXT -> "Checked for " + name + " (named in your text).";
            case DEFAULT -> "Checked for " + name + ": your text names no client, so Windows PowerShell is assumed.";
        };
    }

    /** The label without its parenthesis: "PowerShell", "Ansible", "Server Manager". */
    public String shortLabel() { return client.shortLabel(); }

    /**
     * What this client asks for when it connects to {@code host}, after the applied fix {@code appliedRemedy} (empty:
     * none): after the port-SPN fix a client that can put the port into the SPN is told to (-IncludePortInSPN); after
     * the prefix fix a client with a service-class setting is set to WSMAN. A client without the setting asks as
     * before, so the picture shows why that fix does not reach it. May ask DNS (MIT clients): blocks.
     */
    public SpnRequest request(TargetName host, String appliedRemedy, NameResolver dns) {
        ClientSettings s = settings;
        if (Remedies.PORT_SPN.equals(appliedRemedy) && client.offersPort()) {
            s = s.withIncludePort(true);
        } else if (Remedies.WSMAN_PREFIX.equals(appliedRemedy) && client.offersPrefix()) {
            s = s.withSpnPrefix("WSMAN");
        }
        return ClientModel.requested(Endpoint.of(host), client, s, dns);
    }
}
