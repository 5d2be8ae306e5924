import Foundation
import PathwayCore

/// `pathway-bench [--quick] [NAME...]`: Pathway's speed goals, each at several sizes so growth is
/// visible. `--quick` repeats each timing fewer times (see ``Measure/median(runs:_:)``).
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
        selected.remove("--quick")
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
            ("cohort", { try cohortBenchmarks(scratch: scratch, repository: repository) }),
            ("gift", { giftBenchmarks() }),
            ("sync", { try LRSBench.sync(scratch: scratch, repository: repository) }),
            ("lrs-cohort", { try LRSBench.cohort(scratch: scratch, repository: repository) }),
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

    /// A cohort report (read every file, aggregate, render HTML) over classes of growing size.
    static func cohortBenchmarks(scratch: URL, repository: URL) throws -> [String] {
        let library = PackLibrary.load([PackSource(folder: repository.appending(path: "curricula"), origin: .shipped)])
        var lines: [String] = []
        for learners in [100, 300, 1_000] {
            let folder = scratch.appending(path: "cohort-\(learners)")
            try CohortGenerator.write(learners: learners, attempts: 500, library: library, to: folder)
            let before = Measure.peakMemoryMiB()
            let ms = Measure.median(runs: 3) {
                var builder = CohortReport.Builder(library: library)
                _ = CohortLoader.forEach([folder]) { builder.add($0) }
                _ = try? CohortHTMLFormat().render(builder.report(now: Date()))
            }
            lines.append(Measure.report("cohort report, \(learners) learners x 500 attempts", ms, target: learners == 1_000 ? 3_000 : nil))
            if learners == 1_000 {
                lines.append(Measure.report("peak memory after the 1,000-learner cohort (process)", Measure.peakMemoryMiB(), unit: "MiB", target: 500)
                                 + String(format: "; %.0f MiB before it", before))
            }
        }
        return lines
    }

    /// GIFT import of banks of growing size.
    static func giftBenchmarks() -> [String] {
        [1_000, 2_500, 5_000].map { questions in
            let text = GIFTGenerator.text(questions: questions)
            var imported = 0
            let ms = Measure.median(runs: 5) {
                imported = GIFTImporter().import(text: text, fileName: "bench.gift", packID: "bench").importedSteps
            }
            precondition(imported == questions, "imported \(imported) of \(questions)")
            return Measure.report("GIFT import of \(questions) questions", ms, target: questions == 5_000 ? 1_000 : nil)
        }
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
                progress.items[ProgressKey(pack: "bench", id: "q\(item)")] = record
            }
            try store.save(progress)
            var recorded = RecordedProgress(progress)
            var n = 0
            let ms = try Measure.median(runs: 200) {
                let key = ProgressKey(pack: "bench", id: "new\(n)")
                n += 1
                var record = ItemRecord()
                record.attempts = [Attempt(answer: "a", correct: true, at: Date(), seconds: 2, hintsUsed: 0)]
                recorded.set(.items, key, to: record)
                try store.record(recorded.changes, of: recorded.progress)
                recorded.markSaved()
            }
            lines.append(Measure.report("record one answer durably, history of \(history) attempts", ms, target: history == 100_000 ? 5 : nil))
        }
        return lines
    }
}
