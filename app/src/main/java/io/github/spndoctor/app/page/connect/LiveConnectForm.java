package io.github.spndoctor.app.page.connect;

import io.github.spndoctor.app.ui.Messages;
import io.github.spndoctor.core.directory.Directory;
import io.github.spndoctor.core.directory.DirectoryException;
import io.github.spndoctor.core.directory.UntrustedCertificateException;
import io.github.spndoctor.core.directory.connect.ConnectionProfile;
import io.github.spndoctor.core.directory.connect.ConnectionProfile.BindKind;
import io.github.spndoctor.core.directory.connect.ConnectionProfile.Security;
import io.github.spndoctor.core.directory.connect.ProfileStore;
import io.github.spndoctor.core.directory.connect.Trust;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.Arrays;
import java.util.Optional;

/**
 * The "My Active Directory" form of the Connect page: server or domain, transport security, sign-in, certificate
 * trust, saved profiles. Validation fills per-field errors; opening runs off the UI thread. The password lives only
 * in this form until the connection is opened, and is never saved. An unknown server certificate is shown with its
 * SHA-256 fingerprint and can be trusted explicitly.
 */
public final class LiveConnectForm {
    /** How to sign in. */
    public enum SignIn { PASSWORD, KERBEROS }

    /** Which certificates to trust. */
    public enum TrustChoice { SYSTEM, CA_FILE, FINGERPRINT }

    private final java.util.function.Supplier<ProfileStore> storeFactory;
    private ProfileStore store;
    private final ObservableList<ConnectionProfile> saved = FXCollections.observableArrayList();
    private final ObjectProperty<ConnectionProfile> selectedProfile = new SimpleObjectProperty<>();
    private final StringProperty server = new SimpleStringProperty("");
    private final BooleanProperty discover = new SimpleBooleanProperty(false);
    private final StringProperty port = new SimpleStringProperty("");
    private final ObjectProperty<Security> security = new SimpleObjectProperty<>(Security.LDAPS);
    private final ObjectProperty<SignIn> signIn = new SimpleObjectProperty<>(SignIn.PASSWORD);
    private final StringProperty identity = new SimpleStringProperty("");
    private final StringProperty password = new SimpleStringProperty("");
    private final ObjectProperty<TrustChoice> trust = new SimpleObjectProperty<>(TrustChoice.SYSTEM);
    private final StringProperty trustValue = new SimpleStringProperty("");
    private final BooleanProperty allowPlain = new SimpleBooleanProperty(false);
    private final BooleanProperty save = new SimpleBooleanProperty(true);
    private final StringProperty serverError = new SimpleStringProperty("");
    private final StringProperty identityError = new SimpleStringProperty("");
    private final StringProperty trustError = new SimpleStringProperty("");
    private final StringProperty formError = new SimpleStringProperty("");
    private final StringProperty certificate = new SimpleStringProperty("");
    private volatile String offeredFingerprint;

    /** @param store where profiles are saved; created on first use (off the UI thread) */
    public LiveConnectForm(java.util.function.Supplier<ProfileStore> store) {
        this.storeFactory = store;
        selectedProfile.addListener((o, a, b) -> {
            if (b != null) {
                fill(b);
            }
        });
    }


    public ObservableList<ConnectionProfile> savedProfiles() { return saved; }

    /** The profile store (created on first use). */
    public synchronized ProfileStore store() {
        if (store == null) {
            store = storeFactory.get();
        }
        return store;
    }

    public ObjectProperty<ConnectionProfile> selectedProfileProperty() { return selectedProfile; }

    public StringProperty serverProperty() { return server; }

    public BooleanProperty discoverProperty() { return discover; }

    public StringProperty portProperty() { return port; }

    public ObjectProperty<Security> securityProperty() { return security; }

    public ObjectProperty<SignIn> signInProperty() { return signIn; }

    public StringProperty identityProperty() { return identity; }

    public StringProperty passwordProperty() { return password; }

    public ObjectProperty<TrustChoice> trustProperty() { return trust; }

    public StringProperty trustValueProperty() { return trustValue; }

    public BooleanProperty allowPlainProperty() { return allowPlain; }

    public BooleanProperty saveProperty() { return save; }

    public StringProperty serverErrorProperty() { return serverError; }

    public StringProperty identityErrorProperty() { return identityError; }

    public StringProperty trustErrorProperty() { return trustError; }

    public StringProperty formErrorProperty() { return formError; }

    /** An untrusted server certificate (subject and fingerprint) the user may choose to trust; empty otherwise. */
    public StringProperty certificateProperty() { return certificate; }

    private void fill(ConnectionProfile p) {
        server.set(p.host() != null ? p.host() : p.domain() == null ? "" : p.domain());
        discover.set(p.host() == null && p.domain() != null);
        port.set(p.port() == 0 ? "" : Integer.toString(p.port()));
        security.set(p.security());
        signIn.set(p.bindKind() == BindKind.GSSAPI ? SignIn.KERBEROS : SignIn.PASSWORD);
        identity.set(p.bindIdentity() == null ? "" : p.bindIdentity());
        trust.set(TrustChoice.valueOf(p.trust().kind().name()));
        trustValue.set(p.trust().value() == null ? "" : p.trust().value());
        allowPlain.set(p.allowPlain());
        password.set("");
    }

    /**
     * Checks the form and builds the profile; shows each problem under its field.
     *
     * @return the profile, or empty when something must be corrected first
     */
    public Optional<ConnectionProfile> validate(boolean allowChanges) {
        serverError.set("");
        identityError.set("");
        trustError.set("");
        formError.set("");
        boolean ok = true;
        String s = server.get().strip().replaceFirst("(?i)^ldaps?://", "");
        int p = 0;
        if (s.isEmpty()) {
            serverError.set(Messages.get("live.server.missing"));
            ok = false;
        } else if (!s.matches("[A-Za-z0-9.:_\\[\\]-]{1,253}")) {
            serverError.set(Messages.get("live.server.bad"));
            ok = false;
        }
        if (!port.get().isBlank()) {
            try {
                p = Integer.parseInt(port.get().strip());
                if (p < 1 || p > 65535) {
                    throw new NumberFormatException();
                }
            } catch (NumberFormatException e) {
                serverError.set(Messages.get("live.port.bad"));
                ok = false;
            }
        }
        BindKind kind = BindKind.GSSAPI;
        String id = identity.get().strip();
        if (signIn.get() == SignIn.PASSWORD) {
            kind = id.contains("=") ? BindKind.SIMPLE_DN : BindKind.SIMPLE_UPN;
            if (id.isEmpty()) {
                identityError.set(Messages.get("live.identity.missing"));
                ok = false;
            } else if (kind == BindKind.SIMPLE_UPN && id.indexOf('@') < 1) {
                identityError.set(Messages.get("live.identity.bad", id));
                ok = false;
            } else if (password.get().isEmpty()) {
                identityError.set(Messages.get("live.password.missing"));
                ok = false;
            }
            if (security.get() == Security.PLAIN && !allowPlain.get()) {
                formError.set(Messages.get("live.plain.refused"));
                ok = false;
            }
        }
        Trust t = Trust.system();
        if (trust.get() == TrustChoice.CA_FILE) {
            if (trustValue.get().isBlank() || !java.nio.file.Files.isReadable(java.nio.file.Path.of(trustValue.get().strip()))) {
                trustError.set(Messages.get("live.cafile.bad"));
                ok = false;
            } else {
                t = Trust.caFile(trustValue.get().strip());
            }
        } else if (trust.get() == TrustChoice.FINGERPRINT) {
            try {
                t = Trust.fingerprint(Trust.normaliseFingerprint(trustValue.get()));
            } catch (IllegalArgumentException e) {
                trustError.set(e.getMessage());
                ok = false;
            }
        }
        if (!ok) {
            return Optional.empty();
        }
        try {
            boolean domain = discover.get();
            ConnectionProfile profile = new ConnectionProfile(s, ConnectionProfile.Mode.LIVE, domain ? null : s,
                    domain ? s : null, p, security.get(), null, 0, null, kind,
                    kind == BindKind.GSSAPI ? null : id, t, allowPlain.get(), !allowChanges, null, null, null);
            return Optional.of(profile);
        } catch (IllegalArgumentException e) {
            formError.set(e.getMessage());
            return Optional.empty();
        }
    }

    /** Opens the connection (blocking; off the UI thread). Saves the profile — never the password — on success. */
    public Directory open(ConnectionProfile profile) throws DirectoryException {
        char[] pw = profile.needsPassword() ? password.get().toCharArray() : null;
        try {
            Directory d = io.github.spndoctor.core.directory.connect.Connector.open(profile, pw);
            if (save.get()) {
                store().save(profile.withReadOnly(true));
            }
            return d;
        } catch (UntrustedCertificateException e) {
            offeredFingerprint = e.sha256Fingerprint();
            throw e;
        } finally {
            if (pw != null) {
                Arrays.fill(pw, '\0');
            }
        }
    }

    /** After a failed open: offers the certificate's fingerprint to trust, if that was the problem. UI thread. */
    public void failed(Throwable t) {
        if (t instanceof UntrustedCertificateException u) {
            certificate.set(Messages.get("live.certificate", u.subject(), u.issuer(), u.sha256Fingerprint()));
        } else {
            certificate.set("");
        }
    }

    /** Trusts the fingerprint the server presented (the user saw it); Next then connects with it. */
    public void trustOfferedCertificate() {
        if (offeredFingerprint != null) {
            trust.set(TrustChoice.FINGERPRINT);
            trustValue.set(offeredFingerprint);
            certificate.set("");
        }
    }

    /** Forgets the password (after connecting, or when leaving live mode). */
    public void clearPassword() {
        password.set("");
    }
}
