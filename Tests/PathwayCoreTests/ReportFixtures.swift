import Foundation
@testable import PathwayCore

/// Crafted progress over the sample pack (and a hostile pack) with known figures, for the
/// report, merge and cohort tests.
enum ReportFixtures {
    /// 2026-01-05T09:00:00Z.
    static let t0 = Date(timeIntervalSince1970: 1_767_603_600)
    static let day = 86_400.0

    static let hostileLibrary = PackLibrary.load([PackSource(folder: Fixtures.root.appending(path: "reports"), origin: .option)])

    /// The text a learner typed that CSV, HTML and Markdown must all carry safely.
    static let trickyAnswer = "pre,\"cision\"\r\nline two ü 🎉 <script>alert(\"x\")</script>"

    static func attempt(_ answer: String, _ correct: Bool, at offset: TimeInterval, seconds: Double = 10, hints: Int = 0) -> Attempt {
        Attempt(answer: answer, correct: correct, at: t0 + offset, seconds: seconds, hintsUsed: hints)
    }

    static func item(_ attempts: [Attempt], hints: Int = 0, skipped: Bool = false, revealed: Bool = false) -> ItemRecord {
        var record = ItemRecord()
        record.attempts = attempts
        record.hintsUsed = hints
        record.skipped = skipped
        record.revealed = revealed
        record.secondsSpent = attempts.reduce(0) { $0 + $1.seconds }
        return record
    }

    static func lesson(started: TimeInterval, completed: TimeInterval? = nil) -> LessonRecord {
        var record = LessonRecord(startedAt: t0 + started)
        record.lastVisitedAt = t0 + (completed ?? started)
        if let completed {
            record.completed = true
            record.completedAt = t0 + completed
        }
        return record
    }

    /// Basics: intro completed, second started. Five items answered, three right on the first
    /// try. One record for a question and one reflection that no pack has any more.
    ///
    /// UTC days: 2026-01-05 has 5 answers (3 right) and the completed lesson; 2026-01-06 has
    /// 3 answers. In Los Angeles the answer at 03:00Z on the 6th still falls on the 5th.
    static func sampleProgress(profile: String = "ada") -> LearnerProgress {
        var progress = LearnerProgress(profile: profile, now: t0)
        progress.updatedAt = t0 + 2 * day
        progress.lessons["sample/intro"] = lesson(started: 0, completed: 600)
        progress.lessons["sample/second"] = lesson(started: day + 100)
        progress.items["sample/intro-q1"] = item([attempt("Carrot", false, at: 60, seconds: 12.5, hints: 1),
                                                  attempt("Apple", true, at: 75, seconds: 3, hints: 1)], hints: 1)
        progress.items["sample/intro-q2"] = item([attempt("Red | Green | Blue", true, at: 100, seconds: 20)])
        progress.items["sample/intro-q3"] = item([attempt(trickyAnswer, false, at: 200, seconds: 30),
                                                  attempt("precision", true, at: 210, seconds: 5)])
        progress.items["sample/intro-q4"] = item([attempt("0.25", true, at: 18 * 3600, seconds: 8)])
        progress.items["sample/second-q1"] = item([attempt("false", true, at: day + 11 * 3600, seconds: 4)])
        progress.items["sample/gone-q"] = item([attempt("old", false, at: day + 11 * 3600 + 300, seconds: 6)])
        progress.reflections["sample/intro-r1"] = ReflectionRecord(
            artifact: "Product note", text: "My bike, \"fast\" & <b>cheap</b>.\n\nSecond paragraph.", checked: [0], savedAt: t0 + 500)
        progress.reflections["sample/old-r"] = ReflectionRecord(artifact: nil, text: "An older piece.", checked: [], savedAt: t0 + 50)
        return progress
    }

    /// Both lessons of Basics completed, with `firstTryRight` of its five items right first.
    static func completedBasics(firstTryRight: Int, profile: String = "ada") -> LearnerProgress {
        var progress = LearnerProgress(profile: profile, now: t0)
        progress.lessons["sample/intro"] = lesson(started: 0, completed: 600)
        progress.lessons["sample/second"] = lesson(started: 700, completed: 900)
        let items = ["intro-q1", "intro-q2", "intro-q3", "intro-q4", "second-q1"]
        for (index, id) in items.enumerated() {
            let right = index < firstTryRight
            progress.items["sample/\(id)"] = item(right ? [attempt("r\(index)", true, at: Double(60 * index))]
                                                        : [attempt("w\(index)", false, at: Double(60 * index)),
                                                           attempt("r\(index)", true, at: Double(60 * index + 10))])
        }
        return progress
    }

    /// Progress on the hostile pack: a hostile answer and a hostile reflection.
    static func hostileProgress() -> LearnerProgress {
        var progress = LearnerProgress(profile: "eve<script>", now: t0)
        progress.lessons["hostile/evil"] = lesson(started: 0, completed: 100)
        progress.items["hostile/evil-q1"] = item([attempt("Plain, with \"quotes\"", false, at: 10),
                                                  attempt("<img src=x onerror=alert(2)>", true, at: 20)])
        progress.reflections["hostile/evil-r1"] = ReflectionRecord(
            artifact: nil, text: "<script>alert(\"mine\")</script>\nLine two & more", checked: [0, 1], savedAt: t0 + 90)
        return progress
    }

    static let utc = TimeZone(identifier: "UTC")!

    static func sampleReport(forecast: ReviewForecast? = nil, timeZone: TimeZone = utc) -> ReportData {
        ReportData(library: Fixtures.sampleLibrary(), progress: sampleProgress(), now: t0 + 3 * day, timeZone: timeZone,
                   reviewForecast: forecast)
    }

    static func hostileReport() -> ReportData {
        ReportData(library: hostileLibrary, progress: hostileProgress(), now: t0 + day, timeZone: utc)
    }
}
