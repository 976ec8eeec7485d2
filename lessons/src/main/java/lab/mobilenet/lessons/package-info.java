/**
 * Lessons as data and pure step logic: no JavaFX, no threads, no I/O besides resource bundles.
 *
 * <h2>How the UI uses it</h2>
 * <pre>{@code
 * Planes photo = Planes.fromArgb(w, h, argbPixels);               // or fromRgb / fromGray
 * LessonSession s = LessonCatalog.session(LessonCatalog.STANDARD, photo);   // shrinks to a teaching copy
 * s.setGranularity(Granularity.PIXEL);    // or s.coarser() / s.finer() on ↑ / ↓
 * s.next();                               // ▶ step; previous(), home(), end(), seek(long)
 * LessonFrame f = s.frame();              // immutable snapshot: draw it
 * TraceFrame t = f.traces().get(0);       // input t.trace().input(), kernels t.trace().bank(),
 *                                         // sliding window t.focus(), products t.focus().products(),
 *                                         // output so far t.output(), counters t.counters()
 * f.formulas();                           // e.g. "D_K·D_K·M·N·D_F·D_F" = "3·3·3·4·36·48 = 186,624"
 * f.comparison();                         // separable lesson: standard vs depthwise+pointwise, ratio
 * f.groupCosts();                         // groups lesson: MACs and params for every g dividing M
 * f.gemm();                               // im2col lesson: column matrix, current row/column
 * while (!s.atEnd()) s.next();            // what a play timeline does, one call per tick
 *
 * LessonSession m = LessonCatalog.session(LessonCatalog.MULTIPLIERS, null);
 * m.selectMultipliers(0.5, 160);          // α (steps of 0.05), resolution; frame().multipliers() has the table
 *
 * // lessons 8 and 9 run the real network (a few hundred ms): on a background task, never the UI thread
 * LessonOptions o = LessonOptions.DEFAULTS.withPhoto(w, h, rgbBytes).withWeights(pretrainedOrNull);
 * LessonSession b = LessonCatalog.session(LessonCatalog.SQUEEZE_EXCITE, photo, o);
 * b.next();                               // one stage; next(Granularity.LAYER): the whole block
 * BlockFrame bf = b.frame().block().get(); // bf.current(): stage, shapes, MACs, activation snapshot
 * bf.walkthrough().seGates();             // per-channel gates; activationFormula(), activationSamples()
 * }</pre>
 *
 * <h2>Pieces</h2>
 * <ul>
 *   <li>{@link lab.mobilenet.lessons.Planes}: an immutable C×H×W float image.</li>
 *   <li>{@link lab.mobilenet.lessons.Kernels}, {@link lab.mobilenet.lessons.Kernel2d}: classic hand-made kernels;
 *       {@link lab.mobilenet.lessons.KernelBank}: one layer's weights (hand-made or learned) and geometry.</li>
 *   <li>{@link lab.mobilenet.lessons.ConvTrace}: a convolution as a lazily computed sequence of multiply-adds
 *       ({@link lab.mobilenet.lessons.Step}), with {@link lab.mobilenet.lessons.Counters}, partial
 *       {@link lab.mobilenet.lessons.OutputMap}s and {@link lab.mobilenet.lessons.CellDetail}s;
 *       {@link lab.mobilenet.lessons.GemmTrace} is the same computation seen as im2col + GEMM
 *       ({@link lab.mobilenet.lessons.Im2col}, {@link lab.mobilenet.lessons.ColumnMatrix}).</li>
 *   <li>{@link lab.mobilenet.lessons.Formula}: the paper's cost formulas with numbers substituted.</li>
 *   <li>{@link lab.mobilenet.lessons.LessonCatalog}, {@link lab.mobilenet.lessons.Lesson},
 *       {@link lab.mobilenet.lessons.LessonSession}, {@link lab.mobilenet.lessons.LessonFrame}: the course,
 *       one running lesson, one snapshot of it. Texts: bundle {@link lab.mobilenet.lessons.LessonCatalog#BUNDLE}.</li>
 * </ul>
 */
package lab.mobilenet.lessons;
