package io.github.spndoctor.core.symptom;

import java.util.regex.Pattern;

/**
 * A context clue in free text: what the user says about the setup or about what works. Matched case-insensitively
 * on the text after the fixed boilerplate of known messages has been blanked out (so the "possible causes" list that
 * WinRM prints with every error does not count as a clue). Immutable.
 *
 * <p>Patterns use bounded gaps only ({@code [^.\n]{0,40}}), so matching stays linear in the text size.
 */
public enum Clue {
    IIS_APP_POOL("an IIS web site or application pool runs on the host",
            "iis\\s*pool|(?<![a-z])iis(?![a-z])|app(lication)?\\s*pools?\\b|\\bapppool|\\bw3wp\\b|\\binetmgr\\b"),
    REPORTING_SERVICES("SQL Server Reporting Services runs on the host",
            "\\bssrs\\b|reporting\\s+services|\\breportserver\\b|report\\s+server\\b"),
    WEB_APPLICATION("a web application (SharePoint, Dynamics CRM, Exchange, a web farm) shares the host name",
            "sharepoint|dynamics[\\s-]*crm|\\bdynamics\\s+365|\\bcrm\\b|exchange\\s+server|\\bowa\\b|\\bscvmm\\b|web\\s*farm|web\\s*app(lication)?s?\\b|http\\.sys"),
    SERVICE_ACCOUNT("a service account, managed service account or gMSA is involved",
            "service\\s*account|\\bsvc[-_][a-z0-9]|\\bg?msa\\b|managed\\s+service\\s+account|msds-(group)?managedserviceaccount|set-adserviceaccount|new-adserviceaccount|pool\\s*(identity|account)"),
    SPN_ON_OTHER_ACCOUNT("the text says the SPN is registered to another account",
            "(spn|principal name)[^.\\n]{0,40}registered\\s+(to|on|under|with|for)\\s+(an(other)?|a\\s+different|the|a)\\s+(\\w+\\s+){0,2}(account|user|object)"
                    + "|registered\\s+to\\s+another\\s+(service\\s+)?account|existing spn found"),
    WORKS_BY_IP("connecting by IP address works",
            "(works?|worked|working|succeeds?|succeeded|fine|helped|ok)\\b(?:[^.\\n]|\\.(?=\\S)){0,40}\\b(by|with|using|via)\\s+(the\\s+|its\\s+|an?\\s+)?(explicit\\s+)?(ipv4\\s+|ip\\s*v4\\s+)?ip(\\s*address)?\\b"
                    + "|\\b(by|with|using|via|use)\\s+(the\\s+|its\\s+|an?\\s+)?(explicit\\s+)?(ipv4\\s+)?ip(v4)?(\\s*address)?\\b(\\s+instead\\s+of[^.\\n]{0,30})?(?:[^.\\n]|\\.(?=\\S)){0,30}\\b(works?|worked|helped|fine|succeeds?|succeeded|ok)\\b"),
    CONNECT_BY_IP("the connection is made to an IP address",
            "(connect\\w*|remot\\w*|session)\\s+(to\\s+)?(by|with|using|via|to)\\s+(the\\s+|its\\s+|an?\\s+)?ip(\\s*address)?\\b|-computername\\s+\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}\\b|\\b(using|via|by|with)\\s+(its|the|an?)\\s+ip(\\s*address)?\\b"
                    + "|\\b(hosts?|servers?|machines?|computers?|targets?|nodes?|pcs|vms?)\\s+(are\\s+|is\\s+)?(listed|given|addressed|specified|referenced|defined|targeted|named|entered)?\\s*(by|as)\\s+(their\\s+|its\\s+|an?\\s+)?ip(v[46])?(\\s*address(es)?)?\\b"
                    + "|\\b(targeted|addressed|reached|called)\\s+(the\\s+)?(\\w+\\s+){0,2}by\\s+(their\\s+|its\\s+)?ip(\\s*address(es)?)?\\b"
                    + "|\\b(resolved|translated|converted)\\s+(\\w+\\s+){0,3}to\\s+(an?\\s+|its\\s+)?ip(\\s*address)?\\b[^.\\n]{0,60}\\b(against|to|with)\\s+(the\\s+)?ip\\b"),
    TRUSTED_HOSTS("TrustedHosts is mentioned", "trusted\\s*hosts"),
    WORKS_WITH_OTHER_NAME("one name form works and the other does not (short name vs FQDN)",
            "(works?|worked|working|succeeds?|succeeded|fine|ok)\\b(?:[^.\\n]|\\.(?=\\S)){0,40}\\b(fqdn|fully[- ]qualified|short\\s*name|netbios|host\\s*name\\s+only)\\b"
                    + "|\\b(fqdn|fully[- ]qualified( domain)?( name)?|short\\s*name|netbios( name)?)\\b(?:[^.\\n]|\\.(?=\\S)){0,40}\\b(works?|worked|is fine|succeeds?|succeeded)\\b"),
    NAME_FORM_DROPPED("the client used another form of the name than the one given (domain part dropped, short name instead of the FQDN)",
            "(domain\\s*(suffix|name|part)?|fqdn|dns\\s+suffix)\\s+(is\\s+|was\\s+|gets?\\s+|got\\s+|being\\s+)?(stripped|dropped|removed|lost|truncated|cut\\s+off)"
                    + "|\\b(loses?|losing|lost|strips?|stripping|stripped|drops?|dropping|dropped|truncat\\w*)\\s+(off\\s+)?(the\\s+|its\\s+)?(domain(\\s*(name|suffix|part))?|fqdn|dns\\s+suffix)\\b"
                    + "|\\b(short|netbios|computer|host)\\s*-?\\s*name\\s+instead\\s+of\\s+(the\\s+)?(fqdn|full\\w*|fully[- ]qualified)"
                    + "|(connect\\w*|went|goes|talk\\w*)\\s+(to\\s+)?(the\\s+)?(short|netbios)\\s+(host\\s*)?name\\b"),
    NAME_NOT_FOUND("the user says the server's name is not found or does not resolve",
            "(can'?t|cannot|could\\s*n[o']?t|unable\\s+to|fails?\\s+to|failed\\s+to)\\s+(find|resolve|locate)\\s+(the\\s+)?(server|host|machine|target)(\\s*name)?\\b"
                    + "|\\bunknown\\s+host\\b|(does|did)\\s*n[o']?t\\s+resolve|could\\s+not\\s+be\\s+resolved|name\\s+resolution\\s+(fails|failed|failure)"),
    CURRENT_CREDENTIALS("the signed-in user's own credentials are passed on (single sign-on, \"use my current credentials\")",
            "(use|using|with|choos\\w*|select\\w*|pick\\w*)\\s+['\"]?(my|the|your|his|her)\\s+(current|logged[- ]on|signed[- ]in|own)\\s+(windows\\s+)?(credentials|account|identity|login|logon)"
                    + "|single\\s+sign[- ]?on|\\bsso\\b|current\\s+(windows\\s+)?credentials|default\\s+credentials|usedefaultcredentials|integrated\\s+(windows\\s+)?(auth\\w*|security)"),
    EXPLICIT_CREDENTIALS_WORK("the same call works when the credentials are typed or passed explicitly",
            "(typ\\w*|enter\\w*|provid\\w*|suppl\\w*|giv\\w*|specif\\w*|pass\\w*)\\s+(in\\s+)?(the\\s+same\\s+|explicit\\s+|my\\s+|the\\s+)?(credentials|user\\s*name\\s+and\\s+password|password|-credential)\\b[^.\\n]{0,30}\\b(works?|worked|succeeds?|succeeded|is\\s+fine|connects)\\b"
                    + "|\\b(with|using)\\s+(explicit\\s+|typed\\s+|-)credentials?\\s+(it\\s+)?(works?|worked|succeeds?|succeeded)"
                    + "|explicit\\s+credentials\\s+(works?|worked|succeed\\w*)|works?\\s+(when|if|with)\\s+(i\\s+|you\\s+)?(typ\\w*|enter\\w*|pass\\w*|giv\\w*)\\s+(in\\s+)?(the\\s+|my\\s+)?(same\\s+)?(credentials|password|-credential)"
                    + "|works?\\s+(when|if)\\s+the\\s+(\\w+\\s+){0,2}(logon|login)\\s+uses\\s+a\\s+password"),
    INCLUDE_PORT("the port-in-SPN option is used or works", "include\\s*port\\s*in\\s*spn|-spnport\\b|spn_?port|enable_spn_server_port|encodeportinspn"),
    SECOND_HOP("the command runs inside a remote session (second hop)",
            "second[- ]hop|double[- ]hop|multi[- ]hop|2nd[- ]hop|third[- ]hop"
                    + "|(inside|within|from|in)\\s+(a|the|an|my)\\s+(remote|ps|powershell|pssession|winrm)\\s*(session|pssession|shell)"
                    + "|(inside|within|in)\\s+(the|a|my)\\s+(invoke-command|script\\s*block)|nested\\s+(ps)?sessions?|jump\\s*(box|host|server)|from\\s+the\\s+remote\\s+(machine|server|computer)\\s+to"
                    + "|\\[[\\w.-]{1,64}\\]:\\s*ps\\s+[^>\\n]{0,100}>\\s*(invoke-command|enter-pssession|new-pssession|copy-item|get-childitem|dir|ls|net\\s+use|test-path|get-ad\\w+|invoke-webrequest)\\b"
                    + "|kerberos\\s+(constrained\\s+)?delegation|resource[- ]based\\s+constrained"
                    + "|-scriptblock\\s*\\{[^}\\n]{0,200}(\\\\\\\\[a-z0-9]|get-ad|invoke-command|enter-pssession|new-pssession|invoke-sqlcmd|net\\s+use)"),
    SSH_LOGON("the session was opened over SSH (key logon)", "\\bssh\\b|openssh|\\bsshd\\b|public[- ]key\\s+(auth|logon|login)|key[- ]based\\s+(auth|logon|login)"),
    RUNS_AS_SERVICE("the call runs under a service, agent or scheduled task",
            "scheduled\\s+task|sql\\s+(server\\s+)?agent|\\bnt\\s+authority\\\\system\\b|local\\s*system\\s+account|build\\s+agent|deployment\\s+agent|codedeploy|azure\\s+devops\\s+agent|jenkins|octopus\\s+tentacle|gitlab\\s+runner"),
    CLOCK("clocks or time synchronisation are mentioned",
            "\\bclocks?\\b|time\\s*(skew|difference|drift|sync\\w*|service)|\\bntp\\b|\\bw32tm\\b|\\bw32time\\b|minutes\\s+(ahead|behind|off|apart)|wrong\\s+time|time\\s+is\\s+(off|wrong)"),
    SECURE_CHANNEL("the machine account password or secure channel is in question (snapshot, restore, rejoin)",
            "secure\\s*channel|test-computersecurechannel|nltest\\s+/sc_|machine\\s+(account\\s+)?password|computer\\s+account\\s+password|reset-computermachinepassword"
                    + "|trust\\s+relationship|lost\\s+(its\\s+|the\\s+)?trust|snapshot|checkpoint|restor\\w*\\b[^.\\n]{0,40}\\b(backup|snapshot|checkpoint|image)|(vm|hyper-v|vmware|veeam)\\s+(backup|restore)|revert\\w*|re-?join\\w*|netdom\\s+resetpwd|removed?\\s+(it\\s+)?from\\s+the\\s+domain"),
    ALIAS("a DNS alias (CNAME), load balancer or virtual name is used",
            "\\bcname|dns\\s+alias|\\balias(es)?\\b|load[- ]?balanc\\w*|\\bnlb\\b|virtual\\s+(host\\s*)?name|\\bvip\\b|netdom\\s+computername"),
    DNS_MISMATCH("DNS answers disagree (reverse lookup, hosts file, stale record)",
            "\\bptr\\b|reverse[- ]?resolv\\w*|(not|n't|fails?\\s+to)\\s+reverse[- ]?resolv\\w*|(points?|resolves?|pointing)\\s+to\\s+(the\\s+|an\\s+|a\\s+)?(old|wrong|another|different|other)\\b|reverse\\s+(dns|lookup|record)|\\brdns\\b|resolves?\\s+to\\s+(the\\s+|a\\s+|an\\s+)?(wrong|another|different|old|other)|hosts\\s+file|stale\\s+(dns|record|a record)|wrong\\s+ip|\\b(a|ptr|dns|host)\\s+record\\b[^.\\n]{0,60}\\b(still|wrong|old|stale|outdated)\\b|wrong\\s+(machine|server|host|box)\\b|(real|actual|correct)\\s+ip\\b|dns\\s+(suffix|search)|ip\\s+(address\\s+)?changed"),
    DIFFERENT_DOMAIN("client and server are in different domains, forests or a workgroup",
            "(different|another|other|separate|untrusted|external|child|remote|second)\\s+(ad\\s+)?(domains?|forests?)\\b|cross[- ](domain|forest)|forest\\s+trust|domain\\s+trust|\\bno\\s+trust\\b|workgroup"
                    + "|non[- ]domain|not\\s+(domain[- ]joined|joined\\s+to\\s+(a|the)\\s+domain|in\\s+the\\s+(same\\s+)?domain)|realm\\s+mismatch|different\\s+realm|cross-realm"),
    TRUST_EXISTS("a trust between the domains or forests is said to exist",
            "trusted\\s+(ad\\s+)?(domains?|forests?)|(two-way|forest|domain|external|realm)\\s+trust\\s+(exists|is\\s+in\\s+place|is\\s+fine|works)|there\\s+is\\s+a\\s+(two-way\\s+)?trust"),
    SAME_DOMAIN("client and server are said to be in the same domain",
            "same\\s+(ad\\s+)?domain|same\\s+forest"),
    NAME_RESOLVES("the name is said to resolve or answer correctly",
            "pings?\\s+(fine|ok|okay|correctly)|ping\\s+works|resolves?\\s+(fine|correctly|ok|properly|to\\s+the\\s+right)|dns\\s+(is\\s+|looks\\s+)?(fine|ok|correct)|nslookup\\s+(works|is\\s+fine|looks\\s+(fine|ok))"),
    LOCAL_ACCOUNT("a local (non-domain) account is used", "local\\s+(admin(istrator)?\\s+)?(account|user)|\\.\\\\administrator|\\blaps\\b"),
    RENAMED_OR_REUSED("a computer was renamed, cloned, rebuilt or its name reused",
            "\\brenam\\w*|rename-computer|\\bclon\\w*|sysprep|re-?built|rebuil\\w*|re-?used?\\s+(the\\s+)?(same\\s+)?(host\\s*)?name|same\\s+name\\s+as"
                    + "|old\\s+(server|computer|machine|host)\\b|decommission\\w*|retired|replaced\\s+(the\\s+|a\\s+)?server|stale\\s+(computer|object|account)"),
    DUPLICATE_WORDS("duplicate SPNs are mentioned",
            "duplicate\\s+(spns?|service\\s*principal|principal)|setspn\\s+(-[a-z]\\s+){0,3}-x\\b"),
    SPN_ON_SEVERAL_ACCOUNTS("one SPN is shown on several accounts (setspn -X output or the user's words)",
            "found\\s+[1-9]\\d{0,5}\\s+groups?\\s+of\\s+duplicate|is\\s+registered\\s+on\\s+these\\s+accounts"
                    + "|(two|multiple|several|more\\s+than\\s+one|both)\\s+accounts?\\s+(have|hold|with)\\s+the\\s+same\\s+spn|same\\s+spn\\s+(on|in)\\s+(two|both|multiple)"
                    + "|\\bboth\\b[^.\\n]{0,60}\\b(have|hold|has)\\s+(the\\s+spn\\s+)?(http|wsman|host)/|registered\\s+(on|to|under)\\s+(both|two|multiple|several)\\b"),
    MISSING_SPN_WORDS("the text says an SPN is missing",
            "no\\s+such\\s+spn\\s+found|\\bno\\s+(http|wsman|host)/|(missing|no|without\\s+an?)\\s+spns?\\b(?!\\s+(registered\\s+)?(on|to|for|under|with)\\s+(an(other)?|a\\s+different|other|any\\s+other|the\\s+(service|user))\\b)|spns?\\s+(is\\s+|are\\s+)?(missing|not\\s+(registered|found|set|present))|needs\\s+to\\s+register[^.\\n]{0,30}spn"),
    WSMAN_SPN_CLIENT("the client asks for a WSMAN/ SPN (spn_prefix, pypsrp, service=WSMAN)",
            "spn_prefix|negotiate_service|--spn-prefix|service\\s*=\\s*['\"]?wsman"),
    DOMAIN_CONTROLLER("the target is a domain controller", "domain\\s+controllers?|\\bdcs?\\b(?!\\s*=)"),
    LOOPBACK("the target is the local machine (loopback)", "(?<!wsman:\\\\)\\blocalhost\\b(?!\\\\client)|127\\.0\\.0\\.1|\\[::1\\]|loopback"),
    RIGHTS("group membership, session configuration or UAC rights are mentioned",
            "member\\s+of\\s+(the\\s+)?(local\\s+)?(administrators|remote management users)|not\\s+(a\\s+)?(local\\s+)?admin(istrator)?\\b|remote\\s+management\\s+users|non[- ]admin|without\\s+admin|standard\\s+user"
                    + "|session\\s*configuration|set-pssessionconfiguration|localaccounttokenfilterpolicy|\\buac\\b|access\\s+rights|showsecuritydescriptorui|\\bsddl\\b|-enablenetworkaccess|jea\\b"),
    CONNECTIVITY("the connection itself fails (firewall, listener, port, service stopped, timeout)",
            "firewall|\\blistener|(port\\s+)?598[56]\\s+(is\\s+)?(blocked|closed|not\\s+open|filtered)|winrm\\s+service\\s+(is\\s+)?(not\\s+running|stopped|disabled)|winrm\\s+(service\\s+)?(is\\s*n[o']t|isnt|wasn't|was\\s+not)\\s+running|not\\s+listening|no\\s+listener|winrm\\s+quickconfig"
                    + "|tcptestsucceeded\\s*:\\s*false|(port|5985|5986)[^.\\n]{0,30}\\bblocked\\b|test-netconnection|connection\\s+refused|actively\\s+refused|timed\\s+out|no\\s+route\\s+to\\s+host|set\\s+to\\s+public|connection\\s+aborted|max\\s+retries\\s+exceeded|connecttimeout|newconnectionerror|connection\\s+reset"),
    PASSWORD_WORDS("the password or credentials are in question", "wrong\\s+password|bad\\s+password|password\\s+(expired|changed|is\\s+wrong)|locked\\s+out"),
    WORKS_ELSEWHERE("the same command works from another machine or for another host",
            "works?\\s+(fine\\s+)?(from|on|for|against)\\s+(other|another|every|all)|other\\s+servers?\\s+work");

    private final String description;
    private final Pattern pattern;

    Clue(String description, String regex) {
        this.description = description;
        this.pattern = Pattern.compile(regex);
    }

    /** What the clue means, in plain words, for evidence lines. */
    public String description() { return description; }

    /** Compiled without case flags: it runs on lower-cased text (see SymptomParser). */
    Pattern pattern() { return pattern; }
}
