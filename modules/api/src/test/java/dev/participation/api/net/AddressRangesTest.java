package dev.participation.api.net;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AddressRangesTest {

    @Test
    void addressesAndRangesOfBothFamiliesMatch() {
        AddressRanges ranges = AddressRanges.parse("10.0.0.0/8", " 192.0.2.7 ", "2001:db8::/32", "172.16.0.0/12");

        assertThat(ranges.contains("10.200.3.4")).isTrue();
        assertThat(ranges.contains("11.0.0.1")).isFalse();
        assertThat(ranges.contains("192.0.2.7")).isTrue();
        assertThat(ranges.contains("192.0.2.8")).isFalse();
        assertThat(ranges.contains("172.31.255.255")).isTrue();
        assertThat(ranges.contains("172.32.0.1")).isFalse();
        assertThat(ranges.contains("2001:db8:1::5")).isTrue();
        assertThat(ranges.contains("[2001:db8::1]")).isTrue();
        assertThat(ranges.contains("2001:db9::1")).isFalse();
        assertThat(ranges.contains("::ffff:10.1.1.1")).isTrue();
        assertThat(ranges.rejected()).isEmpty();
    }

    @Test
    void namesAndNonsenseAreNeverAddresses() {
        AddressRanges ranges = AddressRanges.parse("0.0.0.0/0", "::/0");

        assertThat(ranges.contains("localhost")).isFalse();
        assertThat(ranges.contains("proxy.example")).isFalse();
        assertThat(ranges.contains("1.2.3.999")).isFalse();
        assertThat(ranges.contains("unknown")).isFalse();
        assertThat(ranges.contains("_hidden")).isFalse();
        assertThat(ranges.contains("")).isFalse();
        assertThat(ranges.contains(null)).isFalse();
        assertThat(ranges.contains("127.0.0.1")).isTrue();
        assertThat(ranges.contains("::1")).isTrue();
    }

    @Test
    void badEntriesAreReportedAndLeftOut() {
        AddressRanges ranges = AddressRanges.parse("10.0.0.0/33", "proxy.example", "", "127.0.0.1", "::1/129", "1.2.3.4/x");

        assertThat(ranges.rejected()).containsExactly("10.0.0.0/33", "proxy.example", "::1/129", "1.2.3.4/x");
        assertThat(ranges.contains("127.0.0.1")).isTrue();
        assertThat(ranges.contains("10.0.0.1")).isFalse();
    }

    @Test
    void anEmptySettingTrustsNobody() {
        assertThat(AddressRanges.parse().isEmpty()).isTrue();
        assertThat(AddressRanges.parse((String[]) null).contains("127.0.0.1")).isFalse();
        assertThat(AddressRanges.none().contains("127.0.0.1")).isFalse();
    }
}
