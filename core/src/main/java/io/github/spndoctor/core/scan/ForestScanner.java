package io.github.spndoctor.core.scan;

import io.github.spndoctor.core.diagnosis.CauseId;
import io.github.spndoctor.core.directory.Directory;
import io.github.spndoctor.core.directory.DirectoryException;
import io.github.spndoctor.core.directory.SpnHolder;
import io.github.spndoctor.core.directory.SpnScanSink;
import io.github.spndoctor.core.model.Account;
import io.github.spndoctor.core.model.AccountKind;
import io.github.spndoctor.core.model.AccountRef;
import io.github.spndoctor.core.model.Spn;
import io.github.spndoctor.core.model.SpnFormatException;
import io.github.spndoctor.core.model.TargetName;
import io.github.spndoctor.core.model.UnusualSpn;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Scans every servicePrincipalName of a forest for conflicts, streaming the values page by page
 * ({@link Directory#scanSpns}) and keeping only compact 64-bit hashes while it streams:
 * <ul>
 *   <li>{@code duplicate-spn}: the same SPN (case-insensitive) on two or more accounts;</li>
 *   <li>{@code http-spn-on-service-account}: {@code HTTP/<name>} (no port) on a user, MSA or gMSA while a computer
 *       holds {@code HOST/<name>} &mdash; the WinRM hijack that {@code setspn -X} cannot see;</li>
 *   <li>{@code spn-on-other-computer}: a computer holding a HOST/, HTTP/, WSMAN/ or RestrictedKrbHost/ SPN whose
 *       host is the name (dNSHostName or computer name) of a different computer. Names shared by two computers are
 *       skipped as ambiguous; service accounts, DCs' GUID and domain SPNs and other service classes are not
 *       judged by this rule.</li>
 * </ul>
 * Candidates are re-read with targeted lookups after the stream ends, so hash collisions and values that changed
 * during the scan never become findings, and each finding names real accounts. Stateless; thread-safe; blocks.
 */
public final class ForestScanner {
    /** Active Directory's default MaxPageSize. */
    public static final int DEFAULT_PAGE_SIZE = 1000;
    static final Set<String> WATCHED_CLASSES = Set.of("host", "http", "wsman", "restrictedkrbhost");
    private static final int BATCH = 512;
    private static final int AMBIGUOUS = -1;

    private ForestScanner() {}

    public static ScanReport scan(Directory directory, ScanListener listener) throws DirectoryException {
        return scan(directory, DEFAULT_PAGE_SIZE, listener);
    }

    /**
     * Scans the forest behind {@code directory}.
     *
     * @throws DirectoryException when the directory fails; a failed scan never yields a report (so never "no conflicts")
     */
    public static ScanReport scan(Directory directory, int pageSize, ScanListener listener) throws DirectoryException {
        Instant started = Instant.now();
        long t0 = System.nanoTime();
        Index index = new Index(listener, t0);
        boolean complete = directory.scanSpns(pageSize, index);
        index.flush();
        listener.progress(new ScanProgress("verifying", index.accounts, index.spns, Duration.ofNanos(System.nanoTime() - t0)));
        List<ScanFinding> findings = new ArrayList<>();
        findings.addAll(verifyDuplicates(directory, index));
        findings.addAll(verifyHijacks(directory, index));
        findings.addAll(verifyOtherComputers(directory, index));
        Duration elapsed = Duration.ofNanos(System.nanoTime() - t0);
        listener.progress(new ScanProgress("done", index.accounts, index.spns, elapsed));
        return new ScanReport(findings, index.accounts, index.spns, complete, directory.info(), started, elapsed, index.unusual);
    }

    /** The compact state built while streaming. Package-private for the memory benchmark. */
    static final class Index implements SpnScanSink {
        private final ScanListener listener;
        private final long t0;
        final LongIntMap spnOwner = new LongIntMap(1 << 12);
        final Map<Long, String> duplicates = new LinkedHashMap<>();
        final LongIntMap computerNames = new LongIntMap(1 << 10);
        final LongIntMap hostOnComputer = new LongIntMap(1 << 10);
        final TextArena httpOnServiceAccounts = new TextArena();
        final TextArena foreignHostOnComputer = new TextArena();
        final List<UnusualSpn> unusual = new ArrayList<>();
        long accounts;
        long spns;
        private int nextId;
        /** SPN hashes waiting for {@link #spnOwner}: inserted in batches so the table's cache misses overlap. */
        private final long[] pendingKeys = new long[BATCH];
        private final int[] pendingIds = new int[BATCH];
        private final String[] pendingTexts = new String[BATCH];
        private int pending;
        private long touched;

        Index(ScanListener listener, long t0) {
            this.listener = listener;
            this.t0 = t0;
        }

        @Override
        public void accept(SpnHolder holder) {
            int id = nextId++;
            accounts++;
            boolean computer = holder.kind() == AccountKind.COMPUTER;
            Set<String> own = computer ? ownNames(holder) : Set.of();
            for (String name : own) {
                long h = hash(name);
                int prev = computerNames.putIfAbsent(h, id);
                if (prev != LongIntMap.ABSENT && prev != id) {
                    computerNames.put(h, AMBIGUOUS);
                }
            }
            for (String raw : holder.spns()) {
                spns++;
                if (UnusualSpn.isUnusual(raw) && unusual.size() < ScanReport.MAX_UNUSUAL) {
                    UnusualSpn.check(raw, new AccountRef(holder.dn(), holder.samAccountName(), holder.kind()))
                            .ifPresent(unusual::add);
                }
                String lower = raw.toLowerCase(Locale.ROOT);
                pendingKeys[pending] = hash(lower);
                pendingIds[pending] = id;
                pendingTexts[pending] = raw;
                if (++pending == BATCH) {
                    flush();
                }
                int slash = lower.indexOf('/');
                if (slash <= 0) {
                    continue;
                }
                String cls = watchedClass(lower, slash);
                if (cls == null) {
                    continue;
                }
                String host = hostOf(lower, slash);
                if (host.isEmpty()) {
                    continue;
                }
                boolean hasPort = hasPort(lower, slash);
                if (computer) {
                    if (cls.equals("host")) {
                        hostOnComputer.put(hash(host), id);
                    }
                    if (!own.contains(host)) {
                        foreignHostOnComputer.add(hash(host), id, raw);
                    }
                } else if (cls.equals("http") && !hasPort) {
                    httpOnServiceAccounts.add(hash(host), id, raw);
                }
            }
        }

        /**
         * Records the pending SPN hashes in {@link #spnOwner}, in arrival order. A first pass only reads each key's
         * slot, so the CPU overlaps those independent cache misses; the inserts then hit warm cache lines.
         */
        void flush() {
            long sum = 0;
            for (int j = 0; j < pending; j++) {
                sum += spnOwner.touch(pendingKeys[j]);
            }
            touched += sum; // keeps the first pass from being optimised away
            for (int j = 0; j < pending; j++) {
                int prev = spnOwner.putIfAbsent(pendingKeys[j], pendingIds[j]);
                if (prev != LongIntMap.ABSENT && prev != pendingIds[j]) {
                    duplicates.putIfAbsent(pendingKeys[j], pendingTexts[j]);
                }
                pendingTexts[j] = null;
            }
            pending = 0;
        }

        @Override
        public void pageDone(long accountsSoFar) {
            flush();
            listener.progress(new ScanProgress("scanning", accounts, spns, Duration.ofNanos(System.nanoTime() - t0)));
        }

        @Override
        public boolean cancelled() {
            return listener.cancelled();
        }

        /** Bytes held by the index's arrays (excluding the small candidate maps' objects). */
        long footprintBytes() {
            return spnOwner.footprintBytes() + computerNames.footprintBytes() + hostOnComputer.footprintBytes()
                    + httpOnServiceAccounts.footprintBytes() + foreignHostOnComputer.footprintBytes();
        }
    }

    /**
     * The service class of a lower-cased SPN if it is one of {@link #WATCHED_CLASSES} (the set's own string),
     * else null; makes no substring.
     */
    static String watchedClass(String lowerSpn, int slash) {
        for (String cls : WATCHED_LIST) {
            if (cls.length() == slash && lowerSpn.startsWith(cls)) {
                return cls;
            }
        }
        return null;
    }

    private static final String[] WATCHED_LIST = WATCHED_CLASSES.toArray(String[]::new);

    /** The host part of a lower-cased SPN: between the first '/' and the next ':' or '/'. */
    static String hostOf(String lowerSpn, int slash) {
        int end = lowerSpn.length();
        int start = slash + 1;
        if (start < end && lowerSpn.charAt(start) == '[') {
            int close = lowerSpn.indexOf(']', start);
            return close < 0 ? "" : lowerSpn.substring(start, close + 1);
        }
        for (int i = start; i < end; i++) {
            char c = lowerSpn.charAt(i);
            if (c == ':' || c == '/') {
                end = i;
                break;
            }
        }
        return lowerSpn.substring(start, end); // a trailing dot is kept: the KDC compares SPNs as written
    }

    /** True when the host part is followed by ":port". */
    static boolean hasPort(String lowerSpn, int slash) {
        int start = slash + 1;
        if (start < lowerSpn.length() && lowerSpn.charAt(start) == '[') {
            int close = lowerSpn.indexOf(']', start);
            return close >= 0 && close + 1 < lowerSpn.length() && lowerSpn.charAt(close + 1) == ':';
        }
        for (int i = start; i < lowerSpn.length(); i++) {
            char c = lowerSpn.charAt(i);
            if (c == ':') {
                return true;
            }
            if (c == '/') {
                return false;
            }
        }
        return false;
    }

    /** A computer's own names, lower-case: computer name (sAMAccountName without $), dNSHostName and its first label. */
    static Set<String> ownNames(SpnHolder holder) {
        Set<String> names = new HashSet<>(4);
        String sam = holder.samAccountName().toLowerCase(Locale.ROOT);
        if (sam.endsWith("$")) {
            sam = sam.substring(0, sam.length() - 1);
        }
        if (!sam.isEmpty()) {
            names.add(sam);
        }
        if (holder.dnsHostName() != null && !holder.dnsHostName().isBlank()) {
            String dns = holder.dnsHostName().toLowerCase(Locale.ROOT).strip();
            names.add(dns);
            int dot = dns.indexOf('.');
            if (dot > 0) {
                names.add(dns.substring(0, dot));
            }
        }
        return names;
    }

    /** 64-bit FNV-1a over the UTF-16 units, then a finaliser; collisions are removed by the verification step. */
    static long hash(String s) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h *= 0x100000001b3L;
        }
        return LongIntMap.mix(h);
    }

    private static List<ScanFinding> verifyDuplicates(Directory dir, Index index) throws DirectoryException {
        List<ScanFinding> out = new ArrayList<>();
        for (String text : index.duplicates.values()) {
            Optional<Spn> spn = parse(text);
            if (spn.isEmpty()) {
                out.add(new ScanFinding(CauseId.DUPLICATE_SPN, List.of(text), List.of(),
                        "The value '" + text + "' is on more than one account; it is not a well-formed SPN, so the "
                                + "holders could not be re-read by value."));
                continue;
            }
            List<AccountRef> holders = dir.findHolders(spn.get()).stream().map(Account::ref).toList();
            if (holders.size() >= 2) {
                out.add(new ScanFinding(CauseId.DUPLICATE_SPN, List.of(text), holders,
                        text + " is registered on " + holders.size() + " accounts ("
                                + String.join(", ", holders.stream().map(AccountRef::label).toList())
                                + "): the KDC cannot choose, and Kerberos to this name fails. Keep it on one account."));
            }
        }
        return out;
    }

    private static List<ScanFinding> verifyHijacks(Directory dir, Index index) throws DirectoryException {
        List<ScanFinding> out = new ArrayList<>();
        Set<String> done = new HashSet<>();
        TextArena c = index.httpOnServiceAccounts;
        for (int i = 0; i < c.size(); i++) {
            if (index.hostOnComputer.get(c.key(i)) == LongIntMap.ABSENT) {
                continue;
            }
            String text = c.text(i);
            if (!done.add(text.toLowerCase(Locale.ROOT))) {
                continue;
            }
            Optional<Spn> http = parse(text);
            if (http.isEmpty()) {
                continue;
            }
            Optional<Spn> host = parse("HOST/" + http.get().host());
            if (host.isEmpty()) {
                continue;
            }
            List<AccountRef> services = dir.findHolders(http.get()).stream().map(Account::ref)
                    .filter(r -> r.kind().isServiceAccount()).toList();
            List<Account> computers = dir.findHolders(host.get()).stream()
                    .filter(a -> a.ref().kind() == AccountKind.COMPUTER).toList();
            if (services.isEmpty() || computers.isEmpty()) {
                continue;
            }
            String hostSpn = computers.get(0).spns().stream().filter(s -> s.equals(host.get())).findFirst()
                    .map(Spn::toString).orElse(host.get().toString());
            List<AccountRef> accounts = new ArrayList<>(services);
            computers.forEach(a -> accounts.add(a.ref()));
            out.add(new ScanFinding(CauseId.HTTP_SPN_ON_SERVICE_ACCOUNT, List.of(text, hostSpn), accounts,
                    text + " is on " + String.join(", ", services.stream().map(AccountRef::label).toList())
                            + " while " + computers.get(0).ref().label() + " holds " + hostSpn
                            + ": WinRM tickets for this name are encrypted for the service account and the host "
                            + "cannot decrypt them (0x80090322). setspn -X does not report this."));
        }
        return out;
    }

    private static List<ScanFinding> verifyOtherComputers(Directory dir, Index index) throws DirectoryException {
        List<ScanFinding> out = new ArrayList<>();
        Set<String> done = new HashSet<>();
        TextArena c = index.foreignHostOnComputer;
        for (int i = 0; i < c.size(); i++) {
            int named = index.computerNames.get(c.key(i));
            if (named == LongIntMap.ABSENT || named == AMBIGUOUS || named == c.tag(i)) {
                continue;
            }
            String text = c.text(i);
            if (!done.add(text.toLowerCase(Locale.ROOT))) {
                continue;
            }
            Optional<Spn> spn = parse(text);
            if (spn.isEmpty()) {
                continue;
            }
            TargetName target;
            try {
                target = TargetName.parse(spn.get().host());
            } catch (IllegalArgumentException e) {
                continue;
            }
            Optional<Account> owner = dir.lookup(target).computer();
            List<AccountRef> holders = dir.findHolders(spn.get()).stream().map(Account::ref)
                    .filter(r -> r.kind() == AccountKind.COMPUTER)
                    .filter(r -> owner.isEmpty() || !r.sameEntry(owner.get().ref())).toList();
            if (owner.isEmpty() || holders.isEmpty()) {
                continue;
            }
            List<AccountRef> accounts = new ArrayList<>(holders);
            accounts.add(owner.get().ref());
            out.add(new ScanFinding(CauseId.SPN_ON_OTHER_COMPUTER, List.of(text), accounts,
                    text + " names " + owner.get().ref().label() + " but is held by "
                            + String.join(", ", holders.stream().map(AccountRef::label).toList())
                            + ": tickets for this name are encrypted for the wrong computer. Check whether the holder "
                            + "is stale (renamed, cloned, retired) before removing it."));
        }
        return out;
    }

    private static Optional<Spn> parse(String text) {
        try {
            return Optional.of(Spn.parse(text));
        } catch (SpnFormatException e) {
            return Optional.empty();
        }
    }
}
