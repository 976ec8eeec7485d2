package lab.mobilenet.engine.fast;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicIntegerArray;
import lab.mobilenet.engine.model.Architecture;
import lab.mobilenet.engine.model.Network;
import lab.mobilenet.engine.model.NetworkBuilder;
import lab.mobilenet.engine.runtime.CancellationToken;
import lab.mobilenet.engine.runtime.SeededWeights;
import lab.mobilenet.engine.runtime.Weights;
import org.junit.jupiter.api.Test;

class FastPlanBehaviourTest {

    @Test
    void poolRunsEveryPartExactlyOncePerCallWhoeverClaimsItAndPassesFailuresToTheCaller() {
        try (WorkerPool pool = new WorkerPool(3)) {
            AtomicIntegerArray hits = new AtomicIntegerArray(3);
            for (int round = 0; round < 200; round++) {
                pool.run(3, hits::incrementAndGet);
                pool.run(2, hits::incrementAndGet);
            }
            assertEquals(400, hits.get(0));
            assertEquals(400, hits.get(1));
            assertEquals(200, hits.get(2));
            java.util.Set<String> names = java.util.concurrent.ConcurrentHashMap.newKeySet();
            for (int round = 0; round < 500; round++) {
                pool.run(3, part -> {
                    names.add(Thread.currentThread().getName());
                    for (long spin = System.nanoTime(); System.nanoTime() - spin < 50_000; ) {
                        Thread.onSpinWait(); // long enough for a worker to wake and claim a part
                    }
                });
            }
            assertTrue(names.size() > 1, "workers took parts too: " + names);
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> pool.run(3, part -> {
                if (part == 2) {
                    throw new IllegalStateException("part 2 failed");
                }
            }));
            assertEquals("part 2 failed", e.getMessage());
            pool.run(3, hits::incrementAndGet); // still usable after a failure
            assertEquals(201, hits.get(2));
        }
    }

    @Test
    void bandsRunExactlyOnceEachOnThreadsOfThePoolCallerFromTheFrontWorkersFromTheBack() {
        try (WorkerPool pool = new WorkerPool(2)) {
            int bands = 9;
            int callerBands = 0;
            int workerBands = 0;
            for (int round = 0; round < 300; round++) {
                AtomicIntegerArray hits = new AtomicIntegerArray(bands);
                int[] threadOf = new int[bands];
                pool.runBands(bands, true, (band, thread) -> {
                    hits.incrementAndGet(band);
                    threadOf[band] = thread;
                    for (long spin = System.nanoTime(); System.nanoTime() - spin < 20_000; ) {
                        Thread.onSpinWait(); // long enough for the worker to wake and claim bands
                    }
                });
                for (int b = 0; b < bands; b++) {
                    assertEquals(1, hits.get(b), "band " + b + " in round " + round);
                }
                // the caller's bands are a prefix and the worker's a suffix (either may be empty): no band of
                // the caller's comes after one of the worker's
                for (int b = 1; b < bands; b++) {
                    assertTrue(threadOf[b] == 0 || threadOf[b] == 1, "thread index " + threadOf[b]);
                    assertTrue(threadOf[b] >= threadOf[b - 1], "bands by thread: " + java.util.Arrays.toString(threadOf));
                }
                callerBands += threadOf[0] == 0 ? 1 : 0;
                workerBands += threadOf[bands - 1] == 1 ? 1 : 0;
            }
            assertTrue(callerBands > 0 && workerBands > 0, "caller ran the first band in " + callerBands
                    + " rounds, the worker the last in " + workerBands);
            int[] ranOn = new int[4];
            pool.runBands(4, false, (band, thread) -> ranOn[band] = thread + 1); // not shared: all on the caller
            assertArrayEquals(new int[] {1, 1, 1, 1}, ranOn);
        }
    }

    @Test
    void slotsAreReusedOnlyAfterTheirLastReaderAndPinnedBlockInputsSurvive() {
        SlotAllocator slots = new SlotAllocator();
        int a = slots.allocate();
        slots.pin("blocks.1.1.conv_pw", a);
        int b = slots.allocate();
        slots.release(a); // pinned: must not be handed out again
        int c = slots.allocate();
        assertTrue(c != a && c != b);
        slots.release(b);
        assertEquals(b, slots.allocate());
        assertEquals(a, slots.unpin("blocks.1.1.conv_pw"));
        slots.release(a);
        assertEquals(a, slots.allocate());
        assertEquals(3, slots.slots());
    }

    @Test
    void aRaisedTokenStopsTheRunAndTheSamePlanRunsAgainAfterwards() {
        Network net = NetworkBuilder.build(Architecture.MOBILENET_V2, 0.35, 10);
        try (Weights w = SeededWeights.create(net, 2); FastPlan plan = FastPlan.compile(net, w, 64, 48, 2)) {
            float[] image = new float[3 * 64 * 48];
            for (int i = 0; i < image.length; i++) {
                image[i] = (i % 17) / 17f - 0.5f;
            }
            float[] before = plan.logits(image);
            CancellationToken cancel = new CancellationToken();
            cancel.cancel();
            assertThrows(CancellationException.class, () -> plan.logits(image, cancel, null));
            assertArrayEquals(before, plan.logits(image));
            long[] nanos = new long[plan.steps().size()];
            plan.logits(image, CancellationToken.NEVER, nanos);
            assertTrue(java.util.Arrays.stream(nanos).allMatch(n -> n > 0), "every step timed");
        }
    }

    @Test
    void anImageOfTheWrongSizeIsRejectedInOneLine() {
        Network net = NetworkBuilder.build(Architecture.MOBILENET_V3_SMALL, 0.5, 10);
        try (Weights w = SeededWeights.create(net, 2); FastPlan plan = FastPlan.compile(net, w, 64, 64, 1)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> plan.logits(new float[10]));
            assertEquals("input must be 3x64x64 floats, got 10", e.getMessage());
        }
    }

    @Test
    void stepsReportTheKindsBenchGroupsBy() {
        Network net = NetworkBuilder.build(Architecture.MOBILENET_V1, 0.25, 10);
        try (Weights w = SeededWeights.create(net, 2); FastPlan plan = FastPlan.compile(net, w, 32, 32, 1)) {
            assertEquals(StepKind.STEM, plan.steps().get(0).kind());
            assertEquals("conv_stem", plan.steps().get(0).name());
            assertEquals(13, plan.steps().stream().filter(s -> s.kind() == StepKind.DEPTHWISE).count());
            assertEquals(13, plan.steps().stream().filter(s -> s.kind() == StepKind.POINTWISE).count());
        }
    }
}
