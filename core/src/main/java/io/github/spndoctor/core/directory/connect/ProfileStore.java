package io.github.spndoctor.core.directory.connect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Saved connection profiles: one small JSON file ({@code profiles.json}) in the user's configuration directory
 * ({@code %APPDATA%\spn-doctor} on Windows, {@code $XDG_CONFIG_HOME/spn-doctor} or {@code ~/.config/spn-doctor}
 * elsewhere). A profile holds no password, by construction: {@link ConnectionProfile} has no field for one.
 * Writes go to a temporary file that is then moved over the old one, so a crash never leaves half a file; a file
 * that cannot be parsed is never overwritten. Thread-safe (methods are synchronized; one process at a time).
 */
public final class ProfileStore {
    static final int VERSION = 1;
    static final long MAX_FILE_BYTES = 1 << 20;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path file;

    public ProfileStore(Path file) {
        this.file = file;
    }

    /** The store at the platform's default location ({@code SPN_DOCTOR_CONFIG_DIR} overrides the directory). */
    public static ProfileStore defaultStore() {
        String override = System.getenv("SPN_DOCTOR_CONFIG_DIR");
        Path dir;
        if (override != null && !override.isBlank()) {
            dir = Path.of(override);
        } else if (org.apache.commons.lang3.SystemUtils.IS_OS_WINDOWS
                && System.getenv("APPDATA") != null) {
            dir = Path.of(System.getenv("APPDATA"), "spn-doctor");
        } else if (System.getenv("XDG_CONFIG_HOME") != null && !System.getenv("XDG_CONFIG_HOME").isBlank()) {
            dir = Path.of(System.getenv("XDG_CONFIG_HOME"), "spn-doctor");
        } else {
            dir = Path.of(System.getProperty("user.home"), ".config", "spn-doctor");
        }
        return new ProfileStore(dir.resolve("profiles.json"));
    }

    public Path file() { return file; }

    /** Every saved profile, in the order saved. Empty when the file does not exist yet. */
    public synchronized List<ConnectionProfile> list() {
        List<ConnectionProfile> out = new ArrayList<>();
        for (JsonNode n : read().withArray("profiles")) {
            out.add(fromJson(n));
        }
        return out;
    }

    /** The profile with this name (case-insensitive). */
    public synchronized Optional<ConnectionProfile> load(String name) {
        return list().stream().filter(p -> p.displayName().equalsIgnoreCase(name)).findFirst();
    }

    /** Saves {@code profile} under its display name, replacing a profile of the same name. */
    public synchronized void save(ConnectionProfile profile) {
        ObjectNode root = read();
        ArrayNode old = root.withArray("profiles");
        ArrayNode fresh = JSON.createArrayNode();
        boolean replaced = false;
        for (JsonNode n : old) {
            if (fromJson(n).displayName().equalsIgnoreCase(profile.displayName())) {
                if (!replaced) {
                    fresh.add(toJson(profile));
                    replaced = true;
                }
            } else {
                fresh.add(n);
            }
        }
        if (!replaced) {
            fresh.add(toJson(profile));
        }
        root.set("profiles", fresh);
        write(root);
    }

    /** Deletes the named profile; returns false when there was none. */
    public synchronized boolean delete(String name) {
        ObjectNode root = read();
        ArrayNode fresh = JSON.createArrayNode();
        boolean found = false;
        for (JsonNode n : root.withArray("profiles")) {
            if (fromJson(n).displayName().equalsIgnoreCase(name)) {
                found = true;
            } else {
                fresh.add(n);
            }
        }
        if (found) {
            root.set("profiles", fresh);
            write(root);
        }
        return found;
    }

    private ObjectNode read() {
        if (!Files.exists(file)) {
            ObjectNode root = JSON.createObjectNode();
            root.put("version", VERSION);
            root.putArray("profiles");
            return root;
        }
        try {
            if (Files.size(file) > MAX_FILE_BYTES) {
                throw new UncheckedIOException(new IOException("The profile file " + file + " is larger than 1 MB; "
                        + "it was left untouched. Move it away to start afresh."));
            }
            JsonNode n = JSON.readTree(Files.readAllBytes(file));
            if (!(n instanceof ObjectNode o) || !o.path("profiles").isArray()) {
                throw new IOException("not a profile file");
            }
            return o;
        } catch (UncheckedIOException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new UncheckedIOException(new IOException("The profile file " + file + " cannot be read ("
                    + e.getMessage() + "); it was left untouched. Move it away to start afresh.", e));
        }
    }

    private void write(ObjectNode root) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.write(tmp, JSON.writeValueAsString(root).getBytes(StandardCharsets.UTF_8));
            try {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system (Windows): the per-user profile directory protects it
            }
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(new IOException("The profile could not be saved to " + file + ": " + e.getMessage(), e));
        }
    }

    static ObjectNode toJson(ConnectionProfile p) {
        ObjectNode n = JSON.createObjectNode();
        n.put("name", p.displayName());
        n.put("mode", p.mode().name());
        n.put("host", p.host());
        n.put("domain", p.domain());
        n.put("port", p.port());
        n.put("security", p.security().name());
        n.put("gcHost", p.gcHost());
        n.put("gcPort", p.gcPort());
        n.put("baseDn", p.baseDn());
        n.put("bindKind", p.bindKind().name());
        n.put("bindIdentity", p.bindIdentity());
        n.put("trust", p.trust().kind().name());
        n.put("trustValue", p.trust().value());
        n.put("allowPlain", p.allowPlain());
        n.put("readOnly", p.readOnly());
        n.put("dnsServer", p.dnsServer());
        n.put("connectTimeoutSeconds", p.connectTimeout().toSeconds());
        n.put("responseTimeoutSeconds", p.responseTimeout().toSeconds());
        return n;
    }

    static ConnectionProfile fromJson(JsonNode n) {
        Trust.Kind tk = Trust.Kind.valueOf(text(n, "trust", "SYSTEM"));
        Trust trust = tk == Trust.Kind.SYSTEM ? Trust.system() : new Trust(tk, text(n, "trustValue", null));
        return new ConnectionProfile(text(n, "name", null), ConnectionProfile.Mode.valueOf(text(n, "mode", "LIVE")),
                text(n, "host", null), text(n, "domain", null), n.path("port").asInt(0),
                ConnectionProfile.Security.valueOf(text(n, "security", "LDAPS")), text(n, "gcHost", null),
                n.path("gcPort").asInt(0), text(n, "baseDn", null),
                ConnectionProfile.BindKind.valueOf(text(n, "bindKind", "ANONYMOUS")), text(n, "bindIdentity", null),
                trust, n.path("allowPlain").asBoolean(false), n.path("readOnly").asBoolean(true),
                text(n, "dnsServer", null), Duration.ofSeconds(n.path("connectTimeoutSeconds").asLong(10)),
                Duration.ofSeconds(n.path("responseTimeoutSeconds").asLong(30)));
    }

    private static String text(JsonNode n, String field, String dflt) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? dflt : v.asText();
    }
}
