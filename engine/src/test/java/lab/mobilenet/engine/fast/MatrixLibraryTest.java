package lab.mobilenet.engine.fast;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import lab.mobilenet.engine.model.Architecture;
import lab.mobilenet.engine.model.Network;
import lab.mobilenet.engine.model.NetworkBuilder;
import lab.mobilenet.engine.runtime.CancellationToken;
import lab.mobilenet.engine.runtime.RunListener;
import lab.mobilenet.engine.runtime.SeededWeights;
import lab.mobilenet.engine.runtime.Weights;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.Loader;
import org.junit.jupiter.api.Test;

/** The two sgemm libraries on hand-worked products, and oneDNN present wherever the build packs its natives. */
class MatrixLibraryTest {

    /** The platforms whose oneDNN and OpenCL natives engine/pom.xml adds (Maven Central has them). */
    private static final Set<String> WITH_ONEDNN = Set.of("linux-x86_64", "macosx-x86_64", "windows-x86_64");

    @Test
    void oneDnnLoadsAndIsPreferredWhereItsNativesArePacked() {
        if (WITH_ONEDNN.contains(Loader.getPlatform())) {
            assertEquals("", MatrixLibrary.oneDnnProblem(), "oneDNN's natives are on the class path");
            assertEquals(List.of(MatrixLibrary.ONEDNN, MatrixLibrary.OPENBLAS), MatrixLibrary.available());
            assertEquals(MatrixLibrary.ONEDNN, MatrixLibrary.preferred());
        } else {
            assertEquals(MatrixLibrary.OPENBLAS, MatrixLibrary.preferred(), Loader.getPlatform());
        }
    }

    @Test
    void bothLibrariesMultiplyAHandWorkedProductAndItsTransposedForm() {
        // A = [1 2 3; 4 5 6] (2x3), B = [1 0; 0 1; 1 1] (3x2): A·B = [4 5; 10 11]
        float[] expected = {4, 5, 10, 11};
        for (MatrixLibrary library : MatrixLibrary.available()) {
            try (FloatPointer a = new FloatPointer(1f, 2, 3, 4, 5, 6);
                 FloatPointer at = new FloatPointer(1f, 4, 2, 5, 3, 6); // A stored transposed, 3x2
                 FloatPointer b = new FloatPointer(1f, 0, 0, 1, 1, 1);
                 FloatPointer c = new FloatPointer(4)) {
                library.sgemm(false, 2, 2, 3, a, 3, b, 2, c, 2);
                float[] got = new float[4];
                c.get(got);
                assertArrayEquals(expected, got, library + ": A·B");
                c.put(new float[] {-1, -1, -1, -1});
                library.sgemm(true, 2, 2, 3, at, 2, b, 2, c, 2);
                c.get(got);
                assertArrayEquals(expected, got, library + ": (Aᵀ)ᵀ·B");
            }
        }
        MatrixLibrary.restoreOpenMpThreads(); // this thread's OpenMP count as it was, for the other tests
    }

    @Test
    void aProductFromAnotherThreadStartsNoOpenMpTeam() throws Exception {
        // oneDNN's OpenMP would start a team of threads per calling thread unless told one (MatrixLibrary).
        // A thread a native library starts takes its creator's name on Linux, so the team's threads would be
        // named like the caller: count the process's threads of that name, which the JIT's and the GC's
        // own threads (started when they like) never are.
        for (MatrixLibrary library : MatrixLibrary.available()) {
            int m = 256;
            String name = "omp-probe-" + library.ordinal();
            try (FloatPointer a = new FloatPointer((long) m * m); FloatPointer b = new FloatPointer((long) m * m);
                 FloatPointer c = new FloatPointer((long) m * m)) {
                int[] named = new int[1];
                Thread t = new Thread(() -> {
                    for (int i = 0; i < 20; i++) {
                        library.sgemm(false, m, m, m, a, m, b, m, c, m);
                    }
                    named[0] = threadsNamed(name); // OpenMP's threads outlive the call: count them now
                }, name);
                t.start();
                t.join();
                assertEquals(1, named[0], library + ": threads named like the caller while it ran");
            }
        }
    }

    @Test
    void aOneThreadPlanOnAFreshThreadStartsNoOpenMpTeam() throws Exception {
        // oneDNN fixes a primitive's OpenMP team when the primitive is made: the stem's, made in the first run
        // before anything had set the thread's count to one, ran on two threads in a one-thread plan
        MatrixLibrary.preferred();
        Network net = NetworkBuilder.build(Architecture.MOBILENET_V2, 0.35, 10);
        String name = "omp-plan-probe";
        int[] named = new int[1];
        try (Weights w = SeededWeights.create(net, 2); FastPlan fast = FastPlan.compile(net, w, 64, 64, 1);
             InspectionPlan inspection = InspectionPlan.compile(net, w, 64, 64, 1)) {
            Thread t = new Thread(() -> {
                org.nd4j.nativeblas.NativeOpsHolder.getInstance().getDeviceNativeOps().setOmpNumThreads(2);
                for (int i = 0; i < 5; i++) {
                    fast.logits(new float[3 * 64 * 64]);
                    inspection.run(new float[3 * 64 * 64], new RunListener() { }, CancellationToken.NEVER);
                }
                named[0] = threadsNamed(name);
            }, name);
            t.start();
            t.join();
        }
        assertEquals(1, named[0], "threads named like the plan's caller while it ran");
    }

    @Test
    void aPlanRunGivesItsThreadBackTheOpenMpThreadsItHad() {
        // the thread that runs a plan may run ND4J operations next, which must not be left on one thread
        MatrixLibrary.preferred(); // loads ND4J's backend, which NativeOpsHolder needs
        MatrixLibrary.restoreOpenMpThreads();
        var ops = org.nd4j.nativeblas.NativeOpsHolder.getInstance().getDeviceNativeOps();
        int before = ops.ompGetMaxThreads();
        ops.setOmpNumThreads(3);
        Network net = NetworkBuilder.build(Architecture.MOBILENET_V2, 0.35, 10);
        try (Weights w = SeededWeights.create(net, 2); FastPlan fast = FastPlan.compile(net, w, 64, 64, 2);
             InspectionPlan inspection = InspectionPlan.compile(net, w, 64, 64, 2)) {
            fast.logits(new float[3 * 64 * 64]);
            assertEquals(3, ops.ompGetMaxThreads(), "after the fast path");
            inspection.run(new float[3 * 64 * 64], new RunListener() { }, CancellationToken.NEVER);
            assertEquals(3, ops.ompGetMaxThreads(), "after the inspection path");
        } finally {
            ops.setOmpNumThreads(before);
        }
    }

    /** Threads of this process whose OS name is {@code name} (Linux's /proc; elsewhere the Java threads of it). */
    private static int threadsNamed(String name) {
        java.io.File[] tasks = new java.io.File("/proc/self/task").listFiles();
        if (tasks == null) {
            return (int) Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals(name)).count();
        }
        int n = 0;
        for (java.io.File task : tasks) {
            try {
                if (java.nio.file.Files.readString(task.toPath().resolve("comm")).strip().equals(name)) {
                    n++;
                }
            } catch (java.io.IOException e) { // the thread ended meanwhile
                continue;
            }
        }
        return n;
    }
}
