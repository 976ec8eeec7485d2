package lab.mobilenet.engine.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The CPU flags read from hand-written /proc/cpuinfo samples, and the libnd4j build chosen for them. */
class NativeSelectionTest {

    private static final Set<NativeVariant> ALL = EnumSet.allOf(NativeVariant.class);
    private static final Set<NativeVariant> DEFAULT_JAR = EnumSet.of(NativeVariant.GENERIC, NativeVariant.AVX2);

    private static Set<String> flags(String sample) throws IOException {
        try (InputStream in = NativeSelectionTest.class.getResourceAsStream("/cpuinfo/" + sample + ".txt")) {
            return CpuFlags.parse(new String(in.readAllBytes(), StandardCharsets.ISO_8859_1));
        }
    }

    private static NativeVariant auto(String sample, Set<NativeVariant> onClassPath) throws IOException {
        return NativeSelection.choose(flags(sample), onClassPath, null).variant();
    }

    @Test
    void flagsAreTheWordsOfTheFlagsLine() throws IOException {
        Set<String> haswell = flags("haswell-avx2");
        assertTrue(haswell.containsAll(Set.of("avx2", "fma", "f16c", "sse4_2", "bmi2")), haswell.toString());
        assertFalse(haswell.contains("avx512f"));
        assertFalse(haswell.contains("flags"));
        assertEquals(50, haswell.size(), "the words of the hand-written line");
    }

    @Test
    void aFlagCountsOnlyWhenEveryCoreHasIt() throws IOException {
        Set<String> mixed = flags("mixed-cores-one-without-avx512");
        assertTrue(mixed.contains("avx2"));
        assertFalse(mixed.contains("avx512f"), "core 1 lacks it");
    }

    @Test
    void armListsFeaturesNotFlags() throws IOException {
        assertEquals(Set.of(), flags("raspberry-pi-arm64"));
        assertEquals(Set.of(), CpuFlags.parse(""));
    }

    @Test
    void withoutAvx2TheGenericBuild() throws IOException {
        assertEquals(NativeVariant.GENERIC, auto("core2-sse4", ALL));
        assertEquals(NativeVariant.GENERIC, auto("sandybridge-avx", ALL), "AVX alone is not enough");
        assertEquals(NativeVariant.GENERIC, auto("avx2-without-fma", ALL), "the -avx2 build is compiled with -mfma");
        assertEquals(NativeVariant.GENERIC, auto("raspberry-pi-arm64", ALL));
    }

    @Test
    void avx2WithoutAvx512TheAvx2Build() throws IOException {
        assertEquals(NativeVariant.AVX2, auto("haswell-avx2", ALL));
        assertEquals(NativeVariant.AVX2, auto("knights-landing-avx512f-only", ALL), "no AVX-512 BW/DQ/VL");
        assertEquals(NativeVariant.AVX2, auto("mixed-cores-one-without-avx512", ALL));
    }

    @Test
    void avx512TheAvx512BuildWhenTheJarHasIt() throws IOException {
        assertEquals(NativeVariant.AVX512, auto("skylake-sp-avx512", ALL));
        assertEquals(NativeVariant.AVX2, auto("skylake-sp-avx512", DEFAULT_JAR));
        assertEquals(NativeVariant.GENERIC, auto("skylake-sp-avx512", EnumSet.of(NativeVariant.GENERIC)));
    }

    @Test
    void theOverrideCapsTheChoiceButNeverExceedsTheCpu() throws IOException {
        assertEquals(NativeVariant.GENERIC,
                NativeSelection.choose(flags("haswell-avx2"), ALL, "generic").variant());
        assertEquals(NativeVariant.AVX2,
                NativeSelection.choose(flags("skylake-sp-avx512"), ALL, "AVX2").variant());
        NativeSelection.Choice tooMuch = NativeSelection.choose(flags("haswell-avx2"), ALL, "avx512");
        assertEquals(NativeVariant.AVX2, tooMuch.variant());
        assertTrue(tooMuch.reason().contains("lacks avx512bw, avx512cd, avx512dq, avx512f, avx512vl"),
                tooMuch.reason());
        NativeSelection.Choice absent = NativeSelection.choose(flags("skylake-sp-avx512"), DEFAULT_JAR, "avx512");
        assertEquals(NativeVariant.AVX2, absent.variant());
        assertTrue(absent.reason().contains("does not include it"), absent.reason());
    }

    @Test
    void anUnknownOverrideIsIgnoredWithANote() throws IOException {
        NativeSelection.Choice c = NativeSelection.choose(flags("haswell-avx2"), ALL, "sse9");
        assertEquals(NativeVariant.AVX2, c.variant());
        assertTrue(c.reason().contains("mobilenet.native=sse9 is not generic, avx2, avx512 or auto"), c.reason());
        assertEquals(NativeVariant.AVX2, NativeSelection.choose(flags("haswell-avx2"), ALL, "auto").variant());
    }

    @Test
    void variantsLieInJavaCppsPlatformPlusExtensionFolders() {
        assertEquals("org/nd4j/linalg/cpu/nativecpu/bindings/linux-x86_64-avx2/libnd4jcpu.so",
                NativeVariant.AVX2.libraryResource("linux-x86_64"));
        assertEquals("org/nd4j/linalg/cpu/nativecpu/bindings/linux-x86_64/libnd4jcpu.so",
                NativeVariant.GENERIC.libraryResource("linux-x86_64"));
        assertEquals("org/nd4j/linalg/cpu/nativecpu/bindings/windows-x86_64/libnd4jcpu.dll",
                NativeVariant.GENERIC.libraryResource("windows-x86_64"));
    }

    @Test
    void theEngineAloneShipsOnlyTheGenericBuild() {
        // the engine's own class path (its tests) has no variant: nothing here can pick one the CPU lacks
        assertEquals(EnumSet.of(NativeVariant.GENERIC), NativeSelection.onClassPath(NativeSelection.javacppPlatform()));
    }
}
