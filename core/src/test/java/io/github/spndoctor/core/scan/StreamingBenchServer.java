package io.github.spndoctor.core.scan;

import com.unboundid.asn1.ASN1OctetString;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryRequestHandler;
import com.unboundid.ldap.listener.LDAPListener;
import com.unboundid.ldap.listener.LDAPListenerClientConnection;
import com.unboundid.ldap.listener.LDAPListenerConfig;
import com.unboundid.ldap.listener.LDAPListenerRequestHandler;
import com.unboundid.ldap.protocol.AddRequestProtocolOp;
import com.unboundid.ldap.protocol.BindRequestProtocolOp;
import com.unboundid.ldap.protocol.CompareRequestProtocolOp;
import com.unboundid.ldap.protocol.DeleteRequestProtocolOp;
import com.unboundid.ldap.protocol.ExtendedRequestProtocolOp;
import com.unboundid.ldap.protocol.LDAPMessage;
import com.unboundid.ldap.protocol.ModifyDNRequestProtocolOp;
import com.unboundid.ldap.protocol.ModifyRequestProtocolOp;
import com.unboundid.ldap.protocol.SearchRequestProtocolOp;
import com.unboundid.ldap.protocol.SearchResultDoneProtocolOp;
import com.unboundid.ldap.protocol.SearchResultEntryProtocolOp;
import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.Control;
import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.ldap.sdk.controls.SimplePagedResultsControl;
import com.unboundid.ldap.sdk.schema.Schema;

import java.io.Closeable;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.IntFunction;

/**
 * A benchmark LDAP server (test code, not product) whose simple paged results cost is linear in the page, like
 * Active Directory's: a paged search is served by a cursor over the entries in load order; the cookie carries the
 * next position, so each page walks only from there, evaluates the request's filter on each entry, returns the
 * requested attributes and stops after the page size. Every other operation (binds, rootDSE, non-paged searches such
 * as the scanner's verification lookups) goes to an UnboundID {@link InMemoryRequestHandler} loaded with the same
 * entries and equality indexes on servicePrincipalName, sAMAccountName and dNSHostName.
 *
 * <p>Run as {@code StreamingBenchServer SPNS [PORT]}: serves the {@link ScanBenchmark#entry} mix on loopback,
 * prints "READY port" and runs until killed. Read-only after construction; serves many connections at once.
 */
public final class StreamingBenchServer implements Closeable {
    /** A simple-bind identity for clients that need one; a throw-away benchmark credential, not a secret. */
    static final String BIND_DN = "CN=bench reader";
    static final String BIND_PASSWORD = "bench-only";
    private final Entry[] entries;
    private final LDAPListener listener;

    /** Loads {@code count} entries from {@code source} (plus the suffix entry) and listens on loopback {@code port} (0: any). */
    StreamingBenchServer(int count, IntFunction<Entry> source, int port) throws Exception {
        Entry base = ScanBenchmark.baseEntry();
        DN suffix = base.getParsedDN();
        InMemoryDirectoryServerConfig cfg = new InMemoryDirectoryServerConfig(ScanBenchmark.BASE_DN);
        cfg.setSchema(schema()); // equality indexes need one
        cfg.setEnforceSingleStructuralObjectClass(false);
        cfg.setAccessLogHandler(null);
        cfg.setGenerateOperationalAttributes(false);
        cfg.setMaxSizeLimit(0);
        cfg.addAdditionalBindCredentials(BIND_DN, BIND_PASSWORD); // for clients that refuse anonymous binds (the CLI)
        cfg.setEqualityIndexAttributes("servicePrincipalName", "sAMAccountName", "dNSHostName");
        InMemoryRequestHandler memory = new InMemoryRequestHandler(cfg);
        entries = new Entry[count + 1];
        memory.addEntry(base, true);
        entries[0] = memory.getEntry(suffix);
        List<Entry> batch = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            batch.add(source.apply(i));
            if (batch.size() == 20_000 || i == count - 1) {
                memory.addEntries(batch);
                for (int j = 0; j < batch.size(); j++) { // the handler's own (read-only) copies: one copy in memory
                    entries[i + 2 - batch.size() + j] = memory.getEntry(batch.get(j).getParsedDN());
                }
                batch.clear();
            }
        }
        LDAPListenerConfig lc = new LDAPListenerConfig(port, new Handler(entries, memory, null));
        lc.setListenAddress(InetAddress.getLoopbackAddress());
        listener = new LDAPListener(lc);
        listener.startListening();
    }

    /** The least schema the mix needs: its object classes and attributes, all matched case-insensitively. */
    static Schema schema() {
        String string = " EQUALITY caseIgnoreMatch SUBSTR caseIgnoreSubstringsMatch SYNTAX 1.3.6.1.4.1.1466.115.121.1.15";
        String may = " MAY ( cn $ sAMAccountName $ dNSHostName $ servicePrincipalName ) )";
        return new Schema(new Entry("cn=schema",
                new Attribute("attributeTypes",
                        "( 2.5.4.0 NAME 'objectClass'" + string + " )",
                        "( 2.5.4.3 NAME 'cn'" + string + " )",
                        "( 0.9.2342.19200300.100.1.25 NAME 'dc'" + string + " SINGLE-VALUE )",
                        "( 1.2.840.113556.1.4.771 NAME 'servicePrincipalName'" + string + " )",
                        "( 1.2.840.113556.1.4.221 NAME 'sAMAccountName'" + string + " SINGLE-VALUE )",
                        "( 1.2.840.113556.1.4.619 NAME 'dNSHostName'" + string + " SINGLE-VALUE )"),
                new Attribute("objectClasses",
                        "( 2.5.6.0 NAME 'top' ABSTRACT MUST objectClass )",
                        "( 0.9.2342.19200300.100.4.13 NAME 'domain' SUP top STRUCTURAL MAY dc )",
                        "( 2.5.6.6 NAME 'person' SUP top STRUCTURAL" + may,
                        "( 2.5.6.7 NAME 'organizationalPerson' SUP person STRUCTURAL" + may,
                        "( 1.2.840.113556.1.5.9 NAME 'user' SUP organizationalPerson STRUCTURAL" + may,
                        "( 1.2.840.113556.1.3.30 NAME 'computer' SUP user STRUCTURAL" + may)));
    }

    int port() {
        return listener.getListenPort();
    }

    @Override
    public void close() {
        listener.shutDown(true);
    }

    public static void main(String[] args) throws Exception {
        int spns = Integer.parseInt(args[0]);
        int port = args.length > 1 ? Integer.parseInt(args[1]) : 0;
        int accounts = ScanBenchmark.accounts(spns);
        long t0 = System.nanoTime();
        StreamingBenchServer server = new StreamingBenchServer(accounts, ScanBenchmark::entry, port);
        double seconds = (System.nanoTime() - t0) / 1e9;
        long used = ScanBenchmark.usedAfterGc();
        System.out.printf(Locale.ROOT, "loaded %,d accounts (%,d SPNs) in %.1f s; server heap after GC %,d MB "
                + "(entry array + in-memory handler with 3 equality indexes)%n", accounts, accounts * 2L, seconds,
                used >> 20);
        System.out.println("READY " + server.port());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }

    /** Per-connection handler: paged searches here, everything else to the in-memory handler's instance. */
    static final class Handler extends LDAPListenerRequestHandler {
        private final Entry[] entries;
        private final InMemoryRequestHandler memory;
        private final LDAPListenerClientConnection connection;

        Handler(Entry[] entries, InMemoryRequestHandler memory, LDAPListenerClientConnection connection) {
            this.entries = entries;
            this.memory = memory;
            this.connection = connection;
        }

        @Override
        public Handler newInstance(LDAPListenerClientConnection c) throws LDAPException {
            return new Handler(entries, memory.newInstance(c), c);
        }

        @Override
        public LDAPMessage processSearchRequest(int id, SearchRequestProtocolOp op, List<Control> controls) {
            for (Control c : controls) {
                if (SimplePagedResultsControl.PAGED_RESULTS_OID.equals(c.getOID())) {
                    try {
                        SimplePagedResultsControl paged = c instanceof SimplePagedResultsControl p ? p
                                : new SimplePagedResultsControl(c.getOID(), c.isCritical(), c.getValue());
                        return page(id, op, paged);
                    } catch (LDAPException e) {
                        return done(id, e.getResultCode(), e.getMessage(), null);
                    }
                }
            }
            return memory.processSearchRequest(id, op, controls);
        }

        /** One page: walk from the cookie's position, send up to pageSize matches, answer with the next cookie. */
        private LDAPMessage page(int id, SearchRequestProtocolOp op, SimplePagedResultsControl paged) throws LDAPException {
            int requestKey = requestKey(op);
            int start = 0;
            int sentBefore = 0;
            ASN1OctetString cookie = paged.getCookie();
            if (cookie != null && cookie.getValueLength() > 0) {
                ByteBuffer b = ByteBuffer.wrap(cookie.getValue());
                if (b.remaining() != 12 || b.getInt(8) != requestKey) {
                    return done(id, ResultCode.UNWILLING_TO_PERFORM, "The paging cookie does not belong to this search.", null);
                }
                start = b.getInt(0);
                sentBefore = b.getInt(4);
                if (start < 0 || start > entries.length) {
                    return done(id, ResultCode.UNWILLING_TO_PERFORM, "The paging cookie is out of range.", null);
                }
            }
            if (paged.getSize() <= 0) { // size 0 abandons the paged search
                return done(id, ResultCode.SUCCESS, null, new ASN1OctetString());
            }
            DN base = new DN(op.getBaseDN());
            if (!base.isNullDN() && memory.getEntry(base) == null) {
                return done(id, ResultCode.NO_SUCH_OBJECT, "No such base entry: " + op.getBaseDN(), null);
            }
            SearchScope scope = op.getScope();
            Filter filter = op.getFilter();
            Selection selection = new Selection(op.getAttributes(), op.typesOnly());
            int limit = op.getSizeLimit();
            int sent = sentBefore;
            int inPage = 0;
            int i = start;
            for (; i < entries.length && inPage < paged.getSize(); i++) {
                Entry e = entries[i];
                if (!e.matchesBaseAndScope(base, scope) || !filter.matchesEntry(e)) {
                    continue;
                }
                if (limit > 0 && sent >= limit) {
                    return done(id, ResultCode.SIZE_LIMIT_EXCEEDED, null, new ASN1OctetString());
                }
                connection.sendSearchResultEntry(id, new SearchResultEntryProtocolOp(e.getDN(), selection.of(e)));
                sent++;
                inPage++;
            }
            ASN1OctetString next = new ASN1OctetString();
            if (i < entries.length) {
                next = new ASN1OctetString(ByteBuffer.allocate(12).putInt(i).putInt(sent).putInt(requestKey).array());
            }
            return done(id, ResultCode.SUCCESS, null, next);
        }

        /** Ties a cookie to the search it came from (base, scope, filter, attributes). */
        private static int requestKey(SearchRequestProtocolOp op) {
            return (op.getBaseDN().toLowerCase(Locale.ROOT) + '\0' + op.getScope().intValue() + '\0'
                    + op.getFilter().toNormalizedString() + '\0' + op.getAttributes()).hashCode();
        }

        private static LDAPMessage done(int id, ResultCode code, String message, ASN1OctetString cookie) {
            List<Control> controls = cookie == null ? List.of() : List.of(new SimplePagedResultsControl(0, cookie));
            return new LDAPMessage(id, new SearchResultDoneProtocolOp(code.intValue(), null, message, null), controls);
        }

        @Override
        public LDAPMessage processBindRequest(int id, BindRequestProtocolOp op, List<Control> controls) {
            return memory.processBindRequest(id, op, controls);
        }

        @Override
        public LDAPMessage processAddRequest(int id, AddRequestProtocolOp op, List<Control> controls) {
            return memory.processAddRequest(id, op, controls);
        }

        @Override
        public LDAPMessage processCompareRequest(int id, CompareRequestProtocolOp op, List<Control> controls) {
            return memory.processCompareRequest(id, op, controls);
        }

        @Override
        public LDAPMessage processDeleteRequest(int id, DeleteRequestProtocolOp op, List<Control> controls) {
            return memory.processDeleteRequest(id, op, controls);
        }

        @Override
        public LDAPMessage processExtendedRequest(int id, ExtendedRequestProtocolOp op, List<Control> controls) {
            return memory.processExtendedRequest(id, op, controls);
        }

        @Override
        public LDAPMessage processModifyRequest(int id, ModifyRequestProtocolOp op, List<Control> controls) {
            return memory.processModifyRequest(id, op, controls);
        }

        @Override
        public LDAPMessage processModifyDNRequest(int id, ModifyDNRequestProtocolOp op, List<Control> controls) {
            return memory.processModifyDNRequest(id, op, controls);
        }
    }

    /** The attributes a search asked for: all user attributes for none or "*", none for "1.1", else by name. */
    static final class Selection {
        private final boolean all;
        private final Set<String> names = new HashSet<>();
        private final boolean typesOnly;

        Selection(List<String> requested, boolean typesOnly) {
            this.typesOnly = typesOnly;
            boolean star = requested.isEmpty();
            for (String r : requested) {
                if (r.equals("*")) {
                    star = true;
                } else if (!r.equals("1.1") && !r.equals("+")) {
                    names.add(Attribute.getBaseName(r).toLowerCase(Locale.ROOT));
                }
            }
            all = star;
        }

        List<Attribute> of(Entry e) {
            List<Attribute> out = new ArrayList<>(all ? e.getAttributes().size() : names.size());
            for (Attribute a : e.getAttributes()) {
                if (all || names.contains(a.getBaseName().toLowerCase(Locale.ROOT))) {
                    out.add(typesOnly ? new Attribute(a.getName()) : a);
                }
            }
            return out;
        }
    }
}
