package io.github.spndoctor.core.spn;

import io.github.spndoctor.core.model.TargetName;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The WinRM endpoint a user typed: the name (as typed), the scheme and the port. {@code srv003} is
 * {@code http://srv003:5985}; {@code https://srv003.contoso.com/wsman} is port 5986; {@code srv003:8080} keeps 8080.
 * Immutable.
 *
 * @param portTyped true when the port was part of what was typed (not the scheme's default)
 */
public record Endpoint(TargetName name, boolean https, int port, boolean portTyped) {
    public static final int HTTP_PORT = 5985;
    public static final int HTTPS_PORT = 5986;
    private static final Pattern PORT = Pattern.compile("^(?:[a-zA-Z][a-zA-Z0-9+.-]*://)?(?:\\[[^\\]]*\\]|[^/:\\\\]*):(\\d{1,5})(?:[/?#].*)?$");

    /**
     * Parses a host, host:port or URL.
     *
     * @throws IllegalArgumentException with a plain message when the name or port is unusable
     */
    public static Endpoint parse(String text) {
        TargetName name = TargetName.parse(text);
        String s = text.strip();
        boolean https = s.toLowerCase(Locale.ROOT).startsWith("https://");
        Matcher m = PORT.matcher(s);
        if (m.matches()) {
            int p = Integer.parseInt(m.group(1));
            if (p < 1 || p > 65535) {
                throw new IllegalArgumentException("Port " + p + " is not a port: ports run from 1 to 65535.");
            }
            return new Endpoint(name, https || p == HTTPS_PORT, p, true);
        }
        return new Endpoint(name, https, https ? HTTPS_PORT : HTTP_PORT, false);
    }

    /** The name with the scheme's default port. */
    public static Endpoint of(TargetName name) {
        return new Endpoint(name, false, HTTP_PORT, false);
    }

    /** The URL WinRM's client calls. */
    public String url() {
        String host = name.kind() == TargetName.Kind.IPV6 ? "[" + name.asTyped() + "]" : name.asTyped();
        return (https ? "https" : "http") + "://" + host + ":" + port + "/wsman";
    }
}
