import Foundation
import Testing
@testable import PathwayCore

/// CSV output read back with a strict RFC 4180 reader: every answer survives the round trip
/// (exactly with ``CSVWriter/Formulas/exact``; with a leading `'` on would-be formulas by default).
@Suite struct CSVReportTests {
    static let awkward = ["plain", "", "a,b", "say \"hi\"", "\"", "\"\"", "line\nbreak", "cr\rlf\r\n", " padded ", "ü é ß 中文 🎉",
                          "=SUM(A1:A2)", "trailing,", ",leading", "\u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F467}", "tab\there"]

    @Test(arguments: awkward)
    func aFieldSurvivesWritingAndReading(value: String) throws {
        var csv = CSVWriter(formulas: .exact)
        csv.row(["x", value, "y"])
        csv.row([value])
        let rows = try #require(RFC4180Reader.parse(csv.text))
        #expect(rows == [["x", value, "y"], [value]])
    }

    @Test func theReaderFollowsRFC4180() {
        #expect(RFC4180Reader.parse("a,b\r\nc,d\r\n") == [["a", "b"], ["c", "d"]])
        #expect(RFC4180Reader.parse("a,b\r\nc,d") == [["a", "b"], ["c", "d"]])
        #expect(RFC4180Reader.parse("\"a,\"\"b\"\"\r\nc\",d\r\n") == [["a,\"b\"\r\nc", "d"]])
        #expect(RFC4180Reader.parse(",\r\n") == [["", ""]])
        #expect(RFC4180Reader.parse("a\"b,c\r\n") == nil)
        #expect(RFC4180Reader.parse("\"open,c\r\n") == nil)
        #expect(RFC4180Reader.parse("a,b\nc,d\n") == nil)
    }

    @Test func everyAttemptIsOneRowWithTheDocumentedColumns() throws {
        let report = ReportFixtures.sampleReport()
        let text = try CSVReportFormat().render(report)
        #expect(text.hasSuffix("\r\n"))
        let rows = try #require(RFC4180Reader.parse(text))
        #expect(rows.first == CSVReportFormat.columns)
        let body = Array(rows.dropFirst())
        #expect(body.count == report.attempts.count)
        #expect(body.allSatisfy { $0.count == CSVReportFormat.columns.count })
        #expect(body[0] == ["ada", "sample", "basics", "intro", "intro-q1", "single_choice", "1", "Carrot", "false",
                            "2026-01-05T09:01:00.000Z", "12.5", "1", "false"])
        #expect(body.last?.last == "true")
        #expect(body.map { $0[7] } == report.attempts.map(\.answer))
        #expect(body.map { $0[7] }.contains(ReportFixtures.trickyAnswer))
    }

    @Test func pythonsCSVModuleReadsTheSameRows() throws {
        let text = try CSVReportFormat().render(ReportFixtures.sampleReport())
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let file = directory.url.appending(path: "attempts.csv")
        try Data(text.utf8).write(to: file)
        let script = "import csv,json,sys; print(json.dumps(list(csv.reader(open(sys.argv[1], newline='', encoding='utf-8')))))"
        guard let (status, output) = try PythonOracle.run(script, [file.path]) else { return }
        #expect(status == 0)
        let rows = try JSONDecoder().decode([[String]].self, from: Data(output.utf8))
        #expect(rows == RFC4180Reader.parse(text))
    }
}
