package lab.mobilenet.lessons;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A lesson in progress: its traces and the current position. The position is a clock counted in multiply-adds of
 * the lesson's leading trace; {@link #next()} and {@link #previous()} jump to the next/previous boundary of the
 * current {@link Granularity}. Every other trace of the lesson follows the same clock, one multiply-add per
 * tick (so in the separable lesson both sides work at the same speed and the cheaper one finishes first).
 *
 * <p>The multipliers lesson has nothing to step; its frame carries a {@link MultiplierTable} for the α and
 * resolution chosen with {@link #selectMultipliers}. The block lessons (inverted residual, squeeze-excite) step
 * through the stages of a {@link BlockWalkthrough}: there the position counts stages done, any granularity
 * finer than {@link Granularity#LAYER} moves one stage, {@link Granularity#LAYER} the whole block. The
 * linear-bottleneck lesson's position is n − {@link BottleneckLesson#MIN_N}: every step, at any granularity,
 * is one more (or one fewer) dimension.
 *
 * <p>Playing is the UI's job (a timeline calling {@link #next()} until {@link #atEnd()}). The session is
 * mutable and not thread-safe: keep it on one thread and hand {@link #frame()} snapshots to others.
 */
public final class LessonSession {

    /** A trace that runs on the session clock, starting {@code offset} ticks late. */
    record Track(String role, ConvTrace trace, long offset) {
        long position(long clock) {
            return Math.max(0, Math.min(trace.totalMacs(), clock - offset));
        }
    }

    private final Lesson lesson;
    private final Trace clock;
    private final List<Track> tracks;
    private List<Formula> formulas;
    private final List<GroupCost> groupCosts;
    private final GemmTrace gemm;
    private final Formula duplication;
    private final Formula ratio;
    private final MultiplierLesson multiplierLesson;
    private final BlockWalkthrough walkthrough;
    private final BottleneckLesson bottleneck;
    private double alpha = 1.0;
    private int resolution = MultiplierLesson.BASE_RESOLUTION;
    private MultiplierTable multiplierTable;
    private long position;
    private Granularity granularity = Granularity.PIXEL;

    LessonSession(Lesson lesson, Trace clock, List<Track> tracks, List<Formula> formulas, List<GroupCost> groupCosts,
                  GemmTrace gemm, Formula duplication, Formula ratio) {
        this(lesson, clock, tracks, formulas, groupCosts, gemm, duplication, ratio, null, null, null);
    }

    private LessonSession(Lesson lesson, Trace clock, List<Track> tracks, List<Formula> formulas,
                          List<GroupCost> groupCosts, GemmTrace gemm, Formula duplication, Formula ratio,
                          MultiplierLesson multiplierLesson, BlockWalkthrough walkthrough,
                          BottleneckLesson bottleneck) {
        this.multiplierLesson = multiplierLesson;
        this.walkthrough = walkthrough;
        this.bottleneck = bottleneck;
        this.multiplierTable = multiplierLesson == null ? null : multiplierLesson.table(alpha, resolution);
        this.lesson = lesson;
        this.clock = clock == null ? EmptyTrace.INSTANCE : clock;
        this.tracks = List.copyOf(tracks);
        this.formulas = List.copyOf(formulas);
        this.groupCosts = List.copyOf(groupCosts);
        this.gemm = gemm;
        this.duplication = duplication;
        this.ratio = ratio;
    }

    /** The multipliers lesson: a table and the paper's example at the selected α and ρ, nothing to step. */
    static LessonSession multipliers(Lesson lesson, MultiplierLesson m) {
        return new LessonSession(lesson, null, List.of(),
                LessonFactory.multiplierFormulas(1.0, MultiplierLesson.BASE_RESOLUTION), List.of(), null, null, null,
                m, null, null);
    }

    /** The linear-bottleneck lesson: the clock counts dimensions above the smallest n. */
    static LessonSession bottleneck(Lesson lesson, BottleneckLesson b) {
        return new LessonSession(lesson, new DimensionClock(b), List.of(), List.of(), List.of(), null, null, null,
                null, null, b);
    }

    /** A block lesson: the clock counts the walkthrough's stages. */
    static LessonSession block(Lesson lesson, List<Formula> formulas, BlockWalkthrough w) {
        return new LessonSession(lesson, new StageClock(w), List.of(), formulas, List.of(), null, null, null, null,
                w, null);
    }

    /**
     * Chooses MobileNet V1's width multiplier and input resolution (the multipliers lesson only); α is snapped
     * to steps of {@value MultiplierLesson#ALPHA_STEP}.
     *
     * @throws IllegalStateException in other lessons
     */
    public void selectMultipliers(double newAlpha, int newResolution) {
        if (multiplierLesson == null) {
            throw new IllegalStateException("lesson '" + lesson.id() + "' has no multipliers to select");
        }
        double snapped = MultiplierLesson.snapAlpha(newAlpha);
        MultiplierTable t = new MultiplierTable(multiplierTable.base(), multiplierTable.rows(),
                multiplierLesson.row(snapped, newResolution));
        alpha = snapped;
        resolution = newResolution;
        multiplierTable = t;
        formulas = LessonFactory.multiplierFormulas(snapped, newResolution);
    }

    /** The selected width multiplier (multipliers lesson). */
    public double alpha() {
        return alpha;
    }

    /** The selected input resolution (multipliers lesson). */
    public int resolution() {
        return resolution;
    }

    /** The n shown in the linear-bottleneck lesson. */
    public Optional<Integer> dimensions() {
        return bottleneck == null ? Optional.empty() : Optional.of(BottleneckLesson.nAt(position));
    }

    /**
     * Shows the spiral through {@code n} dimensions (the linear-bottleneck lesson only): the same as seeking
     * to n − {@link BottleneckLesson#MIN_N}.
     *
     * @throws IllegalStateException in other lessons; IllegalArgumentException for n outside 2…30
     */
    public void selectDimensions(int n) {
        if (bottleneck == null) {
            throw new IllegalStateException("lesson '" + lesson.id() + "' has no dimensions to select");
        }
        position = BottleneckLesson.positionOf(n);
    }

    /** The block lessons' walkthrough. */
    public Optional<BlockWalkthrough> walkthrough() {
        return Optional.ofNullable(walkthrough);
    }

    public Lesson lesson() {
        return lesson;
    }

    /** Whether this session has nothing to step (the multipliers lesson: a table to explore instead). */
    public boolean empty() {
        return clock.totalMacs() == 0;
    }

    public long position() {
        return position;
    }

    public long length() {
        return clock.totalMacs();
    }

    public boolean atStart() {
        return position == 0;
    }

    public boolean atEnd() {
        return position == clock.totalMacs();
    }

    public Granularity granularity() {
        return granularity;
    }

    public void setGranularity(Granularity g) {
        if (g == null) {
            throw new IllegalArgumentException("granularity must not be null");
        }
        granularity = g;
    }

    /** One step coarser (MAC → pixel → row → channel → layer), stops at layer. */
    public Granularity coarser() {
        granularity = granularity.coarser();
        return granularity;
    }

    /** One step finer, stops at MAC. */
    public Granularity finer() {
        granularity = granularity.finer();
        return granularity;
    }

    /** Advances to the next boundary of the current granularity; returns whether the position moved. */
    public boolean next() {
        return next(granularity);
    }

    public boolean next(Granularity g) {
        return moveTo(clock.next(position, g));
    }

    /** Goes back to the previous boundary of the current granularity; returns whether the position moved. */
    public boolean previous() {
        return previous(granularity);
    }

    public boolean previous(Granularity g) {
        return moveTo(clock.previous(position, g));
    }

    /** Back to the start: nothing computed. */
    public void home() {
        position = 0;
    }

    /** To the end: everything computed. */
    public void end() {
        position = clock.totalMacs();
    }

    /** Jumps to any position 0 … {@link #length()} (e.g. a slider). */
    public void seek(long newPosition) {
        if (newPosition < 0 || newPosition > clock.totalMacs()) {
            throw new IllegalArgumentException("position " + newPosition + " outside 0.." + clock.totalMacs());
        }
        position = newPosition;
    }

    /** Roles of the traces, leading one first, e.g. ["standard", "depthwise", "pointwise"]. */
    public List<String> roles() {
        return tracks.stream().map(Track::role).toList();
    }

    /** The trace with this role. */
    public Optional<ConvTrace> trace(String role) {
        return tracks.stream().filter(t -> t.role().equals(role)).map(Track::trace).findFirst();
    }

    /** An immutable snapshot of the current position. */
    public LessonFrame frame() {
        List<TraceFrame> frames = new ArrayList<>();
        for (Track t : tracks) {
            frames.add(TraceFrame.of(t.role(), t.trace(), t.position(position)));
        }
        Optional<Comparison> comparison = Optional.empty();
        if (ratio != null && frames.size() == 3) {
            Counters separable = frames.get(1).counters().plus(frames.get(2).counters());
            comparison = Optional.of(new Comparison(frames.get(0).counters(), separable, ratio.value(), ratio));
        }
        Optional<GemmFrame> g = gemm == null ? Optional.empty()
                : Optional.of(new GemmFrame(gemm, gemm.lastStep(position), gemm.nextStep(position), duplication));
        if (bottleneck != null) {
            int n = BottleneckLesson.nAt(position);
            return new LessonFrame(lesson, granularity, position, clock.totalMacs(), frames, bottleneck.formulas(n),
                    comparison, groupCosts, g, Optional.empty(), Optional.empty(),
                    Optional.of(bottleneck.frame(n)));
        }
        return new LessonFrame(lesson, granularity, position, clock.totalMacs(), frames, formulas, comparison,
                groupCosts, g, Optional.ofNullable(multiplierTable),
                walkthrough == null ? Optional.empty() : Optional.of(new BlockFrame(walkthrough, (int) position)));
    }

    private boolean moveTo(long p) {
        boolean moved = p != position;
        position = p;
        return moved;
    }

    /** The block lessons' clock: position = stages done; counters are the walkthrough's own. */
    private record StageClock(BlockWalkthrough w) implements Trace {

        @Override
        public long totalMacs() {
            return w.stages().size();
        }

        @Override
        public Counters counters(long position) {
            return w.counters((int) position);
        }

        @Override
        public long next(long position, Granularity granularity) {
            return granularity == Granularity.LAYER ? totalMacs() : Math.min(position + 1, totalMacs());
        }

        @Override
        public long previous(long position, Granularity granularity) {
            return granularity == Granularity.LAYER ? 0 : Math.max(position - 1, 0);
        }
    }

    /** The linear-bottleneck lesson's clock: position = n − MIN_N; one step is one dimension at any granularity. */
    private record DimensionClock(BottleneckLesson b) implements Trace {

        @Override
        public long totalMacs() {
            return b.steps();
        }

        @Override
        public Counters counters(long position) {
            return b.counters(BottleneckLesson.nAt(position));
        }

        @Override
        public long next(long position, Granularity granularity) {
            return Math.min(position + 1, totalMacs());
        }

        @Override
        public long previous(long position, Granularity granularity) {
            return Math.max(position - 1, 0);
        }
    }

    /** The clock of a lesson with nothing to step. */
    private enum EmptyTrace implements Trace {
        INSTANCE;

        @Override
        public long totalMacs() {
            return 0;
        }

        @Override
        public Counters counters(long position) {
            return Counters.ZERO;
        }

        @Override
        public long next(long position, Granularity granularity) {
            return 0;
        }

        @Override
        public long previous(long position, Granularity granularity) {
            return 0;
        }
    }
}
