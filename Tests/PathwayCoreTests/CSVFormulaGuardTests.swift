import Foundation
import Testing
@testable import PathwayCore

/// CSV formula injection (OWASP, "CSV Injection"): a text cell starting with `=`, `+`, `-`, `@`,
/// tab or CR reaches a spreadsheet as text, in the cohort CSV always and in the learner CSV by
/// default; numbers the program writes are never changed.
@Suite struct CSVFormulaGuardTests {
    typealias F = ReportFixtures
    static let hostile = ["=HYPERLINK(\"http://evil.example\",\"click\")", "@SUM(A1:A9)", "+1+1", "-2+3", "\tTAB", "\rCR", "=1+1"]

    @Test(arguments: hostile)
    func aTextCellThatLooksLikeAFormulaGetsALeadingQuote(value: String) throws {
        var csv = CSVWriter()
        csv.row([.text(value), .number("-1.5")])
        let rows = try #require(RFC4180Reader.parse(csv.text))
        #expect(rows == [["'" + value, "-1.5"]])
    }

    @Test(arguments: ["plain", "a=b", "", "'quoted", " =spaced"])
    func otherCellsAreUnchanged(value: String) throws {
        var csv = CSVWriter()
        csv.row([value])
        #expect(RFC4180Reader.parse(csv.text) == [[value]])
    }

    func reportWithAnswer(_ answer: String, profile: String = "ada") -> ReportData {
        var progress = F.sampleProgress()
        progress.profile = profile
        progress.items["sample/intro-q3"]?.attempts.append(F.attempt(answer, false, at: 300, seconds: 5))
        return ReportData(library: Fixtures.sampleLibrary(), progress: progress, now: F.t0 + 3 * F.day, timeZone: F.utc)
    }

    @Test func theLearnerCSVGuardsByDefaultAndKeepsAnswersExactOnRequest() throws {
        let data = reportWithAnswer("=HYPERLINK(\"http://evil.example\")", profile: "@evil")
        let guarded = try #require(RFC4180Reader.parse(try CSVReportFormat().render(data)))
        #expect(guarded.dropFirst().allSatisfy { $0[0] == "'@evil" })
        #expect(guarded.contains { $0[7] == "'=HYPERLINK(\"http://evil.example\")" })
        let exact = try #require(RFC4180Reader.parse(try CSVReportFormat(formulas: .exact).render(data)))
        #expect(exact.contains { $0[7] == "=HYPERLINK(\"http://evil.example\")" })
        #expect(exact.dropFirst().allSatisfy { $0[0] == "@evil" })
    }

    @Test func theCohortCSVGuardsEveryTextCell() throws {
        var progress = F.sampleProgress()
        progress.profile = "=cmd|' /C calc'!A0"
        progress.items["sample/intro-q4"]?.attempts.append(F.attempt("@SUM(A1)", false, at: 300, seconds: 5))
        let input = CohortReport.Input(source: "-evil.json", progress: progress)
        let report = CohortReport(library: Fixtures.sampleLibrary(), learners: [input], now: F.t0 + F.day)
        let learnerRows = try #require(RFC4180Reader.parse(try CohortCSVFormat().render(report)))
        #expect(learnerRows.dropFirst().allSatisfy { $0[0] == "'=cmd|' /C calc'!A0" && $0[1] == "'-evil.json" })
        let itemRows = try #require(RFC4180Reader.parse(try CohortCSVFormat(table: .items).render(report)))
        #expect(itemRows.contains { $0[11] == "'@SUM(A1)" })
    }
}
