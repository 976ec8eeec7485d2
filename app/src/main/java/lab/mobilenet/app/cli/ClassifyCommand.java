package lab.mobilenet.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import lab.mobilenet.engine.classify.Classification;
import lab.mobilenet.engine.classify.Classifier;
import lab.mobilenet.engine.classify.NonFiniteOutputException;
import lab.mobilenet.engine.classify.Prediction;
import lab.mobilenet.engine.classify.PretrainedConfigs;
import lab.mobilenet.engine.image.ImageDecodeException;
import lab.mobilenet.engine.image.ImageLoader;
import lab.mobilenet.engine.image.ModelInput;
import lab.mobilenet.engine.image.PreprocessConfig;
import lab.mobilenet.engine.image.Preprocessor;
import lab.mobilenet.engine.io.Npy;
import lab.mobilenet.engine.model.Network;
import lab.mobilenet.engine.runtime.CancellationToken;
import lab.mobilenet.engine.runtime.Weights;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code classify}: top-k ImageNet classes for many images in one process; one bad image fails alone. */
@Command(name = "classify", mixinStandardHelpOptions = true,
        description = "Classify images (top-k ImageNet labels) with --weights FILE, else the weights that "
                + "'weights download' or 'weights import' stored, else --untrained.")
final class ClassifyCommand implements Callable<Integer> {

    @Mixin
    ModelOptions modelOptions;

    @Option(names = "--weights", description = "a timm model.safetensors for this model (default: the stored one)")
    Path weightsFile;

    @Option(names = "--untrained", description = "use the seeded random initialisation instead of trained weights")
    boolean untrained;

    @ParentCommand
    Cli cli;

    @Option(names = {"-k", "--top"}, defaultValue = "5", description = "how many classes per image (default 5)")
    int top;

    @Option(names = {"-f", "--format"}, defaultValue = "text", description = "text or json (default text)")
    String format;

    @Option(names = "--input-tensor", description = "classify a preprocessed 1x3xHxW float32 .npy instead of images")
    Path inputTensor;

    @Option(names = "--dump-logits", description = "write the raw 1xC logits as float32 .npy (one input only)")
    Path dumpLogits;

    @Parameters(arity = "0..*", paramLabel = "IMAGE", description = "image files (PNG, JPEG, BMP, GIF, WebP, ...)")
    List<Path> images = new ArrayList<>();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (!format.equals("text") && !format.equals("json")) {
            throw new UserInputException("unknown format '" + format + "' (text or json)");
        }
        if (top < 1 || top > 1000) {
            throw new UserInputException("--top must be between 1 and 1000, got " + top);
        }
        if (images.isEmpty() && inputTensor == null) {
            throw new UserInputException("give at least one IMAGE or --input-tensor FILE");
        }
        if (dumpLogits != null && images.size() + (inputTensor == null ? 0 : 1) != 1) {
            throw new UserInputException("--dump-logits needs exactly one input");
        }
        Network network = modelOptions.parse().build();
        PreprocessConfig config = PretrainedConfigs.forArchitecture(network.architecture());
        List<Map<String, Object>> results = new ArrayList<>();
        PrintWriter err = spec.commandLine().getErr();
        int failures = 0;
        int bugs = 0;
        WeightsLoading.Loaded loaded = WeightsLoading.load(network, weightsFile, untrained, cli, err,
                WeightsLoading.WhenMissing.FAIL);
        try (Weights weights = loaded.weights();
             Classifier classifier = new Classifier(network, weights)) {
            if (inputTensor != null) {
                Npy.NpyArray t = readTensor(inputTensor);
                try {
                    results.add(entry(inputTensor, network, classifier, classifier.classify(t.data(), t.shape(), top,
                            CancellationToken.NEVER)));
                } catch (NonFiniteOutputException e) {
                    throw new UserInputException(inputTensor + ": " + e.getMessage(), e);
                }
            }
            for (Path image : images) {
                try {
                    ModelInput in = Preprocessor.prepare(ImageLoader.load(image), config);
                    results.add(entry(image, network, classifier,
                            classifier.classify(in.tensor(), in.shape(), top, CancellationToken.NEVER)));
                } catch (ImageDecodeException e) {
                    failures++;
                    results.add(error(image, network, classifier, e.getMessage()));
                    err.println("error: " + image + ": " + e.reason());
                } catch (NonFiniteOutputException e) {
                    failures++;
                    results.add(error(image, network, classifier, image.getFileName() + ": " + e.getMessage()));
                    err.println("error: " + image + ": " + e.getMessage());
                } catch (IOException e) {
                    failures++;
                    String reason = CliInputs.reason(e);
                    results.add(error(image, network, classifier, image.getFileName() + ": " + reason));
                    err.println("error: " + image + ": " + reason);
                } catch (OutOfMemoryError e) {
                    failures++; // the allocation that failed is gone: the next image may fit
                    String reason = "not enough memory for this image (" + Cli.oneLine(e.getMessage()) + "); raise -Xmx";
                    results.add(error(image, network, classifier, image.getFileName() + ": " + reason));
                    err.println("error: " + image + ": " + reason);
                } catch (RuntimeException e) {
                    // a bug, but it is this image's: the others are still classified and printed
                    bugs++;
                    String reason = "internal error (a bug): " + Cli.oneLine(String.valueOf(e));
                    results.add(error(image, network, classifier, image.getFileName() + ": " + reason));
                    err.println("error: " + image + ": " + reason);
                }
            }
        }
        print(results);
        return bugs > 0 ? 1 : failures > 0 ? Cli.BAD_INPUT : 0;
    }

    private static Npy.NpyArray readTensor(Path file) {
        return CliInputs.readTensor(file, 1);
    }

    private Map<String, Object> entry(Path image, Network network, Classifier classifier, Classification c) {
        Map<String, Object> m = base(image, network, classifier);
        m.put("millis", Math.round(c.millis() * 100) / 100.0);
        List<Map<String, Object>> topList = new ArrayList<>();
        for (Prediction p : c.top()) {
            Map<String, Object> t = new LinkedHashMap<>();
            t.put("index", p.index());
            t.put("label", ImageNetLabels.name(p.index()));
            t.put("probability", p.probability());
            topList.add(t);
        }
        m.put("top", topList);
        if (dumpLogits != null) {
            writeLogits(c.logits());
        }
        return m;
    }

    private void writeLogits(float[] logits) {
        try {
            Npy.write(dumpLogits, new long[] {1, logits.length}, logits);
        } catch (IOException e) {
            throw new UserInputException(dumpLogits + ": cannot write: " + e.getMessage(), e);
        }
    }

    private Map<String, Object> error(Path image, Network network, Classifier classifier, String message) {
        Map<String, Object> m = base(image, network, classifier);
        m.put("error", Cli.oneLine(message));
        return m;
    }

    private static Map<String, Object> base(Path image, Network network, Classifier classifier) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("image", image.toString());
        m.put("model", network.name());
        m.put("untrained", classifier.untrained());
        return m;
    }

    @SuppressWarnings("unchecked")
    private void print(List<Map<String, Object>> results) {
        PrintWriter out = spec.commandLine().getOut();
        if (format.equals("json")) {
            out.print(SummaryFormat.write(results));
        } else {
            for (Map<String, Object> r : results) {
                if (r.containsKey("error")) {
                    out.printf(Locale.ROOT, "%s: error: %s%n", r.get("image"), r.get("error"));
                    continue;
                }
                out.printf(Locale.ROOT, "%s  (%s%s, %.1f ms)%n", r.get("image"), r.get("model"),
                        Boolean.TRUE.equals(r.get("untrained")) ? ", UNTRAINED: seeded random weights" : "",
                        (Double) r.get("millis"));
                for (Map<String, Object> t : (List<Map<String, Object>>) r.get("top")) {
                    out.printf(Locale.ROOT, "  %6.2f%%  %4d  %s%n", 100 * (Float) t.get("probability"), t.get("index"),
                            t.get("label"));
                }
            }
        }
        out.flush();
    }
}
