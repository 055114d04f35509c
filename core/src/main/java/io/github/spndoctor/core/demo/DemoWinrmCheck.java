package io.github.spndoctor.core.demo;

import io.github.spndoctor.core.model.Spn;
import org.apache.kerby.kerberos.kerb.KrbErrorCode;
import org.apache.kerby.kerberos.kerb.KrbException;
import org.apache.kerby.kerberos.kerb.type.ticket.SgtTicket;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;

/**
 * "Connect with WinRM" on the demo, the way a Windows client does: ask the demo KDC for {@code HTTP/<name as typed>},
 * send the ticket to the host's demo WinRM listener in an authenticated WS-Management request, and report what the
 * host said. Blocks for milliseconds; never on the UI thread.
 */
public final class DemoWinrmCheck {
    /** The answer. {@code httpStatus} is 0 when no request was sent (the KDC refused). */
    public record Result(String host, Spn spn, boolean accepted, int httpStatus, String reason) {
        /** One line for a console. */
        public String line() {
            return (accepted ? "accepted" : "rejected") + ": " + host + " (" + spn + ")"
                    + (httpStatus > 0 ? " HTTP " + httpStatus : "") + (reason.isEmpty() ? "" : " - " + reason);
        }
    }

    private DemoWinrmCheck() {}

    public static Result connect(DemoKerberos kerberos, String host) {
        Spn spn = Spn.of("HTTP", host);
        SgtTicket ticket;
        try {
            ticket = kerberos.client().serviceTicket(spn);
        } catch (KrbException e) {
            String why = e.getKrbErrorCode() == KrbErrorCode.KDC_ERR_S_PRINCIPAL_UNKNOWN
                    ? "the KDC refused the ticket: KDC_ERR_S_PRINCIPAL_UNKNOWN (no single account holds " + spn + ")"
                    : "the KDC refused the ticket: " + (e.getKrbErrorCode() == null ? e.getMessage() : e.getKrbErrorCode().name());
            return new Result(host, spn, false, 0, why);
        }
        InetSocketAddress a = kerberos.winrmAddress();
        try (Socket s = new Socket(a.getAddress(), a.getPort())) {
            s.setSoTimeout(10_000);
            String token = Base64.getEncoder().encodeToString(DemoClient.negotiateToken(ticket));
            String body = "<s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\"><s:Body><wsmid:Identify "
                    + "xmlns:wsmid=\"http://schemas.dmtf.org/wbem/wsman/identity/1/wsmanidentity.xsd\"/></s:Body></s:Envelope>";
            byte[] b = body.getBytes(StandardCharsets.UTF_8);
            String req = "POST /wsman HTTP/1.1\r\nHost: " + host + ":5985\r\nAuthorization: Negotiate " + token
                    + "\r\nContent-Type: application/soap+xml;charset=UTF-8\r\nContent-Length: " + b.length
                    + "\r\nConnection: close\r\n\r\n";
            s.getOutputStream().write(req.getBytes(StandardCharsets.US_ASCII));
            s.getOutputStream().write(b);
            InputStream in = s.getInputStream();
            String response = new String(in.readNBytes(256 * 1024), StandardCharsets.ISO_8859_1);
            int status = Integer.parseInt(response.lines().findFirst().orElse("HTTP/1.1 0").split(" ")[1]);
            String reason = response.lines().filter(l -> l.toLowerCase(Locale.ROOT).startsWith("x-demo-reason:"))
                    .map(l -> l.substring(l.indexOf(':') + 1).strip()).findFirst().orElse("");
            return new Result(host, spn, status == 200, status, status == 200 ? "the host decrypted the ticket with its own key" : reason);
        } catch (IOException | KrbException | RuntimeException e) {
            return new Result(host, spn, false, 0, "the demo WinRM listener did not answer: " + e.getMessage());
        }
    }
}
