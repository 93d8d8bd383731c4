/// Fits a uniform clock to a CSV file's times, one row at a time, in fixed memory (two windows of
/// `blockRows` rows), for loggers whose times are arrival times: Android's whole milliseconds that
/// repeat, jitter, and come in batches.
///
/// Model: row i was sampled at `start + period · i`; its time in the file is that plus a delivery
/// delay that is mostly small but sometimes large (a batch held back, then delivered at once).
/// Method:
/// - A provisional period `p₀` (from the first rows, see `CSVIMUReader`) turns every time into a
///   residual `r = t − p₀ · i`. Rows are taken in blocks of 64; each block contributes its median
///   residual at its centre row, weighted by its row count, so a batch delay (a dozen rows at most
///   at 100 Hz) moves no block. The clock is the least-squares line through those block medians:
///   one slope (the period correction, pooled over runs) and one intercept per run.
/// - A step of more than `jumpThreshold` = max(5 p₀, 50 ms) between rows, ten times Android's
///   jitter, is a candidate gap. The next 64 rows decide it: if their median residual is above the
///   median of the 64 rows before by more than half the step, the rows did not catch up — samples
///   are missing, the clock starts a new run and the reader marks a gap. Otherwise the step was a
///   delivery delay, the rows after it arrived early to make up for it, and it is re-timed like any
///   jitter. (A second jump within those 64 rows is judged together with the first.)
/// - A step backwards by more than `jumpThreshold` is not jitter: the file is refused there.
struct CSVClockFitter: Sendable {
    /// What a row changed.
    enum Action: Sendable, Hashable {
        case none
        /// The jump before row `row` (file line `line`) was checked: a real gap (`gap`) or a
        /// delivery delay the following rows caught up with.
        case jumpJudged(row: Int, line: Int, gap: Bool)
    }

    private struct Jump: Sendable {
        var row: Int
        var line: Int
        var step: Double
        var levelBefore: Double
    }

    private enum State: Sendable {
        /// Rows follow the clock.
        case following
        /// A jump was seen; the rows after it are buffered until they show whether they catch up.
        case judging(Jump)
    }

    /// Per-run least-squares sums over block medians: weight, x (rows from the run's first), y (s).
    private struct RunSums: Sendable {
        var firstRow: Int
        var line: Int
        var w = 0.0, x = 0.0, y = 0.0, xx = 0.0, xy = 0.0
    }

    static let blockRows = 64

    let path: String
    /// Provisional period, seconds.
    let provisionalPeriod: Double
    /// Largest step (either way) that is jitter, seconds.
    let jumpThreshold: Double

    private var state = State.following
    private var row = 0
    private var previousTime: Double?
    /// Residuals of the last `blockRows` rows accepted into the current run (a ring).
    private var recent: [Double] = []
    private var recentHead = 0
    /// Residuals after a jump, not yet assigned to a run.
    private var lookahead: [Double] = []
    private var block: [Double] = []
    private var blockFirstRow = 0
    private var runs: [RunSums]
    private var clock: CSVClock

    init(provisionalPeriod: Double, path: String) {
        self.path = path
        self.provisionalPeriod = provisionalPeriod
        jumpThreshold = max(5 * provisionalPeriod, 0.05)
        runs = [RunSums(firstRow: 0, line: 0)]
        clock = CSVClock(period: provisionalPeriod, runs: [], rows: 0)
        recent.reserveCapacity(Self.blockRows)
        lookahead.reserveCapacity(Self.blockRows)
        block.reserveCapacity(Self.blockRows)
    }

    /// The next row's time (seconds) and file line.
    mutating func add(time t: Double, line: Int) throws(InputError) -> Action {
        let i = row
        row += 1
        if i == 0 { runs[0].line = line }
        var step: Double?
        if let previous = previousTime {
            let s = t - previous
            step = s
            if s < -jumpThreshold {
                throw InputError(
                    .malformed, path: path, line: line,
                    "time goes back \((-s).decimalText(3)) s (from \(previous.decimalText(3)) s on the previous row to \(t.decimalText(3)) s), far more than jitter (\((jumpThreshold * 1000).decimalText(0)) ms)",
                    fix: "sort the rows by t, or split the file where its clock restarts")
            }
            if s == 0 {
                clock.repeats += 1
            } else if s < 0 {
                clock.backwards += 1
            } else if abs(s - provisionalPeriod) > provisionalPeriod / 2 {
                clock.jittered += 1
            }
        }
        previousTime = t
        let residual = t - provisionalPeriod * Double(i)
        switch state {
        case .following:
            if let step, step > jumpThreshold {
                state = .judging(Jump(row: i, line: line, step: step, levelBefore: Self.median(recent)))
                lookahead.append(residual)
                return .none
            }
            accept(residual, row: i)
            return .none
        case .judging(let jump):
            lookahead.append(residual)
            guard lookahead.count >= Self.blockRows else { return .none }
            return judge(jump)
        }
    }

    /// The clock, after the last row.
    mutating func finish() -> CSVClock {
        if case .judging(let jump) = state { _ = judge(jump) }
        closeBlock()
        var within = 0.0, spread = 0.0
        for r in runs where r.w > 0 {
            within += r.xy - r.x * r.y / r.w
            spread += r.xx - r.x * r.x / r.w
        }
        let correction = spread > 0 ? within / spread : 0
        var result = clock
        result.period = provisionalPeriod + correction
        result.rows = row
        result.runs = runs.map { r in
            // Residual line y = a + correction · (i − firstRow): t(i) = a − correction · firstRow + period · i.
            let a = r.w > 0 ? (r.y - correction * r.x) / r.w : 0
            return CSVClock.Run(firstRow: r.firstRow, line: r.line, intercept: a - correction * Double(r.firstRow))
        }
        return result
    }

    private mutating func judge(_ jump: Jump) -> Action {
        let shift = Self.median(lookahead) - jump.levelBefore
        let gap = shift > jump.step / 2
        if gap {
            closeBlock()
            runs.append(RunSums(firstRow: jump.row, line: jump.line))
            recent.removeAll(keepingCapacity: true)
            recentHead = 0
        } else {
            clock.delays += 1
            clock.largestDelay = max(clock.largestDelay, jump.step)
        }
        let buffered = lookahead
        lookahead.removeAll(keepingCapacity: true)
        state = .following
        for (k, r) in buffered.enumerated() { accept(r, row: jump.row + k) }
        return .jumpJudged(row: jump.row, line: jump.line, gap: gap)
    }

    private mutating func accept(_ residual: Double, row i: Int) {
        if recent.count < Self.blockRows {
            recent.append(residual)
        } else {
            recent[recentHead] = residual
            recentHead = (recentHead + 1) % Self.blockRows
        }
        if block.isEmpty { blockFirstRow = i }
        block.append(residual)
        if block.count == Self.blockRows { closeBlock() }
    }

    private mutating func closeBlock() {
        guard !block.isEmpty else { return }
        let w = Double(block.count)
        let x = Double(blockFirstRow - runs[runs.count - 1].firstRow) + (w - 1) / 2
        let y = Self.median(block)
        runs[runs.count - 1].w += w
        runs[runs.count - 1].x += w * x
        runs[runs.count - 1].y += w * y
        runs[runs.count - 1].xx += w * x * x
        runs[runs.count - 1].xy += w * x * y
        block.removeAll(keepingCapacity: true)
    }

    /// Median (mean of the middle two for an even count); 0 for none.
    static func median(_ values: [Double]) -> Double {
        guard !values.isEmpty else { return 0 }
        let s = values.sorted()
        let m = s.count / 2
        return s.count % 2 == 1 ? s[m] : (s[m - 1] + s[m]) / 2
    }
}
