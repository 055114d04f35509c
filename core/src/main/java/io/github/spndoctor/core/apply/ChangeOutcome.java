package io.github.spndoctor.core.apply;

import io.github.spndoctor.core.model.SpnChange;

import java.util.Locale;
import java.util.Objects;

/**
 * What happened to one change of a plan. Immutable.
 *
 * @param resultCode the directory's answer to the write: an LDAP result code ("0 success", "50 insufficientAccessRights"),
 *                   or "none (kind)" when the server gave none, "not sent" when the write was never sent; empty when not attempted
 */
public record ChangeOutcome(SpnChange change, Status status, String detail, String resultCode) {
    /** Per-change result. */
    public enum Status {
        /** The directory confirmed the write. */
        APPLIED,
        /** The directory refused it, or it was never sent; the value is as before. */
        FAILED,
        /** The connection broke while the change was under way and the result could not be read back. */
        UNKNOWN,
        /** An earlier change failed, so this one was not sent. */
        NOT_ATTEMPTED;

        public String id() { return name().toLowerCase(Locale.ROOT).replace('_', '-'); }

        public static Status fromId(String id) {
            return valueOf(id.toUpperCase(Locale.ROOT).replace('-', '_'));
        }
    }

    public ChangeOutcome {
        Objects.requireNonNull(change, "change");
        Objects.requireNonNull(status, "status");
        detail = detail == null ? "" : detail;
        resultCode = resultCode == null ? "" : resultCode;
    }

    public ChangeOutcome(SpnChange change, Status status, String detail) {
        this(change, status, detail, status == Status.APPLIED ? "0 success" : "");
    }

    /** The same outcome with the directory's result code. */
    public ChangeOutcome withResultCode(String code) {
        return new ChangeOutcome(change, status, detail, code);
    }
}
