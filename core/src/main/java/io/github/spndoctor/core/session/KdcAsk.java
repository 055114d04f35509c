package io.github.spndoctor.core.session;

import io.github.spndoctor.core.converge.KdcCheck;
import io.github.spndoctor.core.converge.KdcReport;
import io.github.spndoctor.core.converge.WatchOutcome;
import io.github.spndoctor.core.demo.TrainerDemo;
import io.github.spndoctor.core.directory.Directory;
import io.github.spndoctor.core.model.AccountRef;
import io.github.spndoctor.core.probe.ProbeEnvironment;

import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * The session's "then ask each DC's KDC" step after a watch (issue 15): where the KDCs are (the trainer demo's own
 * KDCs, one per simulated DC, or the environment the face gives), and why none is asked when none can be. Blocks.
 */
final class KdcAsk {
    private KdcAsk() {}

    static KdcReport ask(Directory directory, String host, List<AccountRef> alsoCompare, WatchOutcome watched,
                         Supplier<ProbeEnvironment> otherwise, KdcCheck.Progress progress, BooleanSupplier stop) {
        if (watched.report().isEmpty()) {
            return KdcReport.notAsked("No domain controller was watched, so no KDC was asked.");
        }
        if (directory.info().demo() && TrainerDemo.of(directory).isEmpty()) {
            return KdcReport.notAsked("This demo runs without its own KDCs, so no domain controller's KDC could be asked.");
        }
        ProbeEnvironment env = TrainerDemo.probeEnvironment(directory, host, otherwise);
        List<KdcCheck.DcTicket> asked = KdcCheck.run(watched.report().get(), directory, alsoCompare, env,
                io.github.spndoctor.core.probe.TicketProbe::request, progress, stop);
        boolean stopped = stop.getAsBoolean() || Thread.currentThread().isInterrupted();
        return new KdcReport(asked, stopped, asked.isEmpty() && !stopped
                ? "No domain controller could be read during the watch, so no KDC was asked." : "");
    }
}
