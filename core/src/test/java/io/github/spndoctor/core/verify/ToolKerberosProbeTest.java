package io.github.spndoctor.core.verify;

import io.github.spndoctor.core.model.Spn;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** How the platform's Kerberos tools are asked and read (moved out of the verifier's test with the verifier). */
class ToolKerberosProbeTest {
    @Test
    void kvnoOutputs_areReadCorrectly() {
        Spn spn = Spn.parse("HTTP/srv003.lab.test");
        assertEquals(TicketCheck.Outcome.WRONG_ACCOUNT, ToolKerberosProbe.interpret(spn, new CommandRunner.Result(1,
                "HTTP/srv003.lab.test@LAB.TEST: kvno = 1, keytab entry invalid\nkvno: Wrong principal in request while decrypting ticket for HTTP/srv003.lab.test@LAB.TEST"), true).outcome());
        assertEquals(TicketCheck.Outcome.ACCEPTED_BY_HOST, ToolKerberosProbe.interpret(spn, new CommandRunner.Result(0,
                "HTTP/srv003.lab.test@LAB.TEST: kvno = 2, keytab entry valid"), true).outcome());
        assertEquals(TicketCheck.Outcome.NOT_FOUND, ToolKerberosProbe.interpret(spn, new CommandRunner.Result(1,
                "kvno: Server not found in Kerberos database while getting credentials for WSMAN/srv003.lab.test@LAB.TEST"), false).outcome());
        assertEquals(TicketCheck.Outcome.UNAVAILABLE, ToolKerberosProbe.interpret(spn, new CommandRunner.Result(1,
                "kvno: No credentials cache found (filename: /tmp/krb5cc_0) while getting client principal name"), false).outcome());
        assertEquals(TicketCheck.Outcome.ISSUED, ToolKerberosProbe.interpret(spn, new CommandRunner.Result(0,
                "HTTP/srv003.lab.test@LAB.TEST: kvno = 2"), false).outcome());
        assertEquals(TicketCheck.Outcome.ISSUED, ToolKerberosProbe.interpret(spn, new CommandRunner.Result(0,
                "Current LogonId is 0:0x3e7\nA ticket to HTTP/srv003.lab.test has been retrieved successfully.\n"), false).outcome());
        assertEquals(TicketCheck.Outcome.FAILED, ToolKerberosProbe.interpret(spn, new CommandRunner.Result(3, "something odd"), false).outcome());
    }

    @Test
    void command_isKvnoWithKeytab_orKlistGetOnWindows() {
        Spn spn = Spn.parse("HTTP/srv003.lab.test");
        assertEquals(List.of("kvno", "-k", "/lab/keytabs/SRV003.keytab", "HTTP/srv003.lab.test"),
                new ToolKerberosProbe(CommandRunner.PROCESS, false, Optional.of(Path.of("/lab/keytabs/SRV003.keytab")), Map.of()).command(spn));
        assertEquals(List.of("klist", "get", "HTTP/srv003.lab.test"),
                new ToolKerberosProbe(CommandRunner.PROCESS, true, Optional.empty(), Map.of()).command(spn));
    }

    @Test
    void missingTool_isUnavailable_notAFailureOfTheFix() {
        CommandRunner none = (cmd, env) -> { throw new java.io.IOException("Cannot run program \"kvno\""); };
        TicketCheck t = new ToolKerberosProbe(none, false, Optional.empty(), Map.of()).requestTicket(Spn.parse("HTTP/x"));
        assertEquals(TicketCheck.Outcome.UNAVAILABLE, t.outcome());
    }
}
