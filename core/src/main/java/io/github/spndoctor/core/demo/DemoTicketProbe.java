package io.github.spndoctor.core.demo;

import io.github.spndoctor.core.directory.DirectoryException;
import io.github.spndoctor.core.model.AccountRef;
import io.github.spndoctor.core.model.Spn;
import io.github.spndoctor.core.spn.SpnAnswer;
import io.github.spndoctor.core.verify.KerberosProbe;
import io.github.spndoctor.core.verify.TicketCheck;
import org.apache.kerby.kerberos.kerb.KrbErrorCode;
import org.apache.kerby.kerberos.kerb.KrbException;
import org.apache.kerby.kerberos.kerb.crypto.EncryptionHandler;
import org.apache.kerby.kerberos.kerb.type.base.EncryptedData;
import org.apache.kerby.kerberos.kerb.type.base.EncryptionKey;
import org.apache.kerby.kerberos.kerb.type.base.KeyUsage;
import org.apache.kerby.kerberos.kerb.type.ticket.SgtTicket;

import java.util.List;
import java.util.Optional;

/**
 * The ticket check on the demo, with real tickets: asks the demo KDC for a service ticket and tries to decrypt it
 * with the target computer's own key, as {@code kvno -k host.keytab} does on the lab. Wrong account, duplicate and
 * unknown SPNs come out exactly as on a real domain. Blocks for a few milliseconds; never on the UI thread.
 */
public final class DemoTicketProbe implements KerberosProbe {
    private final DemoKerberos kerberos;
    private final DemoClient client;

    public DemoTicketProbe(DemoKerberos kerberos) {
        this.kerberos = kerberos;
        this.client = kerberos.client();
    }

    @Override
    public TicketCheck requestTicket(Spn spn) {
        SgtTicket ticket;
        try {
            ticket = client.serviceTicket(spn);
        } catch (KrbException e) {
            KrbErrorCode code = e.getKrbErrorCode();
            if (code == KrbErrorCode.KDC_ERR_S_PRINCIPAL_UNKNOWN) {
                return new TicketCheck(spn, TicketCheck.Outcome.NOT_FOUND, "demo KDC: KDC_ERR_S_PRINCIPAL_UNKNOWN (0x7) for " + spn,
                        "The demo KDC found no single account for " + spn + why(spn) + ". A Windows client then falls back to NTLM or fails.");
            }
            return new TicketCheck(spn, TicketCheck.Outcome.FAILED, "demo KDC: " + (code == null ? e.getMessage() + (e.getCause() == null ? "" : " (" + e.getCause() + ")") : code.name()),
                    "The demo KDC refused the ticket request.");
        }
        Optional<AccountRef> computer = kerberos.computerFor(spn.host());
        EncryptedData part = ticket.getTicket().getEncryptedEncPart();
        String issued = "demo KDC: ticket for " + spn + " issued, encrypted with kvno " + part.getKvno() + " ("
                + part.getEType().getName() + ")";
        if (computer.isEmpty()) {
            return new TicketCheck(spn, TicketCheck.Outcome.ISSUED, issued,
                    "The demo KDC issued a ticket for " + spn + "; no demo computer answers to " + spn.host() + ", so nobody tried to read it.");
        }
        AccountRef c = computer.get();
        int kvno = kerberos.kvno(c);
        List<EncryptionKey> hostKeys = kerberos.keys().of(c.dn(), kvno);
        boolean readable = hostKeys.stream().filter(k -> k.getKeyType() == part.getEType()).anyMatch(k -> decrypts(part, k));
        String answer = issued + "\n" + c.samAccountName() + " (kvno " + kvno + "): "
                + (readable ? "decrypts the ticket" : "cannot decrypt the ticket (KRB_AP_ERR_MODIFIED)");
        if (readable) {
            return new TicketCheck(spn, TicketCheck.Outcome.ACCEPTED_BY_HOST, answer,
                    "The demo KDC issued a ticket for " + spn + " and " + c.samAccountName() + "'s own key decrypts it: WinRM will accept it.");
        }
        return new TicketCheck(spn, TicketCheck.Outcome.WRONG_ACCOUNT, answer,
                "The demo KDC issued a ticket for " + spn + holderText(spn) + ", but " + c.samAccountName()
                        + "'s own key cannot decrypt it. This is the condition behind 0x80090322 / KRB_AP_ERR_MODIFIED.");
    }

    private static boolean decrypts(EncryptedData part, EncryptionKey key) {
        try {
            EncryptionHandler.decrypt(part, key, KeyUsage.KDC_REP_TICKET);
            return true;
        } catch (KrbException | RuntimeException e) {
            return false;
        }
    }

    private String why(Spn spn) {
        try {
            SpnAnswer a = kerberos.choose(spn);
            return a.how() == SpnAnswer.How.SEVERAL ? " (it is registered on " + a.holders().size() + " accounts)" : " (nobody holds it)";
        } catch (DirectoryException e) {
            return "";
        }
    }

    private String holderText(Spn spn) {
        try {
            return kerberos.choose(spn).answeredBy().map(h -> " encrypted with " + h.ref().samAccountName() + "'s key").orElse("");
        } catch (DirectoryException e) {
            return "";
        }
    }
}
