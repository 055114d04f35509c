package io.github.spndoctor.app.page.symptom;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small reader used when the core symptom parser is not available: finds hexadecimal error codes and Kerberos
 * error names, the remoting client, and the target host. Reads at most {@link #SCAN_LIMIT} characters.
 */
public final class BasicSymptomReader implements SymptomReader {
    static final int SCAN_LIMIT = 1_000_000;
    private static final Pattern HEX = Pattern.compile("(?i)\\b0x8[0-9a-f]{7}\\b");
    private static final Pattern KRB = Pattern.compile("\\b(KRB_AP_ERR_[A-Z_]+|KDC_ERR_[A-Z_]+|SEC_E_[A-Z_]+)\\b");
    private static final String HOST = "([A-Za-z0-9][A-Za-z0-9.-]{0,252})";
    private static final List<Pattern> TARGETS = List.of(
            Pattern.compile("(?i)target name used was [A-Za-z]+/" + HOST),
            Pattern.compile("(?i)-ComputerName\\s+['\"]?" + HOST),
            Pattern.compile("(?i)connecting to remote server " + HOST),
            Pattern.compile("(?i)error from the server " + HOST));
    private static final List<String[]> CLIENTS = List.of(
            new String[] {"configuration refresh failed", "Server Manager"},
            new String[] {"server manager", "Server Manager"},
            new String[] {"windows admin center", "Windows Admin Center"},
            new String[] {"enter-pssession", "Enter-PSSession"},
            new String[] {"invoke-command", "Invoke-Command"},
            new String[] {"new-pssession", "New-PSSession"},
            new String[] {"pywinrm", "Ansible / pywinrm"},
            new String[] {"ansible", "Ansible / pywinrm"});

    @Override
    public Recognised read(String text) {
        boolean cut = text.length() > SCAN_LIMIT;
        String s = cut ? text.substring(0, SCAN_LIMIT) : text;
        Set<String> codes = new LinkedHashSet<>();
        Matcher m = HEX.matcher(s);
        while (m.find() && codes.size() < 10) {
            codes.add(m.group().toLowerCase(Locale.ROOT));
        }
        m = KRB.matcher(s);
        while (m.find() && codes.size() < 12) {
            codes.add(m.group(1));
        }
        String lower = s.toLowerCase(Locale.ROOT);
        Optional<String> client = CLIENTS.stream().filter(c -> lower.contains(c[0])).map(c -> c[1]).findFirst();
        Optional<String> target = Optional.empty();
        for (Pattern p : TARGETS) {
            Matcher t = p.matcher(s);
            if (t.find()) {
                String host = t.group(1).replaceAll("[.]+$", "");
                target = Optional.of(host);
                break;
            }
        }
        List<String> other = new ArrayList<>();
        if (lower.contains("kerberos")) {
            other.add(io.github.spndoctor.app.ui.Messages.get("symptom.recognised.auth", "Kerberos"));
        }
        return new Recognised(List.copyOf(codes), client, target, other, cut);
    }
}
