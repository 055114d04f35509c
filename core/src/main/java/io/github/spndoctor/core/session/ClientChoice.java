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
 * @param chosen true when a person picked it (not only recognised in the text)
 */
public record ClientChoice(WinrmClient client, ClientSettings settings, boolean chosen) {
    public ClientChoice {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(settings, "settings");
    }

    /** The client the text names, with default settings; Windows PowerShell when it names none. */
    public static ClientChoice recognised(Symptom symptom) {
        return new ClientChoice(WinrmClient.fromSymptom(symptom).orElse(WinrmClient.POWERSHELL), ClientSettings.DEFAULT, false);
    }

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
