package io.github.spndoctor.app.page.scan;

import io.github.spndoctor.app.task.TaskRunner;
import io.github.spndoctor.app.ui.ErrorText;
import io.github.spndoctor.app.ui.Messages;
import io.github.spndoctor.core.directory.Directory;
import io.github.spndoctor.core.model.AccountRef;
import io.github.spndoctor.core.scan.ForestScanner;
import io.github.spndoctor.core.scan.ScanFinding;
import io.github.spndoctor.core.scan.ScanListener;
import io.github.spndoctor.core.scan.ScanProgress;
import io.github.spndoctor.core.scan.ScanReport;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The forest scan view's model: streams every SPN of the forest off the UI thread with progress (count and rate),
 * can be cancelled (what was found so far is then marked incomplete), and lists the findings with their cause id.
 * A failed scan says so; it never reads as "no conflicts".
 */
public final class ScanModel {
    private final Directory directory;
    private final TaskRunner runner;
    private final ObservableList<String> findings = FXCollections.observableArrayList();
    private final ObservableList<io.github.spndoctor.core.scan.ScanTable.Row> rows = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper progress = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper outcome = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper detail = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private volatile boolean cancelled;

    public ScanModel(Directory directory, TaskRunner runner) {
        this.directory = directory;
        this.runner = runner;
    }

    public ObservableList<String> findings() { return findings; }

    /** The findings as table rows (finding, SPN, holders, hosts affected, cause), from core's {@code ScanTable}. */
    public ObservableList<io.github.spndoctor.core.scan.ScanTable.Row> rows() { return rows; }

    /** The rows given as CSV (core's text, the same the CLI would write). */
    public String csv(java.util.List<io.github.spndoctor.core.scan.ScanTable.Row> shown) {
        return io.github.spndoctor.core.scan.ScanTable.csv(shown);
    }

    /** The rows given as an HTML page (core's text). */
    public String html(java.util.List<io.github.spndoctor.core.scan.ScanTable.Row> shown) {
        return io.github.spndoctor.core.scan.ScanTable.html(shown, Messages.get("scan.title", banner()));
    }

    public ReadOnlyStringProperty progressProperty() { return progress.getReadOnlyProperty(); }

    public ReadOnlyStringProperty outcomeProperty() { return outcome.getReadOnlyProperty(); }

    public ReadOnlyStringProperty detailProperty() { return detail.getReadOnlyProperty(); }

    public ReadOnlyBooleanProperty runningProperty() { return running.getReadOnlyProperty(); }

    /** The directory's banner, for the window title. */
    public String banner() { return directory.info().banner(); }

    /** Starts the scan. */
    public void start() {
        if (running.get()) {
            return;
        }
        cancelled = false;
        findings.clear();
        rows.clear();
        outcome.set("");
        detail.set("");
        running.set(true);
        progress.set(Messages.get("scan.starting"));
        runner.run(ui -> ForestScanner.scan(directory, new ScanListener() {
            @Override
            public void progress(ScanProgress p) {
                String line = Messages.get("scan.progress", p.phase(), p.accounts(), p.spns(),
                        String.format(Locale.ROOT, "%.0f", p.spnsPerSecond()));
                ui.post(() -> progress.set(line));
            }

            @Override
            public boolean cancelled() { return cancelled; }
        }), this::done, t -> {
            running.set(false);
            outcome.set(Messages.get("scan.failed", ErrorText.message(t)));
            detail.set(ErrorText.detail(t));
        });
    }

    /** Stops the scan after the current page; the findings so far are shown as incomplete. */
    public void cancel() {
        cancelled = true;
    }

    private void done(ScanReport r) {
        running.set(false);
        for (ScanFinding f : r.findings()) {
            findings.add(Messages.get("scan.finding", f.cause().id(), f.summary(),
                    f.accounts().stream().map(AccountRef::label).collect(Collectors.joining(", "))));
        }
        rows.setAll(io.github.spndoctor.core.scan.ScanTable.rows(r));
        String counts = Messages.get("scan.counts", r.accounts(), r.spns(), r.elapsed().toMillis() / 1000.0);
        outcome.set(!r.complete() ? Messages.get("scan.incomplete", r.findings().size(), counts)
                : r.findings().isEmpty() ? Messages.get("scan.none", counts)
                : Messages.get("scan.found", r.findings().size(), counts));
    }
}
