package io.github.spndoctor.core.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
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
    private static final java.util.Set<String> SERVICE_CLASSES = java.util.Set.of("http", "https", "wsman", "host",
            "restrictedkrbhost", "termsrv", "mssqlsvc", "cifs", "ldap", "gc", "dns");
    private static final Pattern IPV4 = Pattern.compile("(25[0-5]|2[0-4]\\d|1?\\d?\\d)(\\.(25[0-5]|2[0-4]\\d|1?\\d?\\d)){3}");

    /** What sort of name was typed. */
    public enum Kind { SHORT, FQDN, IPV4, IPV6, LOCALHOST }

    /**
     * Parses a target as typed. Accepts a host name, FQDN, IP address, or a URL / UNC path / DOMAIN\\host / SPN form
     * that a user may paste, from which the host is taken.
     *
     * @throws IllegalArgumentException with a plain message when the text is not a usable host name
     */
    public static TargetName parse(String text) {
        return read(text).name();
    }

    /**
     * Reads a target as typed, keeping what else the text said: the port of {@code srv003:5985} or
     * {@code HTTP/srv003.contoso.com:5985}, the NetBIOS domain of {@code CONTOSO\\srv003}, the service class of a
     * pasted SPN. A character that is invisible or only looks like a letter (U+200B, full-width or Cyrillic letters)
     * is refused with a message naming it and its position; so is a port outside 1-65535.
     *
     * @throws IllegalArgumentException with a plain message when the text is not a usable host name
     */
    public static TargetInput read(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("Enter the name of the server you connect to, e.g. srv003 or srv003.contoso.com.");
        }
        String typed = text.strip();
        if (typed.length() > 1024) {
            throw new IllegalArgumentException("That is not a server name: it is " + typed.length() + " characters long.");
        }
        NameCharacters.requirePlain(typed, "server name");
        List<String> notes = new ArrayList<>();
        Optional<String> domain = Optional.empty();
        Optional<String> serviceClass = Optional.empty();
        typed = typed.replaceFirst("(?i)^[a-z][a-z0-9+.-]*://", "");   // http://host:5985/wsman
        if (typed.startsWith("\\\\")) {
            typed = typed.substring(2);                                 // \\host\share
        } else if (typed.indexOf('\\') > 0) {                      // CONTOSO\srv003
            domain = Optional.of(typed.substring(0, typed.indexOf('\\')));
            typed = typed.substring(typed.indexOf('\\') + 1);
            notes.add("The NetBIOS domain " + domain.get() + " was noted; the server is " + cutAtSlash(typed) + ".");
        }
        int slash = typed.indexOf('/');
        if (slash > 0 && slash < typed.length() - 1 && looksLikeServiceClass(typed.substring(0, slash), typed.substring(slash + 1))) {
            serviceClass = Optional.of(typed.substring(0, slash));  // HTTP/srv003.contoso.com:5985
            typed = typed.substring(slash + 1);
            notes.add("This is an SPN (" + serviceClass.get() + "/...); its host " + cutAtSlash(typed).replaceFirst(":.*", "")
                    + " is the server.");
        }
        typed = cutAtSlash(typed);
        if (typed.endsWith("$") && domain.isPresent()) {
            typed = typed.substring(0, typed.length() - 1);                // CONTOSO\SRV003$ names the computer account
        }
        if (typed.startsWith("[") && typed.contains("]")) {
            String ip = typed.substring(1, typed.indexOf(']'));
            OptionalInt port = port(typed.substring(typed.indexOf(']') + 1).replaceFirst("^:", ""), typed.contains("]:"));
            return new TargetInput(new TargetName(ip, ip, Optional.empty(), Kind.IPV6), port, domain, serviceClass, notes);
        }
        if (typed.chars().filter(c -> c == ':').count() >= 2 && typed.matches("[0-9A-Fa-f:.%a-zA-Z0-9]+")) {
            return new TargetInput(new TargetName(typed, typed, Optional.empty(), Kind.IPV6), OptionalInt.empty(), domain, serviceClass, notes);
        }
        OptionalInt port = OptionalInt.empty();
        int colon = typed.indexOf(':');
        if (colon >= 0) {
            port = port(typed.substring(colon + 1), true);
            typed = typed.substring(0, colon);
        }
        return new TargetInput(host(typed, text), port, domain, serviceClass, notes);
    }

    private static TargetName host(String name, String text) {
        if (name.endsWith(".")) {
            name = name.substring(0, name.length() - 1);
        }
        if (IPV4.matcher(name).matches()) {
            return new TargetName(name, name, Optional.empty(), Kind.IPV4);
        }
        if (name.equalsIgnoreCase("localhost")) {
            return new TargetName(name, name, Optional.empty(), Kind.LOCALHOST);
        }
        if (name.isEmpty() || name.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("'" + abbreviate(text.strip()) + "' is not a server name.");
        }
        for (String label : name.split("\\.", -1)) {
            if (!LABEL.matcher(label).matches()) {
                throw new IllegalArgumentException("'" + abbreviate(name) + "' is not a valid host name: use letters, digits and '-' in dot-separated parts.");
            }
        }
        int dot = name.indexOf('.');
        if (dot < 0) {
            return new TargetName(name, name, Optional.empty(), Kind.SHORT);
        }
        return new TargetName(name, name.substring(0, dot), Optional.of(name), Kind.FQDN);
    }

    /** The port after a colon: 1-65535, or a plain message. */
    private static OptionalInt port(String digits, boolean present) {
        if (!present) {
            return OptionalInt.empty();
        }
        if (!digits.matches("\\d{1,9}")) {
            throw new IllegalArgumentException("'" + abbreviate(digits) + "' after the colon is not a port number; a port is 1 to 65535, "
                    + "e.g. srv003:5985.");
        }
        int p = Integer.parseInt(digits);
        if (p < 1 || p > 65535) {
            throw new IllegalArgumentException("Port " + p + " is outside 1-65535; WinRM listens on 5985 (HTTP) or 5986 (HTTPS).");
        }
        return OptionalInt.of(p);
    }

    /** {@code HTTP} in {@code HTTP/srv003}: a known class, or a word without dots before a host with one. */
    private static boolean looksLikeServiceClass(String before, String after) {
        if (SERVICE_CLASSES.contains(before.toLowerCase(Locale.ROOT))) {
            return true;
        }
        return before.matches("[A-Za-z][A-Za-z0-9-]{0,40}") && cutAtSlash(after).contains(".");
    }

    private static String cutAtSlash(String s) {
        int cut = indexOfAny(s, "/\\");
        return cut > 0 ? s.substring(0, cut) : s;
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
