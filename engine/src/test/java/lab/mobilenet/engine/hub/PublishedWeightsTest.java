package lab.mobilenet.engine.hub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import lab.mobilenet.engine.model.Architecture;
import org.junit.jupiter.api.Test;

/**
 * The hub's list of checkpoints is read from the families' records, not kept beside them: the expected repos and
 * hashes below are copied from the project's WEIGHTS.md table (and timm's {@code legacy_xception.tf_in1k}).
 */
class PublishedWeightsTest {

    @Test
    void everyFamilyWithPublishedWeightsIsKnownToTheHubWithItsDefaultTag() {
        assertEquals(List.of("timm/mobilenetv1_100.ra4_e3600_r224_in1k", "timm/mobilenetv2_100.ra_in1k",
                        "timm/mobilenetv3_large_100.ra_in1k", "timm/mobilenetv3_small_100.lamb_in1k",
                        "timm/legacy_xception.tf_in1k"),
                HubSource.KNOWN.stream().map(HubSource::repo).toList());
        assertEquals(List.of("mobilenetv1_100", "mobilenetv2_100", "mobilenetv3_large_100", "mobilenetv3_small_100",
                "legacy_xception"), HubSource.KNOWN.stream().map(HubSource::model).toList());
        HubSource.KNOWN.forEach(s -> assertEquals("main", s.revision()));
    }

    @Test
    void pinnedHashesAreTheOnesTheHubAnnounces() {
        assertEquals("55ea4fb3a96010b933710ebf44fc965b070d5cd054d3f35e44f2d1320b4a714e",
                HubSource.forModel("mobilenetv2_100").orElseThrow().pinnedSha256());
        assertEquals("f425af34cc1cead2b5d6211f789a1f30b94835dc32f9c0fcc5a916e4fd2dde85",
                HubSource.forModel("mobilenetv3_large_100").orElseThrow().pinnedSha256());
        assertNull(HubSource.forModel("mobilenetv1_100").orElseThrow().pinnedSha256(), "not known ahead");
        assertEquals(HubSource.forModel("mobilenetv2_100").orElseThrow().pinnedSha256(),
                HubSource.parse("timm/mobilenetv2_100.ra_in1k").pinnedSha256(), "a known repo keeps its pin");
    }

    @Test
    void aSourceLeadsBackToItsNetwork() {
        assertEquals(Architecture.XCEPTION, HubSource.parse("legacy_xception").architecture().orElseThrow());
        assertEquals(Architecture.MOBILENET_V3_SMALL, HubSource.of(Architecture.MOBILENET_V3_SMALL).architecture()
                .orElseThrow());
        assertEquals(List.of("mobilenetv1_100", "mobilenetv2_100", "mobilenetv3_large_100", "mobilenetv3_small_100"),
                HubSource.of(Architecture.MOBILENETS).stream().map(HubSource::model).toList());
        assertEquals(java.util.Optional.empty(), HubSource.parse("someone/other_net").architecture());
    }

    @Test
    void aFamilyWithoutPublishedWeightsHasNoSource() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> HubSource.of(Architecture.CONV_MOBILENET_V1));
        assertEquals("conv_mobilenetv1 has no published weights", e.getMessage());
    }
}
