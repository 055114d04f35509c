package io.github.spndoctor.app.plan;

import io.github.spndoctor.app.ui.Messages;
import io.github.spndoctor.core.directory.Directory;
import io.github.spndoctor.core.directory.DirectoryException;
import io.github.spndoctor.core.model.Account;
import io.github.spndoctor.core.model.SpnChange;
import io.github.spndoctor.core.model.TargetName;
import io.github.spndoctor.core.remedy.ClientStep;
import io.github.spndoctor.core.remedy.Plan;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Plan handling with the core basics only: a plain summary and setspn lines, a recheck by re-reading each account,
 * and change-by-change apply through {@link Directory#apply}. Used while the full preview/journal engine is not
 * available.
 */
public final class BasicPlanService implements PlanService {
    public static final PreviewFormat SUMMARY = new PreviewFormat("summary", Messages.get("preview.summary"), "txt");
    public static final PreviewFormat SETSPN = new PreviewFormat("setspn", Messages.get("preview.setspn"), "cmd");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final Path scriptDir;

    public BasicPlanService(Path scriptDir) {
        this.scriptDir = scriptDir;
    }

    @Override
    public List<PreviewFormat> formats() { return List.of(SUMMARY, SETSPN); }

    @Override
    public String render(Plan plan, PreviewFormat format) {
        StringBuilder sb = new StringBuilder();
        if (format.id().equals(SETSPN.id())) {
            sb.append("REM ").append(plan.title()).append('\n');
            for (SpnChange c : plan.changes()) {
                String who = c.account().samAccountName().isEmpty() ? c.account().dn() : c.account().samAccountName();
                sb.append("setspn ").append(c instanceof SpnChange.Add ? "-S " : "-D ").append(c.spn()).append(' ')
                        .append(who).append('\n');
            }
            return sb.toString();
        }
        sb.append(plan.title()).append("\n\n");
        int i = 1;
        for (SpnChange c : plan.changes()) {
            sb.append(i++).append(". ").append(c.description()).append("\n   ").append(c.account().dn()).append('\n');
        }
        for (String w : plan.warnings()) {
            sb.append("\n! ").append(w).append('\n');
        }
        for (ClientStep s : plan.clientSteps()) {
            sb.append('\n').append(s.title()).append(": ").append(s.explanation()).append('\n').append(s.script()).append('\n');
        }
        return sb.toString();
    }

    @Override
    public Recheck recheck(Directory directory, Plan plan) throws DirectoryException {
        List<String> changed = new ArrayList<>();
        for (SpnChange c : plan.changes()) {
            Optional<Account> now = directory.readAccount(c.account().dn());
            if (now.isEmpty()) {
                changed.add(Messages.get("recheck.gone", c.account().label()));
            } else if (c instanceof SpnChange.Remove && !now.get().holds(c.spn())) {
                changed.add(Messages.get("recheck.removedAlready", c.spn(), c.account().label()));
            } else if (c instanceof SpnChange.Add && now.get().holds(c.spn())) {
                changed.add(Messages.get("recheck.addedAlready", c.spn(), c.account().label()));
            }
        }
        return changed.isEmpty()
                ? new Recheck(true, plan, List.of(), Messages.get("recheck.same"))
                : new Recheck(false, plan, changed, Messages.get("recheck.changed"));
    }

    @Override
    public ApplyOutcome apply(Directory directory, TargetName target, Plan plan, ApplyListener listener) {
        List<ChangeStatus> statuses = new ArrayList<>(Collections.nCopies(plan.changes().size(), ChangeStatus.WAITING));
        List<SpnChange> done = new ArrayList<>();
        for (int i = 0; i < plan.changes().size(); i++) {
            SpnChange c = plan.changes().get(i);
            statuses.set(i, ChangeStatus.APPLYING);
            listener.changed(i, ChangeStatus.APPLYING, "");
            try {
                directory.apply(c);
                done.add(c);
                statuses.set(i, ChangeStatus.APPLIED);
                listener.changed(i, ChangeStatus.APPLIED, "");
            } catch (DirectoryException e) {
                statuses.set(i, ChangeStatus.FAILED);
                listener.changed(i, ChangeStatus.FAILED, e.getMessage());
                for (int j = i + 1; j < statuses.size(); j++) {
                    statuses.set(j, ChangeStatus.NOT_ATTEMPTED);
                    listener.changed(j, ChangeStatus.NOT_ATTEMPTED, "");
                }
                Plan applied = new Plan(plan.remedyId(), plan.title(), done, List.of(), List.of());
                return new ApplyOutcome(statuses, applied,
                        Messages.get("apply.failed", done.size(), plan.changes().size(), e.getMessage()),
                        e.detail(), Optional.empty(), null);
            }
        }
        return new ApplyOutcome(statuses, plan, Messages.plural("apply.done", done.size()), "", Optional.empty(), null);
    }

    @Override
    public Plan undoPlan(ApplyOutcome outcome) {
        return outcome.applied().inverse();
    }

    @Override
    public Path saveScript(Plan plan, TargetName target) throws IOException {
        Files.createDirectories(scriptDir);
        Path file = scriptDir.resolve("spn-doctor-" + safe(target.asTyped()) + "-" + LocalDateTime.now().format(STAMP) + ".cmd");
        Files.writeString(file, render(plan, SETSPN), StandardCharsets.UTF_8);
        return file;
    }

    @Override
    public Path saveReport(SessionFacts facts, Path file) throws IOException {
        StringBuilder sb = new StringBuilder("# SPN Doctor report: ").append(facts.target().asTyped()).append("\n\n");
        facts.causes().forEach(c -> sb.append("- ").append(c).append('\n'));
        facts.plan().ifPresent(p -> sb.append("\n```\n").append(render(p, SUMMARY)).append("```\n"));
        facts.outcome().ifPresent(o -> sb.append('\n').append(o.message()).append('\n'));
        if (!facts.checkAgain().isEmpty()) {
            sb.append('\n').append(facts.checkAgain()).append('\n');
        }
        Files.writeString(file, sb.toString(), StandardCharsets.UTF_8);
        return file;
    }

    static String safe(String name) {
        return name.replaceAll("[^A-Za-z0-9.-]", "_");
    }
}
