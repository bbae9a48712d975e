package dev.participation.groups.api.join;

import java.util.Locale;
import java.util.Optional;

/** Where a request stands. Only {@link #NEW} requests count against the response target. */
public enum JoinStatus {
    NEW, CONTACTED, JOINED, DECLINED,
    /** The member left: their details are erased, the row stays for anonymous counts. */
    LEFT;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<JoinStatus> of(String code) {
        for (JoinStatus s : values()) {
            if (s.code().equals(code)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
