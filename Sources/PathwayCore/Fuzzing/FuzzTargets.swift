import Foundation

/// Entry points for coverage-guided fuzzing (`scripts/fuzz.sh`) and for replaying the inputs it
/// found in tests. Each takes arbitrary bytes and must return without crashing or hanging.
public enum FuzzTargets {
    /// The names `scripts/fuzz.sh` accepts.
    public static let names = ["pack", "progress", "pattern", "gift", "journal", "aliases"]

    /// Runs the target called `name` on `data`.
    public static func run(_ name: String, _ data: Data) {
        switch name {
        case "pack": pack(data)
        case "progress": progress(data)
        case "pattern": pattern(data)
        case "gift": gift(data)
        case "journal": journal(data)
        case "aliases": aliases(data)
        default: break
        }
    }

    /// The pack parser: decodes the bytes as a manifest, a module and a lesson, and checks
    /// every step that decodes (its rules and its own answers).
    public static func pack(_ data: Data) {
        guard let text = String(data: data, encoding: .utf8) else { return }
        let decoder = DocumentDecoder()
        _ = decoder.decode(PackManifest.self, text: text, displayPath: "fuzz")
        _ = decoder.decode(ModuleFile.self, text: text, displayPath: "fuzz")
        if case let .success(decoded) = decoder.decode(Lesson.self, text: text, displayPath: "fuzz") {
            for step in decoded.value.steps {
                _ = step.problems()
                if let question = step as? any Question {
                    _ = PackValidator.selfCheckFailures(question)
                    var random = SeededRandom(seed: 1)
                    let presentation = question.present(shuffling: true, using: &random)
                    _ = question.evaluate(text, in: presentation)
                    _ = question.correctAnswer(in: presentation)
                }
            }
        }
    }

    /// The progress loader: a snapshot, and journal lines replayed onto it.
    public static func progress(_ data: Data) {
        var progress = (try? SnapshotFile.decoder.decode(LearnerProgress.self, from: data))
            ?? LearnerProgress(profile: "fuzz", now: Date(timeIntervalSince1970: 0))
        for line in data.split(separator: UInt8(ascii: "\n")) {
            if let entry = try? SnapshotFile.decoder.decode(JournalEntry.self, from: Data(line)) {
                entry.apply(to: &progress)
            }
        }
        _ = try? SnapshotFile.encode(progress)
    }

    /// The GIFT and Aiken importers, and every pack file they produce read back by the loader.
    public static func gift(_ data: Data) {
        let text = String(decoding: data, as: UTF8.self)
        for importer in [GIFTImporter(), AikenImporter()] as [any Importer] {
            let result = importer.import(text: text, fileName: "fuzz.gift", packID: "fuzz")
            for file in result.files where file.path.hasPrefix("lessons/") {
                // What an importer writes must load.
                switch DocumentDecoder().decode(Lesson.self, text: file.text, displayPath: file.path) {
                case let .failure(diagnostic): fatalError("an imported lesson does not load: \(diagnostic)")
                case let .success(decoded) where decoded.warnings.hasErrors: fatalError("an imported lesson does not load: \(decoded.warnings)")
                case .success: break
                }
            }
        }
    }

    /// Answer patterns: the first line is the pattern, the rest the answer.
    public static func pattern(_ data: Data) {
        guard let text = String(data: data, encoding: .utf8) else { return }
        let parts = text.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false)
        guard let pattern = try? SafePattern(String(parts[0])) else { return }
        _ = pattern.matches(parts.count > 1 ? String(parts[1].prefix(2_000)) : "")
    }
}
