package io.github.spndoctor.core.session;

import io.github.spndoctor.core.demo.TrainerDemo;
import io.github.spndoctor.core.directory.Directory;
import io.github.spndoctor.core.verify.CommandRunner;
import io.github.spndoctor.core.verify.KerberosProbe;
import io.github.spndoctor.core.verify.ToolKerberosProbe;

import java.util.Map;
import java.util.Optional;

/**
 * How a session gets a Kerberos probe for the directory it is connected to: the one hook where a probe environment
 * (the platform's tools, a keytab, the demo's own KDC) plugs in. Called off the UI thread.
 */
@FunctionalInterface
public interface ProbeChoice {
    /** Never asks the KDC. */
    ProbeChoice NONE = dir -> Optional.empty();

    /** The trainer demo's own KDC; else the platform's tools (kvno / klist) where present, never for another demo directory (its names are fictional). */
    ProbeChoice PLATFORM = dir -> TrainerDemo.of(dir)
            .map(TrainerDemo::ticketProbe)   // the trainer's demo has its own KDC
            .or(() -> !dir.info().demo() && ToolKerberosProbe.available(CommandRunner.PROCESS, Map.of())
                    ? Optional.of(ToolKerberosProbe.forThisMachine()) : Optional.empty());

    Optional<KerberosProbe> probeFor(Directory directory);
}
