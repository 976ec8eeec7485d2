package lab.mobilenet.app.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import lab.mobilenet.app.export.InspectionTables;
import lab.mobilenet.engine.classify.PretrainedConfigs;
import lab.mobilenet.engine.image.ModelInput;
import lab.mobilenet.engine.image.PreprocessConfig;
import lab.mobilenet.engine.inspect.Inspection;
import lab.mobilenet.engine.inspect.InspectionPlan;
import lab.mobilenet.engine.inspect.Inspector;
import lab.mobilenet.engine.io.Npy;
import lab.mobilenet.engine.model.Network;
import lab.mobilenet.engine.runtime.ActivationSnapshot;
import lab.mobilenet.engine.runtime.CancellationToken;
import lab.mobilenet.engine.runtime.RunListener;
import lab.mobilenet.engine.runtime.Weights;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code inspect}: runs the network once and reports every timm module's costs, time and output statistics. */
@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = "Run the network once on one image and list every layer, block and stage (timm's module "
                + "names) with shapes, MACs, params, bytes, measured time and output statistics.")
final class InspectCommand implements Callable<Integer> {

    @Mixin
    ModelOptions modelOptions;

    @Option(names = {"-r", "--resolution"}, description = "input height and width for --image (default 224)")
    Integer resolution;

    @Option(names = "--weights", description = "a timm model.safetensors for this model (default: the weights that "
            + "'weights download' or 'weights import' stored, else the seeded initialisation with a note)")
    Path weightsFile;

    @Option(names = "--untrained", description = "use the seeded random initialisation instead of trained weights")
    boolean untrained;

    @ParentCommand
    Cli cli;

    @Option(names = "--classes", defaultValue = "1000",
            description = "classifier outputs, for checkpoints trained on another label set (default 1000)")
    int classes;

    @Option(names = "--image", description = "the photo to run on (resized and centre-cropped like timm)")
    Path image;

    @Option(names = "--input-tensor", description = "a preprocessed 1x3xHxW float32 .npy instead of --image")
    Path inputTensor;

    @Option(names = {"-f", "--format"}, defaultValue = "table", description = "table, json or csv (default table)")
    String format;

    @Option(names = "--dump", paramLabel = "NAME=OUT.npy",
            description = "write that module's output (e.g. blocks.3=b3.npy, blocks.2.0.se.gate=g.npy) as float32 .npy; repeatable")
    List<String> dumps = new ArrayList<>();

    @Option(names = "--warmup", defaultValue = "1",
            description = "untimed runs first, so one-time start-up costs stay out of the times (default 1)")
    int warmup;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (!List.of("table", "json", "csv").contains(format)) {
            throw new UserInputException("unknown format '" + format + "' (table, json or csv)");
        }
        if ((image == null) == (inputTensor == null)) {
            throw new UserInputException("give exactly one of --image FILE or --input-tensor FILE");
        }
        if (resolution != null && (resolution < 32 || resolution > 4096)) {
            throw new UserInputException("resolution must be between 32 and 4096, got " + resolution);
        }
        if (classes < 1 || classes > 100_000) {
            throw new UserInputException("--classes must be between 1 and 100000, got " + classes);
        }
        Network network = modelOptions.parse().build(classes);
        float[] tensor;
        long[] shape;
        if (inputTensor != null) {
            Npy.NpyArray t = readTensor(inputTensor);
            tensor = t.data();
            shape = t.shape();
        } else {
            ModelInput in = readImage(network);
            tensor = in.tensor();
            shape = in.shape();
        }
        InspectionPlan plan = InspectionPlan.of(network, (int) shape[2], (int) shape[3]);
        Map<String, Path> wanted = parseDumps(plan);
        Inspection ins;
        if (warmup < 0 || warmup > 100) {
            throw new UserInputException("--warmup must be between 0 and 100, got " + warmup);
        }
        // a changed class count cannot bind an ImageNet checkpoint: seeded unless a file is named
        boolean seeded = untrained || (weightsFile == null && classes != 1000);
        WeightsLoading.Loaded loaded = WeightsLoading.load(network, weightsFile, seeded, cli,
                spec.commandLine().getErr(), WeightsLoading.WhenMissing.UNTRAINED);
        try (Weights weights = loaded.weights()) {
            for (int i = 0; i < warmup; i++) {
                Inspector.inspect(network, weights, tensor, shape, name -> false, RunListener.NONE, null,
                        CancellationToken.NEVER);
            }
            ins = Inspector.inspect(network, weights, tensor, shape, wanted::containsKey, RunListener.NONE, null,
                    CancellationToken.NEVER);
        }
        for (Map.Entry<String, Path> d : wanted.entrySet()) {
            ActivationSnapshot a = ins.outputs().get(d.getKey());
            try {
                Npy.write(d.getValue(), a.shape(), a.values());
            } catch (IOException e) {
                throw new UserInputException(d.getValue() + ": cannot write: " + e.getMessage(), e);
            }
        }
        String text = switch (format) {
            case "json" -> InspectFormat.json(ins);
            case "csv" -> InspectionTables.csv(ins);
            default -> InspectFormat.table(ins);
        };
        spec.commandLine().getOut().print(text);
        spec.commandLine().getOut().flush();
        return 0;
    }

    /** NAME=OUT.npy for each --dump; every name must be a row of this network, every folder must exist. */
    private Map<String, Path> parseDumps(InspectionPlan plan) {
        Map<String, Path> out = new LinkedHashMap<>();
        for (String d : dumps) {
            int eq = d.indexOf('=');
            if (eq <= 0 || eq == d.length() - 1) {
                throw new UserInputException("--dump needs NAME=OUT.npy, got '" + d + "'");
            }
            String name = d.substring(0, eq);
            Path file = Path.of(d.substring(eq + 1));
            if (plan.row(name) == null) {
                throw new UserInputException("--dump: " + plan.network().name() + " has no module named '" + name
                        + "' (names as in the table, e.g. bn1, blocks.3, blocks.3.2, conv_head)");
            }
            Path dir = file.toAbsolutePath().getParent();
            if (dir == null || !Files.isDirectory(dir)) {
                throw new UserInputException("--dump: no such folder for " + file);
            }
            out.put(name, file);
        }
        return out;
    }

    private ModelInput readImage(Network network) {
        PreprocessConfig base = PretrainedConfigs.forArchitecture(network.architecture());
        int r = resolution == null ? base.crop() : resolution;
        return CliInputs.readImage(image, PreprocessConfig.forResolution(r, base.mean(), base.std()));
    }

    private Npy.NpyArray readTensor(Path file) {
        Npy.NpyArray t = CliInputs.readTensor(file, 32);
        long[] s = t.shape();
        if (resolution != null && (s[2] != resolution || s[3] != resolution)) {
            throw new UserInputException("--resolution " + resolution + " does not match the tensor's "
                    + s[2] + "x" + s[3]);
        }
        return t;
    }
}
