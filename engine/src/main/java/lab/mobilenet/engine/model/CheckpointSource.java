package lab.mobilenet.engine.model;

/**
 * Where a family's default pretrained weights live on the Hugging Face hub, e.g. repo
 * {@code timm/mobilenetv2_100.ra_in1k}: {@code model} {@code mobilenetv2_100}, tag {@code ra_in1k}. The one place
 * this is written down: the downloader, the weights commands and the app's Weights page all read it from here.
 *
 * @param model        timm's model name at width 1.0
 * @param tag          timm's default pretrained tag (what {@code timm.create_model(model, pretrained=True)} loads)
 * @param pinnedSha256 SHA-256 of its {@code model.safetensors} from the hub's LFS pointer, lower-case hex, or
 *                     {@code null} when not known ahead of the download
 */
public record CheckpointSource(String model, String tag, String pinnedSha256) {

    public CheckpointSource {
        if (pinnedSha256 != null && !pinnedSha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("not a SHA-256: " + pinnedSha256);
        }
    }

    /** A source whose file hash is not known ahead of the download. */
    public CheckpointSource(String model, String tag) {
        this(model, tag, null);
    }

    /** The hub repository, {@code timm/<model>.<tag>}. */
    public String hubRepo() {
        return "timm/" + model + "." + tag;
    }
}
