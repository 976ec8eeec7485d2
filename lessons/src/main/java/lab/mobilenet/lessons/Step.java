package lab.mobilenet.lessons;

/**
 * One multiply-add of a convolution, as the naive loop executes it: output value {@code (outChannel, outY,
 * outX)} accumulates {@code input(inChannel, inY, inX) × weight}.
 *
 * @param index         position of this MAC in the loop, 0-based
 * @param outChannel    output channel o
 * @param outY          output row
 * @param outX          output column
 * @param tap           index of this MAC within its output value, 0 … M/groups·k·k − 1
 * @param inChannel     input channel read (absolute, 0 … M − 1)
 * @param kernelChannel input channel within the kernel (0 … M/groups − 1)
 * @param kernelRow     kernel row i
 * @param kernelCol     kernel column j
 * @param inY           input row read, {@code outY·stride − padding + i} (outside the image on padding)
 * @param inX           input column read
 * @param padding       whether the tap falls on zero padding (then {@code input} is 0)
 * @param input         the input value read
 * @param weight        the weight
 * @param product       input × weight
 * @param runningSum    bias + all products of this output value up to and including this one; on the last
 *                      tap it equals the output value exactly
 * @param lastOfCell    whether this MAC completes its output value
 * @param counters      counters after this MAC
 */
public record Step(long index, int outChannel, int outY, int outX, int tap, int inChannel, int kernelChannel,
                   int kernelRow, int kernelCol, int inY, int inX, boolean padding, float input, float weight,
                   float product, float runningSum, boolean lastOfCell, Counters counters) {

    public boolean firstOfCell() {
        return tap == 0;
    }
}
