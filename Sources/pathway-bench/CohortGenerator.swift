import Foundation
import PathwayCore

/// Writes a class's exported progress files for benchmarks: seeded and deterministic.
enum CohortGenerator {
    /// `learners` progress files with `attempts` answers each, over the questions of `library`.
    static func write(learners: Int, attempts: Int, library: PackLibrary, to folder: URL, seed: UInt64 = 7) throws {
        try? FileManager.default.removeItem(at: folder)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var random = SeededRandom(seed: seed)
        for learner in 0..<learners {
            let progress = Self.progress(learner: learner, attempts: attempts, library: library, random: &random)
            try ProgressTransfer.export(progress, to: folder.appending(path: "learner-\(learner).json"))
        }
    }

    /// One learner's progress, seeded.
    static func progress(learner: Int, attempts: Int, library: PackLibrary, seed: UInt64) -> LearnerProgress {
        var random = SeededRandom(seed: seed &+ UInt64(learner))
        return progress(learner: learner, attempts: attempts, library: library, random: &random)
    }

    static func progress(learner: Int, attempts: Int, library: PackLibrary, random: inout SeededRandom) -> LearnerProgress {
        let keys = library.packs.flatMap { pack in pack.lessons.flatMap { $0.lesson.questions.map { ProgressKey.question(pack, $0) } } }
        let lessons = library.packs.flatMap { pack in pack.lessons.map { ProgressKey.lesson(pack, $0.lesson) } }
        let start = Date(timeIntervalSince1970: 1_790_000_000)
        var progress = LearnerProgress(profile: "learner-\(learner)", now: start)
        for n in 0..<attempts {
            let key = keys[Int(random.next() % UInt64(keys.count))]
            var record = progress.items[key] ?? ItemRecord()
            let correct = random.next() % 3 != 0
            record.attempts.append(Attempt(answer: correct ? "right" : "wrong \(n % 4)", correct: correct,
                                           at: start.addingTimeInterval(Double(n * 60)), seconds: Double(random.next() % 90), hintsUsed: 0))
            record.secondsSpent += record.attempts.last!.seconds
            progress.items[key] = record
        }
        for lesson in lessons.prefix(Int(random.next() % UInt64(lessons.count))) {
            var record = LessonRecord(startedAt: start)
            record.completed = true
            progress.lessons[lesson] = record
        }
        return progress
    }
}
