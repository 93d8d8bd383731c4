/// The summary table `make bench` ends with (issue 14): one row per figure the issue asks for,
/// best and median of the runs, as a Markdown table (README "Speed" holds a copy with the machine).
/// Rows are added by the benchmarks as they run (`BenchTable.add`), in the order they ran.
struct BenchTable {
    struct Row {
        var what: String
        var best: String
        var median: String
    }

    private(set) var rows: [Row] = []

    mutating func add(_ what: String, best: String, median: String) {
        rows.append(Row(what: what, best: best, median: median))
    }

    /// The table, or nothing when no row was added (`--only` a benchmark without one).
    func text() -> String {
        guard !rows.isEmpty else { return "" }
        var out = "\n| what | best | median |\n|---|---|---|\n"
        for r in rows { out += "| \(r.what) | \(r.best) | \(r.median) |\n" }
        return out
    }
}

/// The table of this run.
nonisolated(unsafe) var table = BenchTable()
