package io.github.spndoctor.core.directory;

import java.util.Locale;
import java.util.Objects;

/**
 * One domain controller of the forest as the directory itself lists it: the nTDSDSA object under
 * CN=Sites,CN=Configuration and its server's dNSHostName. Immutable.
 *
 * @param name               the server's dNSHostName (what is dialled), e.g. dc2.multi.test
 * @param site               the site the server object sits in, e.g. Default-First-Site-Name
 * @param domainNamingContext the domain it holds a full copy of (msDS-HasDomainNCs), e.g. DC=multi,DC=test
 * @param globalCatalog      nTDSDSA options bit 1 (IS_GC): also holds a partial copy of every other domain
 * @param invocationId       the DSA's invocationId as lower-case hex (names the originating DC in replication
 *                           metadata); empty when unknown
 */
public record DomainController(String name, String site, String domainNamingContext, boolean globalCatalog,
                               String invocationId) {
    public DomainController {
        Objects.requireNonNull(name, "name");
        site = site == null ? "" : site;
        domainNamingContext = domainNamingContext == null ? "" : domainNamingContext;
        invocationId = invocationId == null ? "" : invocationId.toLowerCase(Locale.ROOT);
    }

    /** The first label in upper case, as admins call a DC: "DC2". */
    public String shortName() {
        int dot = name.indexOf('.');
        return (dot > 0 ? name.substring(0, dot) : name).toUpperCase(Locale.ROOT);
    }

    /** True when {@code dn} lies in this DC's own domain (a full, writable copy). */
    public boolean holdsDomainOf(String dn) {
        return !domainNamingContext.isEmpty()
                && dn.toLowerCase(Locale.ROOT).replace(" ", "").endsWith(domainNamingContext.toLowerCase(Locale.ROOT).replace(" ", ""));
    }
}
