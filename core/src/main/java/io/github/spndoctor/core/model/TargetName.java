package io.github.spndoctor.core.model;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The name a user typed to reach a server (what WinRM puts into {@code HTTP/<name>}), with its short and fully
 * qualified forms where they can be known from the text. Immutable.
 *
 * <p>{@code TargetName.parse("srv003.rwwilden01.local")} gives short {@code srv003} and FQDN
 * {@code srv003.rwwilden01.local}; {@code TargetName.parse("DYNAMICS-CRM")} gives short {@code DYNAMICS-CRM} and no
 * FQDN until the directory supplies the computer's dNSHostName.
 */
public record TargetName(String asTyped, String shortName, Optional<String> fqdn, Kind kind) {
    /** Longest DNS name (RFC 1035). */
    public static final int MAX_LENGTH = 253;
    private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9_]([A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?");
    private static final Pattern IPV4 = Pattern.compile("(25[0-5]|2[0-4]\\d|1?\\d?\\d)(\\.(25[0-5]|2[0-4]\\d|1?\\d?\\d)){3}");

    /** What sort of name was typed. */
    public enum Kind { SHORT, FQDN, IPV4, IPV6, LOCALHOST }

    /**
     * Parses a target as typed. Accepts a host name, FQDN, IP address, or a URL / UNC path / DOMAIN\host form that a
     * user may paste, from which the host is taken.
     *
     * @throws IllegalArgumentException with a plain message when the text is not a usable host name
     */
    public static TargetName parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("Enter the name of the server you connect to, e.g. srv003 or srv003.contoso.com.");
        }
        String s = text.strip();
        if (s.length() > 1024) {
            throw new IllegalArgumentException("That is not a server name: it is " + s.length() + " characters long.");
        }
        s = s.replaceFirst("(?i)^[a-z][a-z0-9+.-]*://", "");   // http://host:5985/wsman
        s = s.replaceFirst("^\\\\\\\\", "");                    // \\host\share
        int cut = indexOfAny(s, "/\\");
        if (cut > 0) {
            s = s.substring(0, cut);
        }
        if (s.startsWith("[") && s.contains("]")) {
            String ip = s.substring(1, s.indexOf(']'));
            return new TargetName(ip, ip, Optional.empty(), Kind.IPV6);
        }
        if (s.chars().filter(c -> c == ':').count() >= 2 && s.matches("[0-9A-Fa-f:.%a-zA-Z0-9]+")) {
            return new TargetName(s, s, Optional.empty(), Kind.IPV6);
        }
        int colon = s.indexOf(':');
        if (colon > 0) {
            s = s.substring(0, colon);
        }
        if (s.endsWith(".")) {
            s = s.substring(0, s.length() - 1);
        }
        if (IPV4.matcher(s).matches()) {
            return new TargetName(s, s, Optional.empty(), Kind.IPV4);
        }
        if (s.equalsIgnoreCase("localhost")) {
            return new TargetName(s, s, Optional.empty(), Kind.LOCALHOST);
        }
        if (s.isEmpty() || s.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("'" + abbreviate(text.strip()) + "' is not a server name.");
        }
        for (String label : s.split("\\.", -1)) {
            if (!LABEL.matcher(label).matches()) {
                throw new IllegalArgumentException("'" + abbreviate(s) + "' is not a valid host name: use letters, digits and '-' in dot-separated parts.");
            }
        }
        int dot = s.indexOf('.');
        if (dot < 0) {
            return new TargetName(s, s, Optional.empty(), Kind.SHORT);
        }
        return new TargetName(s, s.substring(0, dot), Optional.of(s), Kind.FQDN);
    }

    private static int indexOfAny(String s, String chars) {
        for (int i = 0; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }

    private static String abbreviate(String s) {
        return s.length() > 60 ? s.substring(0, 57) + "..." : s;
    }

    /** True when Kerberos can be used with this name at all (not an IP address or localhost). */
    public boolean isDnsName() {
        return kind == Kind.SHORT || kind == Kind.FQDN;
    }

    /** The computer account name AD would give this host: {@code SHORT$} upper-cased. */
    public String computerSamAccountName() {
        return shortName.toUpperCase(Locale.ROOT) + "$";
    }

    /** A copy that also knows the FQDN (from the computer's dNSHostName), keeping what was typed. */
    public TargetName withFqdn(String dnsHostName) {
        return new TargetName(asTyped, shortName, Optional.ofNullable(dnsHostName), kind);
    }
}
