package io.github.spndoctor.core.spn;

import io.github.spndoctor.core.directory.Directory;
import io.github.spndoctor.core.directory.DirectoryException;
import io.github.spndoctor.core.diagnosis.NameResolver;
import io.github.spndoctor.core.model.Account;
import io.github.spndoctor.core.model.AccountKind;
import io.github.spndoctor.core.model.SpnMappings;
import io.github.spndoctor.core.model.TargetName;

import java.util.Objects;
import java.util.Optional;

/**
 * Requested SPN → who answers it → what that means: the line the Look up page leads with and {@code spn --json}
 * prints. Immutable; {@link #explain} asks the directory and DNS (off the UI thread).
 *
 * @param answer   empty when no SPN is requested
 * @param computer the target's computer account, when the directory knows it
 */
public record SpnExplanation(SpnRequest request, Optional<SpnAnswer> answer, Optional<Account> computer,
                             SpnVerdict verdict) {
    public SpnExplanation {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(answer, "answer");
        Objects.requireNonNull(computer, "computer");
        Objects.requireNonNull(verdict, "verdict");
    }

    public static SpnExplanation explain(Directory directory, SpnMappings mappings, Endpoint endpoint, WinrmClient client,
                                         ClientSettings settings, NameResolver dns) throws DirectoryException {
        SpnRequest request = ClientModel.requested(endpoint, client, settings, dns);
        if (request.spn().isEmpty()) {
            return new SpnExplanation(request, Optional.empty(), Optional.empty(), SpnVerdict.NO_KERBEROS);
        }
        SpnAnswer answer = SpnResolver.resolve(directory, mappings, request.spn().get());
        TargetName host = TargetName.parse(request.spn().get().host());
        Optional<Account> computer = host.isDnsName() ? directory.lookup(host).computer() : Optional.empty();
        return new SpnExplanation(request, Optional.of(answer), computer, verdictOf(answer, computer));
    }

    static SpnVerdict verdictOf(SpnAnswer answer, Optional<Account> computer) {
        return switch (answer.how()) {
            case NONE -> SpnVerdict.NO_ACCOUNT;
            case SEVERAL -> SpnVerdict.NOT_UNIQUE;
            case EXACT, HOST_ALIAS -> {
                Account holder = answer.answeredBy().orElseThrow();
                if (holder.ref().kind() != AccountKind.COMPUTER) {
                    yield SpnVerdict.WRONG_ACCOUNT;
                }
                yield computer.isEmpty() || computer.get().ref().sameEntry(holder.ref())
                        ? SpnVerdict.RIGHT_ACCOUNT : SpnVerdict.WRONG_ACCOUNT;
            }
        };
    }

    /** The account whose key the ticket carries, when exactly one answers. */
    public Optional<Account> answeredBy() { return answer.flatMap(SpnAnswer::answeredBy); }

    /**
     * E.g. "Server Manager asks for HTTP/srv003.rwwilden01.local → held by svc-srv003-web$ (managed service account)
     * → the ticket is encrypted for the wrong account".
     */
    public String headline() {
        String who = request.client().label();
        if (request.spn().isEmpty()) {
            return who + " does not use Kerberos for " + request.endpoint().name().asTyped() + " → " + verdict.words();
        }
        StringBuilder sb = new StringBuilder(who).append(" asks for ").append(request.spn().get()).append(" → ");
        SpnAnswer a = answer.orElseThrow();
        switch (a.how()) {
            case EXACT -> sb.append("held by ").append(describe(a.holders().get(0)));
            case HOST_ALIAS -> sb.append("answered through ").append(a.via().orElseThrow()).append(" by ")
                    .append(describe(a.holders().get(0)));
            case SEVERAL -> sb.append("held by ").append(a.holders().size()).append(" accounts (")
                    .append(String.join(", ", a.holders().stream().map(h -> h.ref().samAccountName()).toList())).append(')');
            case NONE -> sb.append("held by no account").append(a.via().map(v -> " (nor " + v + ")").orElse(""));
        }
        return sb.append(" → ").append(verdict.words()).toString();
    }

    /** "svc-srv003-web$ (managed service account)". */
    public static String describe(Account a) {
        return a.ref().samAccountName() + " (" + kindWords(a.ref().kind()) + ")";
    }

    public static String kindWords(AccountKind kind) {
        return switch (kind) {
            case USER -> "user account";
            case COMPUTER -> "computer account";
            case MSA -> "managed service account";
            case GMSA -> "group managed service account";
        };
    }
}
