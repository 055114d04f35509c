package io.github.spndoctor.core.model;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A service principal name, {@code serviceclass/host[:port][/servicename]}.
 *
 * <p>Immutable and thread-safe. Identity is case-insensitive, as in Active Directory: {@code HTTP/Srv003} equals
 * {@code http/srv003}. {@link #toString()} returns the text as it was written, so a value read from the directory
 * can be written back (for a delete) exactly as stored.
 *
 * <pre>{@code
 * Spn spn = Spn.parse("HTTP/srv003.rwwilden01.local:5985");
 * spn.serviceClass(); // "HTTP"
 * spn.port();         // OptionalInt[5985]
 * }</pre>
 */
public final class Spn {
    /** Longest value we accept; AD's own rangeUpper for servicePrincipalName is 2048. */
    public static final int MAX_LENGTH = 2048;

    private final String serviceClass;
    private final String host;
    private final OptionalInt port;
    private final Optional<String> serviceName;
    private final String text;
    private final String key;

    private Spn(String serviceClass, String host, OptionalInt port, Optional<String> serviceName, String text) {
        this.serviceClass = serviceClass;
        this.host = host;
        this.port = port;
        this.serviceName = serviceName;
        this.text = text;
        this.key = text.toLowerCase(Locale.ROOT);
    }

    /** Builds an SPN from its parts; the text is the canonical {@code class/host[:port]}. */
    public static Spn of(String serviceClass, String host, OptionalInt port) {
        StringBuilder sb = new StringBuilder(serviceClass).append('/').append(host);
        port.ifPresent(p -> sb.append(':').append(p));
        return parse(sb.toString());
    }

    /** Builds an SPN without a port. */
    public static Spn of(String serviceClass, String host) {
        return of(serviceClass, host, OptionalInt.empty());
    }

    /**
     * Parses an SPN.
     *
     * @throws SpnFormatException with a message a person can act on, if the text is not an SPN
     */
    public static Spn parse(String text) {
        if (text == null) {
            throw new SpnFormatException("No SPN given.");
        }
        String raw = text.strip();
        if (raw.isEmpty()) {
            throw new SpnFormatException("The SPN is empty. Expected serviceclass/host[:port], e.g. HTTP/web01.contoso.com.");
        }
        if (raw.length() > MAX_LENGTH) {
            throw new SpnFormatException("The SPN is " + raw.length() + " characters long; at most " + MAX_LENGTH + " are allowed.");
        }
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (Character.isISOControl(c) || Character.isWhitespace(c)) {
                throw new SpnFormatException("The SPN '" + printable(raw) + "' contains a space or control character at position " + (i + 1) + ".");
            }
            if ("*()\\\"<>,;=".indexOf(c) >= 0) {
                throw new SpnFormatException("The SPN '" + printable(raw) + "' contains the character '" + c + "', which an SPN cannot hold.");
            }
        }
        int slash = raw.indexOf('/');
        if (slash < 0) {
            throw new SpnFormatException("'" + printable(raw) + "' is not an SPN: the '/' between service class and host is missing (e.g. HTTP/web01).");
        }
        String serviceClass = raw.substring(0, slash);
        if (serviceClass.isEmpty()) {
            throw new SpnFormatException("'" + printable(raw) + "' has no service class before the '/'.");
        }
        if (serviceClass.indexOf(':') >= 0) {
            throw new SpnFormatException("'" + printable(raw) + "' has a ':' in its service class.");
        }
        String rest = raw.substring(slash + 1);
        String hostPort = rest;
        Optional<String> serviceName = Optional.empty();
        int slash2 = rest.indexOf('/');
        if (slash2 >= 0) {
            hostPort = rest.substring(0, slash2);
            String sn = rest.substring(slash2 + 1);
            if (sn.isEmpty() || sn.indexOf('/') >= 0) {
                throw new SpnFormatException("'" + printable(raw) + "' has an empty or malformed service name after the host.");
            }
            serviceName = Optional.of(sn);
        }
        String host = hostPort;
        OptionalInt port = OptionalInt.empty();
        int colon = hostPort.startsWith("[") ? hostPort.indexOf(':', Math.max(0, hostPort.indexOf(']'))) : hostPort.lastIndexOf(':');
        if (colon >= 0) {
            String p = hostPort.substring(colon + 1);
            host = hostPort.substring(0, colon);
            if (!p.matches("\\d{1,5}")) {
                throw new SpnFormatException("'" + printable(raw) + "' has a port '" + printable(p) + "' that is not a number from 1 to 65535.");
            }
            int n = Integer.parseInt(p);
            if (n < 1 || n > 65535) {
                throw new SpnFormatException("'" + printable(raw) + "' has port " + n + "; ports run from 1 to 65535.");
            }
            port = OptionalInt.of(n);
        }
        if (host.isEmpty()) {
            throw new SpnFormatException("'" + printable(raw) + "' has no host after the '/'.");
        }
        return new Spn(serviceClass, host, port, serviceName, raw);
    }

    private static String printable(String s) {
        String cut = s.length() > 80 ? s.substring(0, 77) + "..." : s;
        StringBuilder sb = new StringBuilder(cut.length());
        cut.codePoints().forEach(cp -> {
            if (Character.isISOControl(cp)) {
                sb.append(String.format("\\u%04x", cp));
            } else {
                sb.appendCodePoint(cp);
            }
        });
        return sb.toString();
    }

    /** Service class as written, e.g. {@code HTTP}. */
    public String serviceClass() { return serviceClass; }

    /** Host part as written (short name, FQDN, or any other instance name). */
    public String host() { return host; }

    /** Port, when the SPN carries one. */
    public OptionalInt port() { return port; }

    /** Service name after a second '/', if any. */
    public Optional<String> serviceName() { return serviceName; }

    /** Case-insensitive identity key: the lower-cased text. */
    public String key() { return key; }

    /** True when the service class equals {@code cls}, ignoring case. */
    public boolean hasClass(String cls) { return serviceClass.equalsIgnoreCase(cls); }

    /** True when the host part equals {@code name}, ignoring case. */
    public boolean hasHost(String name) { return host.equalsIgnoreCase(name); }

    @Override
    public boolean equals(Object o) {
        return o instanceof Spn other && other.key.equals(key);
    }

    @Override
    public int hashCode() { return key.hashCode(); }

    /** The SPN as written. */
    @Override
    public String toString() { return text; }

    /** Same as {@link Objects#equals} on two SPN texts, case-insensitive; null-safe. */
    public static boolean sameText(String a, String b) {
        return a == null ? b == null : a.equalsIgnoreCase(b);
    }
}
