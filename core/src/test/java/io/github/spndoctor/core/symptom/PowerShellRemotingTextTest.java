package io.github.spndoctor.core.symptom;

import io.github.spndoctor.core.spn.WinrmClient;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * "Connecting to remote server X failed with the following error message : …" is PowerShell remoting's own text
 * (Enter-PSSession, Invoke-Command, New-PSSession; knowledge.md §1.3, the real reports r01, r02, r13 …): it names
 * PowerShell as the client, unless the text names a program or cmdlet outright.
 */
class PowerShellRemotingTextTest {
    static final String PS = "Connecting to remote server wac01.contoso.com failed with the following error message : "
            + "WinRM cannot process the request. The following error with errorcode 0x80090322 occurred while using "
            + "Kerberos authentication: An unknown security error occurred.";

    static Optional<WinrmClient> client(String text) {
        return WinrmClient.fromSymptom(SymptomParser.parse(text));
    }

    @Test
    void theRemotingTextNamesPowerShell() {
        assertEquals(Optional.of(WinrmClient.POWERSHELL), client(PS));
        assertEquals(Client.POWERSHELL_REMOTING, SymptomParser.parse(PS).clients().get(0).value());
        // without a server name, as the Common symptoms list has it, and in a transport exception's type name
        assertEquals(Optional.of(WinrmClient.POWERSHELL), client(CommonSymptom.UNKNOWN_SECURITY_ERROR.text()));
        assertEquals(Optional.of(WinrmClient.POWERSHELL), client("+ FullyQualifiedErrorId : PSRemotingTransportException"));
    }

    @Test
    void aClientNamedOutright_comesFirst() {
        assertEquals(Client.INVOKE_COMMAND, SymptomParser.parse("Invoke-Command -ComputerName wac01 -ScriptBlock {} \n" + PS)
                .clients().get(0).value());
        assertEquals(Optional.of(WinrmClient.SERVER_MANAGER), client("Server Manager: " + PS));
    }

    @Test
    void otherTexts_nameNoClient() {
        assertEquals(Optional.empty(), client("The Kerberos client received a KRB_AP_ERR_MODIFIED error from the server."));
        assertEquals(Optional.empty(), client("connecting to remote server"));
    }
}
