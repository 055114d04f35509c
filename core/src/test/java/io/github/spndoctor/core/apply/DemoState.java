package io.github.spndoctor.core.apply;

import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import io.github.spndoctor.core.directory.demo.DemoDirectory;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/** Test helper: every servicePrincipalName value in the demo directory, exactly as stored, by DN. */
final class DemoState {
    private DemoState() {}

    static Map<String, String> snapshot(DemoDirectory demo) throws Exception {
        Map<String, String> out = new TreeMap<>();
        for (String base : DemoDirectory.BASE_DNS) {
            for (SearchResultEntry e : demo.server().search(base, SearchScope.SUB, "(servicePrincipalName=*)", "servicePrincipalName").getSearchEntries()) {
                String[] v = e.getAttributeValues("servicePrincipalName");
                Arrays.sort(v);
                out.put(e.getDN().toLowerCase(), String.join("|", v));
            }
        }
        return out;
    }
}
