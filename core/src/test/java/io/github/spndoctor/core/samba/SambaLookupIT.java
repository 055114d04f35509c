package io.github.spndoctor.core.samba;

import io.github.spndoctor.core.diagnosis.CauseId;
import io.github.spndoctor.core.diagnosis.LookupClassifier;
import io.github.spndoctor.core.directory.ldap.LdapDirectory;
import io.github.spndoctor.core.lookup.LookupResult;
import io.github.spndoctor.core.model.AccountKind;
import io.github.spndoctor.core.model.Registration;
import io.github.spndoctor.core.model.Spn;
import io.github.spndoctor.core.model.TargetName;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The walking skeleton's lookup against a real Samba AD DC (over the global catalog). */
class SambaLookupIT {
    @Test
    void srv003HijackIsFoundOnTheGlobalCatalog() throws Exception {
        SambaLab.require();
        try (LdapDirectory dir = SambaLab.directory()) {
            LookupResult r = dir.lookup(TargetName.parse("srv003.lab.test"));
            Registration http = r.registration(Spn.parse("HTTP/srv003.lab.test")).orElseThrow();
            assertEquals("svc-srv003-web$", http.holders().get(0).samAccountName());
            assertEquals(AccountKind.MSA, http.holders().get(0).kind());
            assertEquals(CauseId.HTTP_SPN_ON_SERVICE_ACCOUNT, LookupClassifier.classify(r).get(0).id());
        }
    }
}
