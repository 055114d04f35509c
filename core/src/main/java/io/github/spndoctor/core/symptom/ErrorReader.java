package io.github.spndoctor.core.symptom;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.github.spndoctor.core.symptom.SymptomParser.lower;

/**
 * Finds the known errors in a pasted text (ADR 0201): the messages of {@link KnownError} on the squashed text, error
 * codes as tokens, messages with a variable middle, Kerberos' small failure codes; marks the fixed text of known
 * messages (and WinRM's boilerplate) so it is not read again as the user's own words; drops errors the text says are
 * absent. Stateless.
 */
final class ErrorReader {
    /** Fixed text of known messages that must not count as clues (WinRM's generic "possible causes" list etc.). */
    private static final List<String> BOILERPLATE = List.of(
            "The user name or password specified are invalid",
            "Kerberos is used when no authentication method and no user name are specified",
            "Kerberos accepts domain user names, but not local user names",
            "The Service Principal Name (SPN) for the remote computer name and port does not exist",
            "The client and remote computers are in different domains and there is no trust between the two domains",
            "Check the Event Viewer for events related to authentication",
            "Change the authentication method; add the destination computer to the WinRM TrustedHosts configuration setting or use HTTPS transport",
            "Note that computers in the TrustedHosts list might not be authenticated",
            "For more information about WinRM configuration, run the following command: winrm help config",
            "see the about_Remote_Troubleshooting Help topic",
            "This can occur when the target server principal name (SPN) is registered on an account other than the account the target service is using",
            "Ensure that the target SPN is only registered on the account used by the server",
            "This error can also happen if the target service account password is different than what is configured on the Kerberos Key Distribution Center for that target service",
            "Ensure that the service on the server and the KDC are both configured to use the same password",
            "If the server name is not fully qualified, and the target domain",
            "is different from the client domain",
            "check if there are identically named server accounts in these two domains, or use the fully-qualified name to identify the server",
            "Verify that the service on the destination is running and is accepting requests",
            "Consult the logs and documentation for the WS-Management service running on the destination, most commonly IIS or WinRM",
            "If the destination is the WinRM service, run the following command on the destination to analyze and configure the WinRM service",
            "WinRM cannot complete the operation. Verify that the specified computer name is valid",
            "By default, the WinRM firewall exception for public profiles limits access to remote computers within the same local subnet",
            "then HTTPS transport must be used or the destination machine must be added to the TrustedHosts configuration setting",
            "Use winrm.cmd to configure TrustedHosts",
            "the transport is HTTPS or the destination is in the TrustedHosts list, and explicit credentials are provided",
            "For more information on how to set TrustedHosts run the following command",
            "because the computer is not trusted",
            "The identity of the target computer can be verified if you configure the WSMAN service to use a valid certificate using the following command",
            "The identity of the target computer can be verified if you configure the WSMAN service to use a valid certificate",
            "Or you can check the Event Viewer for an event that specifies that the following SPN could not be created",
            "If you find this event, you can manually create the SPN using setspn.exe",
            "If the SPN exists, but CredSSP cannot use Kerberos to validate the identity of the target computer and you still want to allow the delegation of the user credentials to the target computer",
            "use gpedit.msc and look at the following policy",
            "Computer Configuration -> Administrative Templates -> System -> Credentials Delegation",
            "Verify that it is enabled and configured with an SPN appropriate for the target computer",
            "for a target computer name \"myserver.domain.com\", the SPN can be one of the following: WSMAN/myserver.domain.com or WSMAN/*.domain.com",
            "Change the client configuration and try the request again",
            "CredSSP authentication must also be enabled in the server configuration",
            "Group Policy must be edited to allow credential delegation to the target computer",
            "It may already have been terminated",
            "found 0 group of duplicate SPNs");

    /** Messages with a variable part in the middle, read with a pattern on the lower-cased text. */
    private static final Map<Pattern, KnownError> VARIABLE_MESSAGES = Map.of(
            Pattern.compile("access\\s+to\\s+the\\s+path\\s+\\S.{0,300}?\\s+is\\s+denied"), KnownError.E_ACCESSDENIED,
            Pattern.compile("server\\s+\\S{1,300}\\s+not\\s+found\\s+in\\s+kerberos\\s+database"), KnownError.KDC_ERR_S_PRINCIPAL_UNKNOWN);
    private static final Pattern TOKEN = Pattern.compile("(?<![0-9A-Za-z_])-?(?:0[xX])?[0-9A-Fa-f]{4,10}(?![0-9A-Za-z_])");
    private static final Pattern KRB_SMALL_CODE = Pattern.compile(
            "(?:failure|error)\\s*code\\s*[:=]?\\s*0x(7|8|e|25|29)(?![0-9a-z])");
    private static final Map<String, KnownError> TOKENS = new HashMap<>();
    private static final Map<String, KnownError> PHRASES = new LinkedHashMap<>();
    private static final List<String> BOILERPLATE_KEYS = BOILERPLATE.stream().map(Squashed::key).toList();

    static {
        for (KnownError e : KnownError.values()) {
            for (String p : e.phrases()) {
                // "The"/"A"/"An" at the start vary between versions and translations of the same message
                PHRASES.put(Squashed.key(p.replaceFirst("^(?i)(the|an|a)\\s+", "")), e);
            }
            for (String s : e.spellings()) {
                String low = s.toLowerCase(Locale.ROOT);
                if (TOKEN.matcher(low).matches()) {
                    TOKENS.put(low, e);
                } else {
                    PHRASES.put(Squashed.key(s), e);
                }
            }
        }
    }

    private ErrorReader() {}

    /**
     * The errors in {@code prepared} (redacted, unescaped), in the order they appear; sets {@code masked} over every
     * known message and boilerplate sentence.
     */
    static List<Fact<KnownError>> read(String prepared, Squashed sq, boolean[] masked) {
        Map<KnownError, Fact<KnownError>> errors = new EnumMap<>(KnownError.class);
        List<int[]> errorOrder = new ArrayList<>();
        for (Map.Entry<String, KnownError> p : PHRASES.entrySet()) {
            findPhrase(sq, prepared, p.getKey(), masked, p.getValue(), errors, errorOrder);
        }
        for (String key : BOILERPLATE_KEYS) {
            findPhrase(sq, prepared, key, masked, null, errors, errorOrder);
        }
        Matcher m = TOKEN.matcher(prepared);
        int tokens = 0;
        while (m.find() && errors.size() < KnownError.values().length && tokens++ < 2_000_000) {
            KnownError e = TOKENS.get(m.group().toLowerCase(Locale.ROOT));
            if (e != null && !errors.containsKey(e)) {
                errors.put(e, new Fact<>(e, SymptomParser.excerpt(prepared, m.start(), m.end())));
                errorOrder.add(new int[]{m.start(), e.ordinal()});
            }
        }
        String preparedLower = lower(prepared);
        for (Map.Entry<Pattern, KnownError> v : VARIABLE_MESSAGES.entrySet()) {
            Matcher vm = v.getKey().matcher(preparedLower);
            if (!errors.containsKey(v.getValue()) && vm.find()) {
                errors.put(v.getValue(), new Fact<>(v.getValue(), SymptomParser.excerpt(prepared, vm.start(), vm.end())));
                errorOrder.add(new int[]{vm.start(), v.getValue().ordinal()});
            }
        }
        m = KRB_SMALL_CODE.matcher(preparedLower);
        while (m.find()) {
            KnownError e = switch (m.group(1)) {
                case "7" -> KnownError.KDC_ERR_S_PRINCIPAL_UNKNOWN;
                case "8" -> KnownError.KDC_ERR_PRINCIPAL_NOT_UNIQUE;
                case "25" -> KnownError.KRB_AP_ERR_SKEW;
                case "e" -> KnownError.KDC_NO_SUITABLE_KEY;
                default -> KnownError.KRB_AP_ERR_MODIFIED;
            };
            if (!errors.containsKey(e)) {
                errors.put(e, new Fact<>(e, SymptomParser.excerpt(prepared, m.start(), m.end())));
                errorOrder.add(new int[]{m.start(), e.ordinal()});
            }
        }
        dropNegatedErrors(preparedLower, errors, errorOrder);
        // errors in the order they appear in the text
        errorOrder.sort((a, b) -> Integer.compare(a[0], b[0]));
        List<Fact<KnownError>> errorList = new ArrayList<>();
        for (int[] o : errorOrder) {
            errorList.add(errors.get(KnownError.values()[o[1]]));
        }
        return errorList;
    }

    private static void findPhrase(Squashed sq, String prepared, String key, boolean[] masked, KnownError e,
                                   Map<KnownError, Fact<KnownError>> errors, List<int[]> order) {
        if (key.isEmpty()) {
            return;
        }
        int from = 0;
        while (true) {
            int at = sq.text.indexOf(key, from);
            if (at < 0) {
                return;
            }
            int start = sq.start(at);
            int end = sq.end(at, key.length());
            for (int i = start; i < end; i++) {
                masked[i] = true;
            }
            if (e != null && !errors.containsKey(e)) {
                errors.put(e, new Fact<>(e, SymptomParser.excerpt(prepared, start, end)));
                order.add(new int[]{start, e.ordinal()});
            }
            from = at + key.length();
        }
    }

    private static void dropNegatedErrors(String lower, Map<KnownError, Fact<KnownError>> errors, List<int[]> order) {
        Negation negation = Negation.of(lower);
        order.removeIf(o -> {
            if (negation.negatesError(o[0])) {
                errors.remove(KnownError.values()[o[1]]);
                return true;
            }
            return false;
        });
    }
}
