package dev.participation.service.internal.protection;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AddressHashesTest {

    private final AddressHashes hashes = new AddressHashes(new byte[32]);

    @Test
    void oneAddressAlwaysCountsUnderOneKeyThatDoesNotShowTheAddress() {
        String counter = hashes.counterFor("192.0.2.10");

        assertThat(hashes.counterFor(" 192.0.2.10 ")).isEqualTo(counter);
        assertThat(counter).startsWith("address:").doesNotContain("192").hasSizeLessThanOrEqualTo(80);
        assertThat(hashes.counterFor("192.0.2.11")).isNotEqualTo(counter);
    }

    @Test
    void withoutTheSharedKeyTheHashCannotBeRecomputed() {
        byte[] otherKey = new byte[32];
        otherKey[31] = 7;

        assertThat(new AddressHashes(otherKey).counterFor("192.0.2.10")).isNotEqualTo(hashes.counterFor("192.0.2.10"));
    }

    @Test
    void anIpv6VisitorCountsByTheSlash64TheyHold() {
        String counter = hashes.counterFor("2001:db8:1:2:aaaa::1");

        assertThat(hashes.counterFor("2001:0db8:0001:0002:ffff:1:2:3")).isEqualTo(counter);
        assertThat(hashes.counterFor("[2001:db8:1:2::9]")).isEqualTo(counter);
        assertThat(hashes.counterFor("2001:db8:1:3::1")).isNotEqualTo(counter);
    }

    @Test
    void anIpv4AddressWrittenAsIpv6CountsAsItself() {
        assertThat(hashes.counterFor("::ffff:192.0.2.10")).isEqualTo(hashes.counterFor("192.0.2.10"));
    }

    @Test
    void somethingThatIsNoAddressIsCountedAsWritten() {
        assertThat(AddressHashes.network("not:an:address:zz")).isEqualTo("not:an:address:zz");
        assertThat(AddressHashes.network("unknown")).isEqualTo("unknown");
    }
}
