package io.github.spndoctor.app.page.remedy;

import io.github.spndoctor.core.directory.Directory;
import io.github.spndoctor.core.lookup.LookupResult;
import io.github.spndoctor.core.remedy.Plan;
import io.github.spndoctor.core.remedy.Remedies;

import java.util.List;

/** The remedy catalogue of core ({@link Remedies}): every remedy with whether it applies here, and its plan.
 * Blocking; runs off the UI thread. Stateless. */
public final class RemedyService {
    public List<RemedyChoice> options(LookupResult lookup) {
        return Remedies.options(lookup).stream()
                .map(o -> new RemedyChoice(o.id(), o.title(), o.description(), o.recommended(),
                        o.needsDirectoryWrite(), o.applicable(), o.whyNot() == null ? "" : o.whyNot()))
                .toList();
    }

    /** The plan for {@code remedyId}; may consult the directory (duplicate checks, delegation warnings). */
    public Plan plan(String remedyId, LookupResult lookup, Directory directory) throws Exception {
        return Remedies.plan(remedyId, lookup, directory);
    }
}
