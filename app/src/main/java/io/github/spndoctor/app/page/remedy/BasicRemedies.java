package io.github.spndoctor.app.page.remedy;

import io.github.spndoctor.app.ui.Messages;
import io.github.spndoctor.core.directory.Directory;
import io.github.spndoctor.core.lookup.LookupResult;
import io.github.spndoctor.core.model.Registration;
import io.github.spndoctor.core.remedy.Plan;
import io.github.spndoctor.core.remedy.RemoveSpnPlanner;

import java.util.List;

/** The remove-spn remedy on its own ({@link RemoveSpnPlanner}), used while the full remedy catalogue is not available. */
public final class BasicRemedies implements RemedyService {
    @Override
    public List<RemedyChoice> options(LookupResult lookup) {
        boolean applicable = lookup.registrations().stream()
                .filter(r -> r.spn().hasClass("HTTP") && r.spn().port().isEmpty())
                .map(Registration::holders).flatMap(List::stream)
                .anyMatch(h -> !lookup.isTargetComputer(h));
        return List.of(new RemedyChoice(RemoveSpnPlanner.ID, Messages.get("remedy.removeSpn.title"),
                Messages.get("remedy.removeSpn.description"), true, true, applicable,
                applicable ? "" : Messages.get("remedy.removeSpn.whyNot", lookup.target().asTyped())));
    }

    @Override
    public Plan plan(String remedyId, LookupResult lookup, Directory directory) {
        if (!RemoveSpnPlanner.ID.equals(remedyId)) {
            throw new IllegalArgumentException(Messages.get("remedy.unknown", remedyId));
        }
        return RemoveSpnPlanner.plan(lookup);
    }
}
