package io.github.spndoctor.core.demo;

import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.ldif.LDIFException;
import com.unboundid.ldif.LDIFReader;
import com.unboundid.ldif.LDIFWriter;
import io.github.spndoctor.core.apply.AuditLog;
import io.github.spndoctor.core.apply.PlanExecutor;
import io.github.spndoctor.core.apply.StatePaths;
import io.github.spndoctor.core.directory.DelegatingDirectory;
import io.github.spndoctor.core.directory.Directory;
import io.github.spndoctor.core.directory.DirectoryException;
import io.github.spndoctor.core.directory.demo.DemoDirectory;
import io.github.spndoctor.core.model.SpnChange;
import io.github.spndoctor.core.probe.ProbeEnvironment;
import io.github.spndoctor.core.verify.KerberosProbe;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The trainer's demo: the demo directory with its state kept between runs (a file in the user's profile), the demo's
 * DNS, and - started on first use - its real KDC and WinRM hosts ({@link DemoKerberos}). Every write through
 * {@link #directory()} is saved at once, so a break in one lesson (or one {@code spn-doctor} process) is still there
 * in the next; {@link #reset()} restores the seed exactly. Demo journals and the demo audit log live under the
 * state folder, apart from the real ones. Thread-safe.
 */
public final class TrainerDemo implements AutoCloseable {
    static final String DIRECTORY_FILE = "directory.ldif";
    static final String DNS_FILE = "dns.txt";
    /** A saved demo larger than this is not ours: the seed is used instead. */
    static final long MAX_STATE_BYTES = 4L * 1024 * 1024;

    private final Path stateDir;
    private final DemoDirectory server;
    private final DemoDns dns;
    private final String seedExport;
    private final Optional<String> loadProblem;
    private final Set<String> duplicatesAllowed = new HashSet<>();
    private final Directory view;
    private DemoKerberos kerberos;
    private boolean closed;

    private final boolean persist;

    private TrainerDemo(Path stateDir, DemoDirectory server, boolean persist) {
        this.stateDir = stateDir;
        this.server = server;
        this.persist = persist;
        this.seedExport = exportDirectory();
        this.loadProblem = persist ? loadSaved() : Optional.empty();
        this.dns = new DemoDns(computerNames(), persist ? loadAliases() : DemoDns.SEED_ALIASES);
        this.view = new SavingView(server);
    }

    /**
     * Makes a started demo directory the trainer's demo (its saved state is loaded into it). The demo then belongs to
     * the returned object: closing that closes the directory.
     */
    public static TrainerDemo wrap(Path stateDir, DemoDirectory started) {
        return new TrainerDemo(stateDir, started, true);
    }

    /** The trainer's demo for one run only: nothing is loaded or saved (tests of other features, a portable run). */
    public static TrainerDemo unsaved(Path stateDir, DemoDirectory started) {
        return new TrainerDemo(stateDir, started, false);
    }

    /** The demo's state folder in the user's profile: {@code ~/.spn-doctor/demo}. */
    public static Path defaultStateDir() { return StatePaths.journals(true).getParent(); }

    /** The trainer demo behind a session's directory (through any delegating views), if it is one. */
    public static Optional<TrainerDemo> of(Directory dir) {
        Directory d = dir;
        for (int i = 0; i < 10 && d != null; i++) {
            if (d instanceof SavingView v) {
                return Optional.of(v.demo());
            }
            d = d instanceof DelegatingDirectory dd ? dd.delegate() : null;
        }
        return Optional.empty();
    }

    /** Opens the demo with its saved state (or the seed, the first time). */
    public static TrainerDemo open(Path stateDir) {
        return open(stateDir, DemoDirectory.Options.DEFAULT);
    }

    public static TrainerDemo open(Path stateDir, DemoDirectory.Options options) {
        DemoDirectory d = DemoDirectory.start(options);
        try {
            return new TrainerDemo(stateDir, d, true);
        } catch (RuntimeException e) {
            d.close();
            throw e;
        }
    }

    /** The demo directory as the session sees it: writes are saved; closing it closes the whole demo. */
    public Directory directory() { return view; }

    /** The in-memory directory underneath (tests, the trainer's views). */
    public DemoDirectory server() { return server; }

    /** The demo's DNS. */
    public DemoDns dns() { return dns; }

    /** Why the saved state could not be used (the seed was loaded instead); empty when it loaded or there was none. */
    public Optional<String> loadProblem() { return loadProblem; }

    public Path stateDir() { return stateDir; }

    /** Where demo journals go: apart from the real ones ({@code <home>/demo/journals} for the default state folder). */
    public Path journals() { return stateDir.resolve("journals"); }

    /**
     * The executor for demo writes. Its audit log routes demo writes into the demo log beside the real one
     * ({@link AuditLog#fileFor}): {@code <state folder's parent>/demo/audit.log}, which is {@link #auditLog()} when the
     * state folder is named {@code demo}, as the default one is.
     */
    public PlanExecutor executor() { return new PlanExecutor(new AuditLog(stateDir.resolveSibling("audit.log"))); }

    /** The demo's own audit log, apart from the real one. */
    public Path auditLog() { return new AuditLog(stateDir.resolveSibling("audit.log")).fileFor(directory().info()); }

    /** The demo's KDCs and WinRM hosts, started now if not yet (a few tenths of a second; not on the UI thread). */
    public synchronized DemoKerberos kerberos() {
        if (closed) {
            throw new IllegalStateException("The demo is closed.");
        }
        if (kerberos == null) {
            kerberos = DemoKerberos.start(server, dns::canonical);
        }
        return kerberos;
    }

    /**
     * Starts the demo's KDCs and WinRM hosts now and primes the first probe's one-time costs (blocks; call it on a
     * background thread after the first frame, or before a probe): the trainer's logons and one ticket in each
     * realm, so the class waits for nothing when "Test the connection" is pressed.
     */
    public void warmUp() {
        try {
            String host = Breaks.DEFAULT_HOST;
            kerberos().client().serviceTicket(io.github.spndoctor.core.model.Spn.parse("HTTP/" + host));   // Kerby, both sides
            // the JDK's GSS and the HTTP exchange, on a healthy and on a hijacked host (both answers' code paths)
            for (String h : List.of(host, Breaks.DEFAULT_ALIAS_TARGET)) {
                new io.github.spndoctor.core.probe.LiveProbe(directory(), probeEnvironment(h)).run(
                        io.github.spndoctor.core.spn.Endpoint.parse(h), io.github.spndoctor.core.spn.WinrmClient.POWERSHELL,
                        io.github.spndoctor.core.spn.ClientSettings.DEFAULT, step -> { });
            }
        } catch (org.apache.kerby.kerberos.kerb.KrbException | RuntimeException e) {
            // a warm-up that fails only leaves the first probe slower; the probe itself reports what is wrong
        }
    }

    /** The ticket check with real demo tickets: the host's own key decides, as with {@code kvno -k} on the lab. */
    public KerberosProbe ticketProbe() { return new DemoTicketProbe(kerberos()); }

    /** Where the live probe finds the demo's KDC, the host's WinRM and the trainer's credentials, for {@code host}. */
    public ProbeEnvironment probeEnvironment(String host) { return new DemoProbeEnvironment(kerberos(), dns, host); }

    /**
     * The live probe's environment for {@code host}: the trainer demo's own KDC and WinRM acceptors when {@code dir} is
     * the trainer's demo (with a KDC per simulated DC when {@code dir} simulates them), else {@code otherwise} (the machine's krb5.conf, DNS and WinRM endpoints).
     */
    public static ProbeEnvironment probeEnvironment(Directory dir, String host, java.util.function.Supplier<ProbeEnvironment> otherwise) {
        return of(dir).<ProbeEnvironment>map(d -> new DemoProbeEnvironment(d.kerberos(), d.dns, host,
                io.github.spndoctor.core.directory.demo.ReplicatedDemo.in(dir))).orElseGet(otherwise);
    }

    /** The names a client resolves over {@code dir}: the demo's DNS on the trainer's demo, else {@code otherwise}. */
    public static io.github.spndoctor.core.diagnosis.NameResolver names(Directory dir, io.github.spndoctor.core.diagnosis.NameResolver otherwise) {
        return of(dir).map(d -> (io.github.spndoctor.core.diagnosis.NameResolver) d.dns()).orElse(otherwise);
    }

    /**
     * Lets the next addition of exactly this value go past the duplicate check, as an older DC or a restored backup
     * would (the "add a true duplicate" break); the check stays on for everything else.
     */
    public synchronized void allowDuplicate(SpnChange.Add change) { duplicatesAllowed.add(key(change)); }

    /** Restores the seed exactly (directory and DNS) and forgets the saved state. */
    public synchronized void reset() {
        server.reset();
        duplicatesAllowed.clear();
        dns.aliases().keySet().forEach(a -> dns.setAlias(a, null));
        DemoDns.SEED_ALIASES.forEach(dns::setAlias);
        if (!persist) {
            return;
        }
        try {
            Files.deleteIfExists(stateDir.resolve(DIRECTORY_FILE));
            Files.deleteIfExists(stateDir.resolve(DNS_FILE));
        } catch (IOException e) {
            throw new UncheckedIOException("The saved demo state could not be removed: " + e.getMessage(), e);
        }
    }

    /** True when the demo differs from its seed (something was fixed or broken since the last reset). */
    public synchronized boolean changedSinceSeed() {
        return !exportDirectory().equals(seedExport) || !dns.aliases().equals(DemoDns.SEED_ALIASES);
    }

    /** The whole demo as text: the directory's LDIF, then the DNS aliases. Equal text, equal demo. */
    public synchronized String export() {
        StringBuilder sb = new StringBuilder(exportDirectory());
        dns.aliases().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> sb.append("# dns-alias ").append(e.getKey()).append(' ').append(e.getValue()).append('\n'));
        return sb.toString();
    }

    /** Points a demo alias at another host and saves it (the CNAME break and its undo reach it through {@link #directory()}). */
    public synchronized void setAlias(String alias, String target) {
        dns.setAlias(alias, target);
        saveAliases();
    }

    private String exportDirectory() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (LDIFWriter w = new LDIFWriter(out)) {
            w.setWrapColumn(0);
            server.server().exportToLDIF(w, true, true, false);
        } catch (LDAPException | IOException e) {
            throw new IllegalStateException("The demo directory could not be exported: " + e.getMessage(), e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private Optional<String> loadSaved() {
        Path file = stateDir.resolve(DIRECTORY_FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            if (Files.size(file) > MAX_STATE_BYTES) {
                return Optional.of("The saved demo " + file + " is larger than " + MAX_STATE_BYTES / 1024 / 1024
                        + " MB, so it is not SPN Doctor's; the demo starts from its original state.");
            }
            byte[] bytes = Files.readAllBytes(file);
            try (LDIFReader r = new LDIFReader(new ByteArrayInputStream(bytes))) {
                server.server().importFromLDIF(true, r);
            }
            return Optional.empty();
        } catch (IOException | LDAPException | RuntimeException e) {
            server.reset();
            return Optional.of("The saved demo " + file + " could not be read (" + e.getMessage()
                    + "); the demo starts from its original state. Reset the demo to replace the file.");
        }
    }

    private Map<String, String> loadAliases() {
        Path file = stateDir.resolve(DNS_FILE);
        if (!Files.isRegularFile(file)) {
            return DemoDns.SEED_ALIASES;
        }
        Map<String, String> out = new LinkedHashMap<>();
        try {
            if (Files.size(file) > MAX_STATE_BYTES) {
                return DemoDns.SEED_ALIASES;
            }
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String[] p = line.strip().split("\\s+");
                if (p.length == 2 && p[0].matches("[A-Za-z0-9.-]{1,253}") && p[1].matches("[A-Za-z0-9.-]{1,253}")) {
                    out.put(p[0], p[1]);
                }
            }
            return out;
        } catch (IOException | RuntimeException e) {
            return DemoDns.SEED_ALIASES;
        }
    }

    private List<String> computerNames() {
        List<String> names = new ArrayList<>();
        try {
            for (SearchResultEntry e : server.server().search("", SearchScope.SUB,
                    Filter.createEqualityFilter("objectClass", "computer"), "dNSHostName").getSearchEntries()) {
                String h = e.getAttributeValue("dNSHostName");
                if (h != null && !e.hasObjectClass("msDS-ManagedServiceAccount") && !e.hasObjectClass("msDS-GroupManagedServiceAccount")) {
                    names.add(h.toLowerCase(Locale.ROOT));
                }
            }
        } catch (LDAPException e) {
            // a demo without computers resolves nothing
        }
        return names;
    }

    private synchronized void saveDirectory() {
        if (!persist) {
            return;
        }
        write(stateDir.resolve(DIRECTORY_FILE), exportDirectory());
    }

    private void saveAliases() {
        if (!persist) {
            return;
        }
        StringBuilder sb = new StringBuilder();
        dns.aliases().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> sb.append(e.getKey()).append(' ').append(e.getValue()).append('\n'));
        write(stateDir.resolve(DNS_FILE), sb.toString());
    }

    /** Writes through a temporary file and a move, so a crash never leaves half a demo behind. */
    private static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("The demo state could not be saved to " + file + ": " + e.getMessage(), e);
        }
    }

    private static String key(SpnChange c) {
        return c.account().dn().toLowerCase(Locale.ROOT) + "|" + c.spn().key();
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (kerberos != null) {
            kerberos.close();
        }
        server.close();
    }

    /** The session's view: every successful write is saved before the call returns. */
    private final class SavingView extends DelegatingDirectory {
        SavingView(Directory d) { super(d); }

        @Override
        public void apply(SpnChange change) throws DirectoryException {
            boolean allowed;
            synchronized (TrainerDemo.this) {
                allowed = change instanceof SpnChange.Add && duplicatesAllowed.remove(key(change));
            }
            if (allowed) {
                server.setUniquenessCheck(false);
            }
            try {
                super.apply(change);
            } finally {
                if (allowed) {
                    server.setUniquenessCheck(true);
                }
            }
            saveDirectory();
        }

        /** The CNAME break and its undo: re-points the alias only if it still points where the plan saw it, then saves. */
        @Override
        public void applyAlias(io.github.spndoctor.core.model.AliasChange change) throws DirectoryException {
            synchronized (TrainerDemo.this) {
                String now = dns.aliases().get(change.alias());
                if (!change.before().equals(now)) {
                    throw new DirectoryException(DirectoryException.Kind.VALUE_MISSING, "The DNS alias " + change.alias()
                            + " points at " + (now == null ? "nothing" : now) + ", not at " + change.before() + ": nothing was changed.");
                }
                if (!dns.knows(change.after())) {
                    throw new DirectoryException(DirectoryException.Kind.BAD_INPUT, change.after() + " is not a demo host: nothing was changed.");
                }
                setAlias(change.alias(), change.after());
            }
        }

        @Override
        public Optional<String> aliasTarget(String alias) {
            return Optional.ofNullable(dns.aliases().get(alias.strip().toLowerCase(Locale.ROOT)));
        }

        TrainerDemo demo() { return TrainerDemo.this; }

        @Override
        public void close() { TrainerDemo.this.close(); }
    }
}
