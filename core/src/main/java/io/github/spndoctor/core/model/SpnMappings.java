package io.github.spndoctor.core.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The forest's {@code sPNMappings}: which service classes the directory maps onto another class (normally
 * {@code host}) when no account holds the exact SPN (MS-DRSR MapSPN). Read from
 * {@code CN=Directory Service,CN=Windows NT,CN=Services,<configuration NC>}; each value looks like
 * {@code host=alerter,appmgmt,...,http,...}. Immutable; service classes compare case-insensitively.
 */
public final class SpnMappings {
    /** Where the attribute lives, below the configuration naming context. */
    public static final String CONTAINER = "CN=Directory Service,CN=Windows NT,CN=Services,";
    public static final String ATTRIBUTE = "sPNMappings";

    /** The value a fresh Windows (and Samba) forest carries. Note: it names http, not wsman. */
    public static final String DEFAULT_VALUE = "host=alerter,appmgmt,cisvc,clipsrv,browser,dhcp,dnscache,replicator,"
            + "eventlog,eventsystem,policyagent,oakley,dmserver,dns,mcsvc,fax,msiserver,ias,messenger,netlogon,netman,"
            + "netdde,netddedsm,nmagent,plugplay,protectedstorage,rasman,rpclocator,rpc,rpcss,remoteaccess,rsvp,samss,"
            + "scardsvr,scesrv,seclogon,scm,dcom,cifs,spooler,snmp,schedule,tapisrv,trksvr,trkwks,ups,time,wins,www,"
            + "http,w3svc,iisadmin,msdtc";

    private final Map<String, String> aliasToTarget;
    private final List<String> values;
    private final String source;

    private SpnMappings(Map<String, String> aliasToTarget, List<String> values, String source) {
        this.aliasToTarget = Collections.unmodifiableMap(aliasToTarget);
        this.values = List.copyOf(values);
        this.source = source;
    }

    /**
     * Parses the attribute's values. A malformed value (no '=') is skipped; the first mapping of an alias wins.
     *
     * @param source where the values were read, for reports (a DN, or "built-in default")
     */
    public static SpnMappings parse(List<String> values, String source) {
        Map<String, String> map = new LinkedHashMap<>();
        List<String> kept = new ArrayList<>();
        for (String v : values) {
            if (v == null) {
                continue;
            }
            int eq = v.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String target = v.substring(0, eq).strip().toLowerCase(Locale.ROOT);
            if (target.isEmpty()) {
                continue;
            }
            kept.add(v.strip());
            for (String alias : v.substring(eq + 1).split(",")) {
                String a = alias.strip().toLowerCase(Locale.ROOT);
                if (!a.isEmpty()) {
                    map.putIfAbsent(a, target);
                }
            }
        }
        return new SpnMappings(map, kept, source);
    }

    /** The default mapping, as a fresh forest carries it. Only for directories that cannot hold the attribute. */
    public static SpnMappings defaults() {
        return parse(List.of(DEFAULT_VALUE), "built-in default");
    }

    /** No mapping at all: an empty or missing attribute. */
    public static SpnMappings none(String source) {
        return new SpnMappings(new LinkedHashMap<>(), List.of(), source);
    }

    /** The class {@code serviceClass} maps onto (e.g. "host" for "HTTP"), if any. */
    public Optional<String> targetOf(String serviceClass) {
        return Optional.ofNullable(aliasToTarget.get(serviceClass.toLowerCase(Locale.ROOT)));
    }

    /** True when requests for {@code serviceClass} fall back to another class. */
    public boolean maps(String serviceClass) {
        return aliasToTarget.containsKey(serviceClass.toLowerCase(Locale.ROOT));
    }

    /** The attribute values as read (well-formed ones). */
    public List<String> values() { return values; }

    /** Where they were read. */
    public String source() { return source; }

    @Override
    public String toString() { return "sPNMappings from " + source + ": " + aliasToTarget.size() + " aliases"; }
}
