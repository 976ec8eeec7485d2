package lab.mobilenet.bench;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The same comparison under JMH: one state per network and thread count holding both runtimes, two
 * benchmarks. {@link JmhComparison} runs it and prints the ratio per network. JMH runs the two benchmarks
 * one after the other, not interleaved, so on a shared machine prefer {@link OrtComparison}'s ratios.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Xss16m") // ONNX Runtime crashed on the default stack (see Contenders)
public class EngineVsOrtBenchmark {

    @Param({"mobilenetv1_100", "mobilenetv2_100", "mobilenetv3_large_100", "mobilenetv3_small_100"})
    public String model;

    @Param({"1", "2"})
    public int threads;

    private Contenders contenders;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        contenders = new Contenders(model, threads, Path.of(System.getProperty("bench.onnx", "tools/out/onnx")),
                Path.of(System.getProperty("bench.weights", "/work/shared/weights")));
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        contenders.close();
    }

    @Benchmark
    public float[] engine() {
        return contenders.engine();
    }

    @Benchmark
    public float[] ort() throws Exception {
        return contenders.ort();
    }
}
