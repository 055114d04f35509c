package io.github.spndoctor.app.page.remedy;

import io.github.spndoctor.core.directory.Directory;
import io.github.spndoctor.core.lookup.LookupResult;
import io.github.spndoctor.core.remedy.Plan;

import java.util.List;

/** The remedies that apply to a lookup, and the plan for one of them. Blocking; runs off the UI thread. */
public interface RemedyService {
    List<RemedyChoice> options(LookupResult lookup);

    /** The plan for {@code remedyId}; may consult the directory (duplicate checks, delegation warnings). */
    Plan plan(String remedyId, LookupResult lookup, Directory directory) throws Exception;
}
