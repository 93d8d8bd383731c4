/// The ids a history holds, in words for an error message.
enum SessionIDs {
    /// "the history is empty", "its session is 4", "its sessions are 1–17", or "its sessions are 1–5, 7, 9–12".
    static func describe(_ ids: [Int64]) -> String {
        guard let first = ids.first else { return "the history is empty" }
        if ids.count == 1 { return "its session is \(first)" }
        var runs: [String] = []
        var start = first, last = first
        for id in ids.dropFirst() {
            if id == last + 1 { last = id; continue }
            runs.append(start == last ? "\(start)" : "\(start)–\(last)")
            start = id
            last = id
        }
        runs.append(start == last ? "\(start)" : "\(start)–\(last)")
        return "its sessions are " + runs.joined(separator: ", ")
    }
}
