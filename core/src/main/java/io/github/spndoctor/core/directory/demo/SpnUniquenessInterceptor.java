package io.github.spndoctor.core.directory.demo;

import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedAddRequest;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedModifyRequest;
import com.unboundid.ldap.listener.interceptor.InMemoryOperationInterceptor;
import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPInterface;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;

import java.util.function.Supplier;

/**
 * Emulates the forest-wide SPN uniqueness check of Windows Server 2012 R2+ domain controllers on the demo
 * directory: an add or modify that would give an SPN to a second account fails with constraintViolation (19) and
 * AD's extended error 000021C7. Case-insensitive, like AD. Can be switched off to behave like an older DC.
 */
final class SpnUniquenessInterceptor extends InMemoryOperationInterceptor {
    private final Supplier<LDAPInterface> directory;
    private volatile boolean enabled = true;

    SpnUniquenessInterceptor(Supplier<LDAPInterface> directory) {
        this.directory = directory;
    }

    void setEnabled(boolean enabled) { this.enabled = enabled; }

    boolean enabled() { return enabled; }

    @Override
    public void processAddRequest(InMemoryInterceptedAddRequest request) throws LDAPException {
        Attribute spns = request.getRequest().getAttribute("servicePrincipalName");
        if (spns != null) {
            for (String v : spns.getValues()) {
                check(request.getRequest().getDN(), v);
            }
        }
    }

    @Override
    public void processModifyRequest(InMemoryInterceptedModifyRequest request) throws LDAPException {
        for (Modification m : request.getRequest().getModifications()) {
            if (m.getAttributeName().equalsIgnoreCase("servicePrincipalName")
                    && (m.getModificationType() == ModificationType.ADD || m.getModificationType() == ModificationType.REPLACE)) {
                for (String v : m.getValues()) {
                    check(request.getRequest().getDN(), v);
                }
            }
        }
    }

    private void check(String targetDn, String spn) throws LDAPException {
        if (!enabled) {
            return;
        }
        DN target = new DN(targetDn);
        for (SearchResultEntry e : directory.get().search("", SearchScope.SUB,
                Filter.createEqualityFilter("servicePrincipalName", spn), "1.1").getSearchEntries()) {
            if (!new DN(e.getDN()).equals(target)) {
                throw new LDAPException(ResultCode.CONSTRAINT_VIOLATION,
                        "000021C7: AtrErr: DSID-03200BBA, #1:\n\t0: 000021C7: DSID-03200BBA, problem 1005 "
                                + "(CONSTRAINT_ATT_TYPE), data 0, Att 90303 (servicePrincipalName)\n"
                                + " (the SPN " + spn + " is already registered on " + e.getDN() + ")");
            }
        }
    }
}
