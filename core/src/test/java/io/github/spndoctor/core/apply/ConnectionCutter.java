package io.github.spndoctor.core.apply;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedModifyRequest;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedModifyResult;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedSearchRequest;
import com.unboundid.ldap.listener.interceptor.InMemoryOperationInterceptor;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Test fault injection for the demo directory: cuts every client connection right before the N-th modify is
 * performed, or right after it was performed but before the reply is sent. Optionally the server then "stays down":
 * every later search and modify is cut too, until {@link #heal()}.
 */
final class ConnectionCutter extends InMemoryOperationInterceptor {
    enum When { BEFORE, AFTER }

    private volatile InMemoryDirectoryServer server;
    private volatile int nth = -1;
    private volatile When when = When.BEFORE;
    private volatile boolean staysDown;
    private volatile boolean down;
    private final AtomicInteger modifies = new AtomicInteger();

    void attach(InMemoryDirectoryServer s) { this.server = s; }

    /** Arms the cutter for the {@code n}-th modify from now (1-based). */
    void arm(int n, When w, boolean stayDown) {
        modifies.set(0);
        nth = n;
        when = w;
        staysDown = stayDown;
        down = false;
    }

    void heal() {
        nth = -1;
        down = false;
    }

    private void cut() throws LDAPException {
        // "down" first: a client that reconnects the moment its connection closes must already find the server down
        if (staysDown) {
            down = true;
        }
        server.closeAllConnections(false);
        throw new LDAPException(ResultCode.SERVER_DOWN, "connection cut by the test");
    }

    @Override
    public void processModifyRequest(InMemoryInterceptedModifyRequest request) throws LDAPException {
        if (down) {
            cut();
        }
        int n = modifies.incrementAndGet();
        if (n == nth && when == When.BEFORE) {
            cut();
        }
    }

    @Override
    public void processModifyResult(InMemoryInterceptedModifyResult result) {
        if (modifies.get() == nth && when == When.AFTER) {
            if (staysDown) {
                down = true;
            }
            server.closeAllConnections(false);
        }
    }

    @Override
    public void processSearchRequest(InMemoryInterceptedSearchRequest request) throws LDAPException {
        if (down) {
            cut();
        }
    }
}
