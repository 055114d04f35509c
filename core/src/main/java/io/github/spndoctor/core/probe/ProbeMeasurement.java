package io.github.spndoctor.core.probe;

import io.github.spndoctor.core.diagnosis.Measurement;
import io.github.spndoctor.core.model.Account;
import io.github.spndoctor.core.model.AccountKind;

import java.util.Optional;

/** Turns a probe result into the measurement the diagnosis weighs. Stateless. */
final class ProbeMeasurement {
    private ProbeMeasurement() {}

    static Measurement of(ProbeResult r) {
        return new Measurement(r.host(), r.spn().map(Object::toString), result(r), keyOwner(r), r.clockOffsetSeconds(),
                r.summary());
    }

    private static Measurement.Result result(ProbeResult r) {
        if (r.stopped() || r.spn().isEmpty()) {
            return Measurement.Result.NOT_MEASURED;
        }
        switch (r.ticket().outcome()) {
            case PRINCIPAL_UNKNOWN:
                return Measurement.Result.PRINCIPAL_UNKNOWN;
            case NOT_UNIQUE:
                return Measurement.Result.NOT_UNIQUE;
            case CLOCK_SKEW:
                return Measurement.Result.CLOCK_SKEW;
            case ISSUED:
                break;
            default:
                return r.tcp().containsValue(true) || r.tcp().isEmpty() ? Measurement.Result.NOT_MEASURED
                        : Measurement.Result.UNREACHABLE;
        }
        return switch (r.winrm()) {
            case ACCEPTED -> Measurement.Result.ACCEPTED;
            case REJECTED -> Measurement.Result.REJECTED;
            case UNREACHABLE -> Measurement.Result.UNREACHABLE;
            case NOT_TRIED -> Measurement.Result.NOT_MEASURED;
        };
    }

    private static Measurement.KeyOwner keyOwner(ProbeResult r) {
        Optional<Account> holder = r.answer().flatMap(a -> a.answeredBy());
        if (holder.isEmpty()) {
            return Measurement.KeyOwner.UNKNOWN;
        }
        String sam = holder.get().ref().samAccountName();
        boolean kvnoKnown = r.ticket().kvno().isPresent();
        boolean keyMatchesHolder = !kvnoKnown || r.kvnoMatches().stream().anyMatch(m -> m.equalsIgnoreCase(sam));
        if (!keyMatchesHolder) {
            return Measurement.KeyOwner.UNKNOWN;
        }
        if (holder.get().ref().kind() != AccountKind.COMPUTER) {
            return Measurement.KeyOwner.SERVICE_ACCOUNT;
        }
        boolean isTarget = r.computer().map(c -> c.equalsIgnoreCase(sam)).orElse(false);
        return isTarget ? Measurement.KeyOwner.THE_COMPUTER : Measurement.KeyOwner.OTHER_COMPUTER;
    }
}
