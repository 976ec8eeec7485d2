package lab.mobilenet.engine.model;

/**
 * Where a family's default pretrained weights live on the Hugging Face hub, e.g. repo
 * {@code timm/mobilenetv2_100.ra_in1k}: {@code model} {@code mobilenetv2_100}, tag {@code ra_in1k}.
 */
public record CheckpointSource(String model, String tag) {

    /** The hub repository, {@code timm/<model>.<tag>}. */
    public String hubRepo() {
        return "timm/" + model + "." + tag;
    }
}
