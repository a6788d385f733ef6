package kz.qorgau.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReceiverAddressRulesTest {

    /** What a host of a URL stands for, as the guard reads it: a numeric spelling, else a literal. */
    private static InetAddress address(String host) throws Exception {
        Optional<InetAddress> numeric = ReceiverAddressRules.numericIpv4(host);
        return numeric.isPresent() ? numeric.get() : InetAddress.getByName(host);
    }

    @Test
    void noSpellingOfAnAddressOfTheServicesOwnNetworkGetsThrough() throws Exception {
        List<String> refused = List.of(
                "127.0.0.1",
                "127.1",
                "2130706433",
                "0x7f000001",
                "0x7f.0.0.1",
                "0177.0.0.1",
                "017700000001",
                "0.0.0.0",
                "0",
                "10.0.0.1",
                "172.16.5.4",
                "192.168.1.1",
                "100.64.0.1",
                "169.254.169.254",
                "0xa9fea9fe",
                "224.0.0.1",
                "255.255.255.255",
                "::1",
                "::",
                "::ffff:127.0.0.1",
                "::ffff:7f00:1",
                "::ffff:a9fe:a9fe",
                "::127.0.0.1",
                "64:ff9b::a9fe:a9fe",
                "2002:7f00:1::",
                "2002:a00:1::",
                "fc00::1",
                "fd12:3456::1",
                "fe80::1",
                "ff02::1",
                // IPv4-translated (SIIT) spellings of loopback, the metadata service and a private address.
                "::ffff:0:7f00:1",
                "::ffff:0:a9fe:a9fe",
                "::ffff:0:a00:1",
                // Teredo (its client address hidden in the last bits), benchmarking, ORCHID, documentation.
                "2001::1",
                "2001:0:4136:e378:8000:63bf:80ff:fffe",
                "2001:2::1",
                "2001:10::1",
                "2001:20::1",
                "3fff::1",
                // Outside global unicast: SRv6 SIDs and ranges not assigned.
                "5f00::1",
                "4000::1",
                "e000::1");
        for (String host : refused) {
            assertTrue(ReceiverAddressRules.whyRefused(address(host)).isPresent(), host + " must be refused");
        }
    }

    @Test
    void publicAddressesAreNoObjection() throws Exception {
        for (String host : List.of(
                "93.184.216.34",
                "8.8.8.8",
                "2606:4700:4700::1111",
                "::ffff:93.184.216.34",
                "::ffff:0:5db8:d822",
                "2a00:1450:4001:82a::200e")) {
            assertEquals(Optional.empty(), ReceiverAddressRules.whyRefused(address(host)), host);
        }
    }

    @Test
    void namesOfTheClusterTheCloudAndTheMachineAreRefusedWhateverTheyResolveTo() {
        for (String name : List.of(
                "localhost",
                "LOCALHOST.",
                "api.localhost",
                "metadata.google.internal",
                "metadata",
                "instance-data",
                "qorgau-postgres",
                "kubernetes.default.svc",
                "redis.prod.svc.cluster.local",
                "printer.local",
                "")) {
            assertTrue(ReceiverAddressRules.whyRefusedName(name).isPresent(), name + " must be refused");
        }
        for (String name : List.of("hooks.crisis-centre.kz", "partner.example.org", "93.184.216.34")) {
            assertEquals(Optional.empty(), ReceiverAddressRules.whyRefusedName(name), name);
        }
    }

    @Test
    void numericSpellingsAreReadAsTheCResolverReadsThem() throws Exception {
        assertEquals(
                InetAddress.getByName("127.0.0.1"),
                ReceiverAddressRules.numericIpv4("0x7f000001").orElseThrow());
        assertEquals(
                InetAddress.getByName("127.0.0.1"),
                ReceiverAddressRules.numericIpv4("0177.1").orElseThrow());
        assertEquals(
                InetAddress.getByName("10.0.1.2"),
                ReceiverAddressRules.numericIpv4("10.258").orElseThrow());
        assertEquals(Optional.empty(), ReceiverAddressRules.numericIpv4("256.1.1.1"));
        assertEquals(Optional.empty(), ReceiverAddressRules.numericIpv4("example.org"));
        assertEquals(Optional.empty(), ReceiverAddressRules.numericIpv4("1.2.3.4.5"));
        assertEquals(Optional.empty(), ReceiverAddressRules.numericIpv4("-1"));
        assertEquals(Optional.empty(), ReceiverAddressRules.numericIpv4("2606:4700::1111"));
    }
}
