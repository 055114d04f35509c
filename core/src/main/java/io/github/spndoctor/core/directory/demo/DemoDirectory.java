package io.github.spndoctor.core.directory.demo;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryDirectoryServerSnapshot;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedSearchRequest;
import com.unboundid.ldap.listener.interceptor.InMemoryOperationInterceptor;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPConnectionPool;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.schema.Schema;
import com.unboundid.ldif.LDIFReader;
import io.github.spndoctor.core.directory.DirectoryInfo;
import io.github.spndoctor.core.directory.ldap.LdapDirectory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.util.List;

/**
 * The built-in demo directory: an UnboundID in-memory LDAP server with a small AD-like schema, loaded with the seed
 * scenarios (see {@code demo-forest.ldif}), that refuses literal duplicate SPNs like a 2012 R2+ DC. It serves
 * trainers, first-time users and the tests. Thread-safe. {@link #reset()} restores the scenario after a fix.
 *
 * <pre>{@code
 * try (DemoDirectory demo = DemoDirectory.start()) {
 *     LookupResult r = demo.lookup(TargetName.parse("srv003.rwwilden01.local"));
 * }
 * }</pre>
 */
public final class DemoDirectory extends LdapDirectory {
    /** The base DNs of the demo forest: one domain per seed. */
    public static final List<String> BASE_DNS = List.of("DC=rwwilden01,DC=local", "DC=kimconnect,DC=com", "DC=contoso,DC=com");

    /** The demo forest's configuration partition (forest root rwwilden01.local); holds the default sPNMappings. */
    public static final String CONFIGURATION_NC = "CN=Configuration,DC=rwwilden01,DC=local";

    private final InMemoryDirectoryServer server;
    private final InMemoryDirectoryServerSnapshot initial;
    private final SpnUniquenessInterceptor uniqueness;

    private DemoDirectory(InMemoryDirectoryServer server, LDAPConnectionPool pool, SpnUniquenessInterceptor uniqueness) {
        super(pool, "", pool, new DirectoryInfo(true, "built-in demo directory", "demo administrator", false),
                30, () -> {
                    pool.close();
                    server.shutDown(true);
                });
        this.server = server;
        this.uniqueness = uniqueness;
        this.initial = server.createSnapshot();
    }

    /** Starts a demo directory with the seed scenarios and no artificial delay. */
    public static DemoDirectory start() {
        return start(Options.DEFAULT);
    }

    /**
     * Starts a demo directory.
     *
     * @param options an artificial delay for every search (to show and measure a slow network) and extra
     *                interceptors (tests inject faults with them)
     */
    public static DemoDirectory start(Options options) {
        try {
            InMemoryDirectoryServerConfig cfg = new InMemoryDirectoryServerConfig(BASE_DNS.toArray(String[]::new));
            cfg.setSchema(Schema.mergeSchemas(Schema.getDefaultStandardSchema(), adSchema()));
            cfg.setAccessLogHandler(null);
            cfg.setEnforceSingleStructuralObjectClass(false);
            cfg.setCustomRootDSEAttributes(List.of(new com.unboundid.ldap.sdk.Attribute(
                    "configurationNamingContext", CONFIGURATION_NC)));
            // requests go through a loopback listener, so interceptors see them exactly as a client's
            cfg.setListenerConfigs(InMemoryListenerConfig.createLDAPConfig("demo", InetAddress.getLoopbackAddress(), 0, null));
            InMemoryDirectoryServer[] holder = new InMemoryDirectoryServer[1];
            SpnUniquenessInterceptor uniqueness = new SpnUniquenessInterceptor(() -> holder[0]);
            if (options.searchDelayMillis() > 0) {
                cfg.addInMemoryOperationInterceptor(new DelayInterceptor(options.searchDelayMillis()));
            }
            options.interceptors().forEach(cfg::addInMemoryOperationInterceptor);
            cfg.addInMemoryOperationInterceptor(uniqueness);
            InMemoryDirectoryServer server = new InMemoryDirectoryServer(cfg);
            holder[0] = server;
            try (InputStream in = DemoDirectory.class.getResourceAsStream("demo-forest.ldif");
                 LDIFReader reader = new LDIFReader(in)) {
                server.importFromLDIF(true, reader);
            }
            server.startListening();
            LDAPConnectionPool pool = new LDAPConnectionPool(server.getConnection(), 1, 4);
            return new DemoDirectory(server, pool, uniqueness);
        } catch (LDAPException | IOException e) {
            throw new IllegalStateException("The built-in demo directory could not be started: " + e.getMessage(), e);
        }
    }

    private static Schema adSchema() throws IOException, LDAPException {
        try (InputStream in = DemoDirectory.class.getResourceAsStream("ad-schema.ldif");
             LDIFReader reader = new LDIFReader(in)) {
            Entry e = reader.readEntry();
            return new Schema(e);
        } catch (com.unboundid.ldif.LDIFException e) {
            throw new UncheckedIOException(new IOException("bad demo schema", e));
        }
    }

    /** The demo server runs in this process: its clock is the local clock. */
    @Override
    public java.util.Optional<java.time.Instant> serverTime() {
        return java.util.Optional.of(java.time.Instant.now());
    }

    /** The in-memory server, for tests and the trainer's "what happened on the wire" view. */
    public InMemoryDirectoryServer server() { return server; }

    /** The loopback port the demo server listens on (plain LDAP, no password needed). */
    public int port() { return server.getListenPort(); }

    /** Restores the seed scenarios, undoing every change made since start. */
    public void reset() { server.restoreSnapshot(initial); }

    /** Turns the 2012 R2+ duplicate-SPN check off (an older DC) or on. */
    public void setUniquenessCheck(boolean on) { uniqueness.setEnabled(on); }

    /** Start-up options for the demo directory. */
    public record Options(long searchDelayMillis, List<InMemoryOperationInterceptor> interceptors) {
        public static final Options DEFAULT = new Options(0, List.of());

        public Options {
            interceptors = List.copyOf(interceptors);
        }

        public Options withSearchDelay(long millis) { return new Options(millis, interceptors); }

        public Options withInterceptor(InMemoryOperationInterceptor i) {
            List<InMemoryOperationInterceptor> l = new java.util.ArrayList<>(interceptors);
            l.add(i);
            return new Options(searchDelayMillis, l);
        }
    }

    /** Sleeps before each search: the demo's stand-in for a slow WAN link to a domain controller. */
    private static final class DelayInterceptor extends InMemoryOperationInterceptor {
        private final long millis;

        DelayInterceptor(long millis) { this.millis = millis; }

        @Override
        public void processSearchRequest(InMemoryInterceptedSearchRequest request) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
