package io.github.spndoctor.app.cli;

import io.github.spndoctor.core.session.ClientChoice;
import io.github.spndoctor.core.session.RepairSession;
import io.github.spndoctor.core.spn.ClientSettings;
import io.github.spndoctor.core.spn.WinrmClient;
import picocli.CommandLine.Option;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * {@code --client ID} for the commands that assess a host ({@code lookup}, {@code diagnose}, {@code remedies}): the
 * session's client as the wizard's Look up picker sets it. Without it the session's own rule holds — the client the
 * text names, else Windows PowerShell (core {@link ClientChoice}). A picocli mixin.
 */
public final class SessionClient {
    @Option(names = "--client", paramLabel = "ID", description = "The client that connects (see spn --list-clients); "
            + "default: the one the error text names, else powershell.")
    String client;

    /** Makes the chosen client the session's (after {@code describe}); nothing when none was given. */
    public void applyTo(RepairSession session) {
        if (client != null) {
            WinrmClient c = WinrmClient.byId(client).orElseThrow(() -> new IllegalArgumentException("Unknown client '"
                    + (client.length() > 40 ? client.substring(0, 37) + "..." : client) + "'. Known: "
                    + Arrays.stream(WinrmClient.values()).map(WinrmClient::id).collect(Collectors.joining(", ")) + "."));
            session.useClient(c, ClientSettings.DEFAULT);
        }
    }

    /** "Client: PowerShell (…) — named in your text", the line the commands print. */
    static String line(ClientChoice c) {
        return "Client:   " + c.sentence();
    }
}
