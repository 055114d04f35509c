package io.github.spndoctor.core.evidence;

import java.util.Locale;
import java.util.Map;

/**
 * Names of Kerberos encryption types (RFC 3961/3962/8009, RFC 4757) and error codes (RFC 4120 §7.5.9), as the
 * protocol numbers them and as Windows tools print them. Stateless.
 */
public final class KerberosNames {
    private static final Map<Integer, String> ETYPES = Map.ofEntries(
            Map.entry(1, "DES-CBC-CRC"), Map.entry(3, "DES-CBC-MD5"),
            Map.entry(17, "AES128-CTS-HMAC-SHA1-96"), Map.entry(18, "AES256-CTS-HMAC-SHA1-96"),
            Map.entry(19, "AES128-CTS-HMAC-SHA256-128"), Map.entry(20, "AES256-CTS-HMAC-SHA384-192"),
            Map.entry(23, "RC4-HMAC"), Map.entry(24, "RC4-HMAC-EXP"));
    private static final Map<Integer, String> ERRORS = Map.ofEntries(
            Map.entry(6, "KDC_ERR_C_PRINCIPAL_UNKNOWN"), Map.entry(7, "KDC_ERR_S_PRINCIPAL_UNKNOWN"),
            Map.entry(8, "KDC_ERR_PRINCIPAL_NOT_UNIQUE"), Map.entry(12, "KDC_ERR_POLICY"),
            Map.entry(13, "KDC_ERR_BADOPTION"), Map.entry(14, "KDC_ERR_ETYPE_NOSUPP"),
            Map.entry(18, "KDC_ERR_CLIENT_REVOKED"), Map.entry(23, "KDC_ERR_KEY_EXPIRED"),
            Map.entry(24, "KDC_ERR_PREAUTH_FAILED"), Map.entry(25, "KDC_ERR_PREAUTH_REQUIRED"),
            Map.entry(27, "KDC_ERR_MUST_USE_USER2USER"), Map.entry(31, "KRB_AP_ERR_BAD_INTEGRITY"),
            Map.entry(32, "KRB_AP_ERR_TKT_EXPIRED"), Map.entry(33, "KRB_AP_ERR_TKT_NYV"),
            Map.entry(34, "KRB_AP_ERR_REPEAT"), Map.entry(35, "KRB_AP_ERR_NOT_US"),
            Map.entry(37, "KRB_AP_ERR_SKEW"), Map.entry(40, "KRB_AP_ERR_MSG_TYPE"),
            Map.entry(41, "KRB_AP_ERR_MODIFIED"), Map.entry(44, "KRB_AP_ERR_BADKEYVER"),
            Map.entry(45, "KRB_AP_ERR_NOKEY"), Map.entry(52, "KRB_ERR_RESPONSE_TOO_BIG"),
            Map.entry(60, "KRB_ERR_GENERIC"), Map.entry(68, "KDC_ERR_WRONG_REALM"));

    private KerberosNames() {}

    /** "AES256-CTS-HMAC-SHA1-96 (18)", or "encryption type 99" for a number without a name. */
    public static String etype(int n) {
        String name = ETYPES.get(n);
        return name == null ? "encryption type " + n : name + " (" + n + ")";
    }

    /** True for the RC4 and DES types that Windows no longer prefers. */
    public static boolean weakEtype(int n) {
        return n == 1 || n == 3 || n == 23 || n == 24;
    }

    /** The etype number for a name as klist or an event prints it ("AES-256-CTS-HMAC-SHA1-96", "RSADSI RC4-HMAC(NT)", "0x12", "aes256-cts-hmac-sha1-96"), or -1. */
    public static int etypeNumber(String printed) {
        String s = printed.trim().toUpperCase(Locale.ROOT);
        if (s.matches("0X[0-9A-F]{1,4}")) {
            return Integer.parseInt(s.substring(2), 16);
        }
        if (s.matches("\\d{1,3}")) {
            return Integer.parseInt(s);
        }
        String squashed = s.replace("-", "").replace(" ", "");
        if (squashed.contains("RC4")) {
            return squashed.contains("EXP") ? 24 : 23;
        }
        for (Map.Entry<Integer, String> e : ETYPES.entrySet()) {
            if (squashed.startsWith(e.getValue().replace("-", ""))) {
                return e.getKey();
            }
        }
        if (squashed.contains("DESCBCMD5")) {
            return 3;
        }
        return squashed.contains("DESCBCCRC") ? 1 : -1;
    }

    /** "KDC_ERR_S_PRINCIPAL_UNKNOWN (0x7)", or "Kerberos error 0x63" for a code without a name. */
    public static String error(int code) {
        String name = ERRORS.get(code);
        String hex = "0x" + Integer.toHexString(code).toUpperCase(Locale.ROOT);
        return name == null ? "Kerberos error " + hex : name + " (" + hex + ")";
    }

    /** The symbolic name alone ("KRB_AP_ERR_MODIFIED"), or empty for a code without a name. */
    public static String errorName(int code) {
        return ERRORS.getOrDefault(code, "");
    }
}
