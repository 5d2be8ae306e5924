import Foundation
import PathwayCore

/// `pathway-bench [NAME...]`: Pathway's speed goals, each at several sizes so growth is visible.
@main
struct Bench {
    static func main() throws {
        var selected = Set(CommandLine.arguments.dropFirst())
        if let index = CommandLine.arguments.firstIndex(of: "--generate"), CommandLine.arguments.count > index + 3 {
            // pathway-bench --generate QUESTIONS MODULES DIR: write a pack and stop.
            let args = CommandLine.arguments
            try PackGenerator.write(questions: Int(args[index + 1])!, modules: Int(args[index + 2])!, to: URL(fileURLWithPath: args[index + 3]))
            return
        }
        selected.remove("--generate")
        let scratch = FileManager.default.temporaryDirectory.appending(path: "pathway-bench-\(getpid())")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        for (name, run) in benchmarks(scratch: scratch, repository: repository) where selected.isEmpty || selected.contains(name) {
            for line in try run() { print(line) }
        }
    }

    typealias Benchmark = (String, () throws -> [String])

    static func benchmarks(scratch: URL, repository: URL) -> [Benchmark] {
        [
            ("load", { try loadBenchmarks(scratch: scratch, repository: repository) }),
            ("record", { try recordBenchmarks(scratch: scratch) }),
        ]
    }

    /// Load and validate generated packs, and the shipped curricula.
    static func loadBenchmarks(scratch: URL, repository: URL) throws -> [String] {
        var lines: [String] = []
        for (questions, modules) in [(1_000, 20), (5_000, 100), (10_000, 200)] {
            let folder = scratch.appending(path: "pack-\(questions)")
            try PackGenerator.write(questions: questions, modules: modules, to: folder)
            var errors = 0
            let ms = Measure.median(runs: 5) {
                let result = PackLoader().load(folder, displayPath: "bench")
                errors = result.diagnostics.filter { $0.severity == .error }.count
            }
            precondition(errors == 0, "the generated pack has errors")
            lines.append(Measure.report("load+validate \(questions) questions in \(modules) modules", ms,
                                        target: questions == 10_000 ? 300 : nil))
        }
        let shipped = repository.appending(path: "curricula")
        let ms = Measure.median(runs: 9) { _ = PackLibrary.load([PackSource(folder: shipped, origin: .shipped)]) }
        lines.append(Measure.report("load+validate all shipped packs", ms, target: 50))
        return lines
    }

    /// Recording one answer durably, with histories of growing length.
    static func recordBenchmarks(scratch: URL) throws -> [String] {
        var lines: [String] = []
        for history in [1_000, 10_000, 100_000] {
            let directory = scratch.appending(path: "profile-\(history)")
            let store = JournaledProgressStore(directory: directory)
            var progress = LearnerProgress(profile: "bench", now: Date(timeIntervalSince1970: 1_800_000_000))
            // A history of `history` attempts over 1,000 items, saved as a snapshot.
            let perItem = max(1, history / 1_000)
            for item in 0..<min(history, 1_000) {
                var record = ItemRecord()
                record.attempts = (0..<perItem).map { Attempt(answer: "answer \($0)", correct: $0 % 3 == 0, at: Date(timeIntervalSince1970: 1_800_000_000 + Double($0)), seconds: 4, hintsUsed: 0) }
                progress.items["bench/q\(item)"] = record
            }
            try store.save(progress)
            var changes = ChangeSet()
            var n = 0
            let ms = try Measure.median(runs: 200) {
                let key = "bench/new\(n)"
                n += 1
                var record = ItemRecord()
                record.attempts = [Attempt(answer: "a", correct: true, at: Date(), seconds: 2, hintsUsed: 0)]
                progress.items[key] = record
                changes = ChangeSet()
                changes.items = [key]
                try store.record(changes, of: progress)
            }
            lines.append(Measure.report("record one answer durably, history of \(history) attempts", ms, target: history == 100_000 ? 5 : nil))
        }
        return lines
    }
}
