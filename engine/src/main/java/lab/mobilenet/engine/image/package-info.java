/**
 * From a photo file to the network's input, reproducing timm's evaluation transform bit for bit.
 *
 * <p>{@link lab.mobilenet.engine.image.ImageLoader} decodes a file into an upright 8-bit
 * {@link lab.mobilenet.engine.image.RgbImage}, refusing oversized pictures from their header.
 * {@link lab.mobilenet.engine.image.Preprocessor} then resizes the shorter side (Pillow's bicubic),
 * cuts the centre square and normalises it into a float NCHW tensor, as configured by a
 * {@link lab.mobilenet.engine.image.PreprocessConfig}.
 *
 * <p>The rule throughout is "what PIL + torchvision give", because that is what the published weights
 * were trained and evaluated with. Where we knowingly differ, and why:
 * <ul>
 *   <li>alpha is dropped, as PIL's {@code convert("RGB")} drops it (compositing over white would change
 *       what the network sees compared with timm);</li>
 *   <li>EXIF orientation is applied ({@code ImageOps.exif_transpose}); timm's own loader does not, but a
 *       phone photo shown sideways would be misleading in a teaching app;</li>
 *   <li>16-bit grayscale keeps the high byte; PIL clips such pictures to 255 (nearly white);</li>
 *   <li>CMYK JPEGs with an embedded ICC profile are colour-managed by TwelveMonkeys; without a profile
 *       the result equals PIL's plain formula within ±1. Embedded RGB/gray profiles are ignored, as in
 *       PIL.</li>
 * </ul>
 */
package lab.mobilenet.engine.image;
