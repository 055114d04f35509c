package io.github.spndoctor.core.evidence;

import java.io.IOException;
import java.io.Writer;
import java.util.Random;

/**
 * Seeded generator of Windows event XML in the event schema: a mix of events SPN Doctor uses (4, 4769, 4771, 11,
 * 40970, 4020, WinRM with a code) and filler it does not (7036, 4624 …), with random names. Same seed, same file.
 */
final class EventXmlGenerator {
    private static final String NS = "http://schemas.microsoft.com/win/2004/08/events/event";
    private final Random r;
    /** How many used events were written, and the SPN of the last event 4. */
    int used;
    String lastEvent4Spn;

    EventXmlGenerator(long seed) {
        r = new Random(seed);
    }

    /** Writes {@code n} events; with {@code wrapper} inside {@code <Events>}; every {@code usefulEvery}-th one is used. */
    void write(Writer w, int n, boolean wrapper, int usefulEvery) throws IOException {
        if (wrapper) {
            w.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Events>\n");
        }
        for (int i = 0; i < n; i++) {
            w.write(i % usefulEvery == 0 ? useful(i) : filler(i));
            w.write('\n');
        }
        if (wrapper) {
            w.write("</Events>\n");
        }
    }

    private String host() {
        return "srv" + (100 + r.nextInt(900)) + "." + (r.nextBoolean() ? "contoso.com" : "lab.test");
    }

    private String system(String provider, int id, String channel, long record) {
        return "<System><Provider Name=\"" + provider + "\" Guid=\"{" + Long.toHexString(r.nextLong()) + "}\"/>"
                + "<EventID>" + id + "</EventID><Version>0</Version><Level>" + r.nextInt(5) + "</Level><Task>0</Task>"
                + "<Keywords>0x8000000000000000</Keywords><TimeCreated SystemTime=\"2026-12-01T" + String.format("%02d:%02d:%02d",
                r.nextInt(24), r.nextInt(60), r.nextInt(60)) + ".0000000Z\"/><EventRecordID>" + record + "</EventRecordID>"
                + "<Correlation/><Execution ProcessID=\"" + r.nextInt(9000) + "\" ThreadID=\"" + r.nextInt(9000) + "\"/>"
                + "<Channel>" + channel + "</Channel><Computer>" + host() + "</Computer><Security/></System>";
    }

    String useful(int i) {
        used++;
        String spn = (r.nextBoolean() ? "HTTP/" : "WSMAN/") + host();
        return switch (r.nextInt(6)) {
            case 0 -> {
                lastEvent4Spn = spn;
                yield "<Event xmlns=\"" + NS + "\">" + system("Microsoft-Windows-Security-Kerberos", 4, "System", i)
                        + "<EventData><Data Name=\"Server\">" + host().replaceFirst("\\..*", "\\$") + "</Data><Data Name=\"TargetName\">"
                        + spn + "</Data></EventData></Event>";
            }
            case 1 -> "<Event xmlns=\"" + NS + "\">" + system("Microsoft-Windows-Security-Auditing", 4769, "Security", i)
                    + "<EventData><Data Name=\"TargetUserName\">user" + r.nextInt(500) + "@CONTOSO.COM</Data>"
                    + "<Data Name=\"ServiceName\">" + spn + "</Data><Data Name=\"TicketEncryptionType\">0x12</Data>"
                    + "<Data Name=\"IpAddress\">::ffff:10.0." + r.nextInt(255) + "." + r.nextInt(255) + "</Data>"
                    + "<Data Name=\"Status\">" + new String[]{"0x7", "0x8", "0xE", "0x1B", "0x25"}[r.nextInt(5)] + "</Data></EventData></Event>";
            case 2 -> "<Event xmlns=\"" + NS + "\">" + system("Microsoft-Windows-Security-Auditing", 4771, "Security", i)
                    + "<EventData><Data Name=\"TargetUserName\">u" + r.nextInt(99) + "</Data><Data Name=\"ServiceName\">krbtgt/CONTOSO.COM"
                    + "</Data><Data Name=\"Status\">0x18</Data></EventData></Event>";
            case 3 -> "<Event xmlns=\"" + NS + "\">" + system("Microsoft-Windows-Kerberos-Key-Distribution-Center", 11, "System", i)
                    + "<EventData><Data>" + spn + "</Data><Data>2</Data></EventData></Event>";
            case 4 -> "<Event xmlns=\"" + NS + "\">" + system("LsaSrv", 40970, "System", i)
                    + "<EventData><Data Name=\"Spn\">" + spn + "/contoso.com</Data></EventData></Event>";
            default -> "<Event xmlns=\"" + NS + "\">" + system("Microsoft-Windows-NTLM", 4020 + r.nextInt(4),
                    "Microsoft-Windows-NTLM/Operational", i) + "<EventData><Data Name=\"TargetName\">" + spn
                    + "</Data></EventData></Event>";
        };
    }

    String filler(int i) {
        return switch (r.nextInt(3)) {
            case 0 -> "<Event xmlns=\"" + NS + "\">" + system("Service Control Manager", 7036, "System", i)
                    + "<EventData><Data Name=\"param1\">Service " + r.nextInt(300) + " &amp; friends</Data>"
                    + "<Data Name=\"param2\">running</Data><Binary>" + Long.toHexString(r.nextLong()) + "</Binary></EventData></Event>";
            case 1 -> "<Event xmlns=\"" + NS + "\">" + system("Microsoft-Windows-Security-Auditing", 4624, "Security", i)
                    + "<EventData><Data Name=\"SubjectUserSid\">S-1-5-18</Data><Data Name=\"TargetUserName\">user"
                    + r.nextInt(999) + "</Data><Data Name=\"LogonType\">3</Data><Data Name=\"IpAddress\">10.0.0."
                    + r.nextInt(255) + "</Data><Data Name=\"AuthenticationPackageName\">Kerberos</Data></EventData></Event>";
            default -> "<Event xmlns=\"" + NS + "\">" + system("Microsoft-Windows-WinRM", 91, "Microsoft-Windows-WinRM/Operational", i)
                    + "<EventData><Data Name=\"resourceUri\">http://schemas.microsoft.com/powershell/Microsoft.PowerShell</Data>"
                    + "<Data Name=\"shellId\">" + Long.toHexString(r.nextLong()) + "</Data></EventData>"
                    + "<RenderingInfo Culture=\"en-US\"><Message>Creating WSMan shell on server with ResourceUri: "
                    + "http://schemas.microsoft.com/powershell/Microsoft.PowerShell</Message></RenderingInfo></Event>";
        };
    }
}
