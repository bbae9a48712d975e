package dev.participation.api.net;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A set of IP addresses and CIDR ranges from a setting ({@code 10.0.0.0/8}, {@code 192.0.2.7},
 * {@code 2001:db8::/32}). Only literal addresses are ever read: a host name would mean a DNS look-up
 * on every request, and an answer an attacker may control.
 */
public final class AddressRanges {

    private static final Pattern IPV4 = Pattern.compile(
            "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    private record Range(byte[] network, int prefix) {
        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int whole = prefix / 8;
            for (int i = 0; i < whole; i++) {
                if (address[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xff << (8 - rest)) & 0xff;
            return (address[whole] & mask) == (network[whole] & mask);
        }
    }

    private static final AddressRanges NONE = new AddressRanges(List.of(), List.of());

    private final List<Range> ranges;
    private final List<String> rejected;

    private AddressRanges(List<Range> ranges, List<String> rejected) {
        this.ranges = ranges;
        this.rejected = rejected;
    }

    public static AddressRanges none() {
        return NONE;
    }

    /**
     * Reads the entries of a setting; blank entries are skipped and entries that are not an
     * address or a range are left out and listed by {@link #rejected()}, so one typing mistake does
     * not stop the portal.
     */
    public static AddressRanges parse(String... entries) {
        List<Range> ranges = new ArrayList<>();
        List<String> rejected = new ArrayList<>();
        for (String entry : entries == null ? new String[0] : entries) {
            if (entry == null || entry.isBlank()) {
                continue;
            }
            String text = entry.trim();
            int slash = text.indexOf('/');
            Optional<byte[]> address = literal(slash < 0 ? text : text.substring(0, slash));
            if (address.isEmpty()) {
                rejected.add(text);
                continue;
            }
            int bits = address.get().length * 8;
            int prefix = bits;
            if (slash >= 0) {
                try {
                    prefix = Integer.parseInt(text.substring(slash + 1));
                } catch (NumberFormatException e) {
                    prefix = -1;
                }
            }
            if (prefix < 0 || prefix > bits) {
                rejected.add(text);
                continue;
            }
            ranges.add(new Range(address.get(), prefix));
        }
        return ranges.isEmpty() && rejected.isEmpty() ? NONE : new AddressRanges(List.copyOf(ranges), List.copyOf(rejected));
    }

    /** Whether the literal address lies in one of the ranges; false for anything that is not an address. */
    public boolean contains(String address) {
        if (ranges.isEmpty() || address == null) {
            return false;
        }
        Optional<byte[]> bytes = literal(address);
        return bytes.isPresent() && ranges.stream().anyMatch(r -> r.contains(bytes.get()));
    }

    public boolean isEmpty() {
        return ranges.isEmpty();
    }

    /** The entries that were neither an address nor a range, to be reported to whoever configured them. */
    public List<String> rejected() {
        return rejected;
    }

    /**
     * The bytes of a literal IPv4 or IPv6 address ({@code [::1]} brackets allowed), never looked up in
     * DNS. An IPv4 address written as IPv6 ({@code ::ffff:192.0.2.1}) reads as IPv4.
     */
    public static Optional<byte[]> literal(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String s = text.trim();
        if (s.startsWith("[") && s.endsWith("]")) {
            s = s.substring(1, s.length() - 1);
        }
        // Only text that is already an address reaches InetAddress, so it never asks DNS.
        if (!IPV4.matcher(s).matches() && !IPV6.matcher(s).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(s).getAddress());
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }
}
