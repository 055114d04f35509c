package io.github.spndoctor.core.demo;

import org.apache.kerby.kerberos.kerb.KrbException;
import org.apache.kerby.kerberos.kerb.identity.backend.AbstractIdentityBackend;
import org.apache.kerby.kerberos.kerb.request.KrbIdentity;

import java.util.List;
import java.util.function.Function;

/**
 * Kerby's identity store for one demo realm. It stores nothing: every principal the KDC asks for is answered by a
 * function over the live demo directory ({@link DemoKdc}), so a ticket always follows the directory's current state.
 * Kerby creates it by class name; {@link #answerWith} connects it after {@code KdcServer.init()}.
 */
public final class DemoIdentityBackend extends AbstractIdentityBackend {
    private volatile Function<String, KrbIdentity> answer = name -> null;

    void answerWith(Function<String, KrbIdentity> f) { this.answer = f; }

    @Override
    protected KrbIdentity doGetIdentity(String principalName) {
        return answer.apply(principalName);
    }

    @Override
    protected Iterable<String> doGetIdentities() { return List.of(); }

    @Override
    protected KrbIdentity doAddIdentity(KrbIdentity identity) throws KrbException {
        throw new KrbException("The demo realm is derived from the demo directory; principals cannot be added.");
    }

    @Override
    protected KrbIdentity doUpdateIdentity(KrbIdentity identity) throws KrbException {
        throw new KrbException("The demo realm is derived from the demo directory; principals cannot be changed.");
    }

    @Override
    protected void doDeleteIdentity(String principalName) throws KrbException {
        throw new KrbException("The demo realm is derived from the demo directory; principals cannot be deleted.");
    }
}
