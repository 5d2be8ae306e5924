import Foundation
import Testing

/// `pathway report`, `portfolio export` and `progress export|import` run as a learner would.
@Suite(.serialized) struct ReportCommandTests {
    struct Run {
        var status: Int32
        var output: String
        var errors: String
    }

    func pathway(_ arguments: [String], home: URL, input: String = "") throws -> Run {
        let binary = try #require(TerminalSessionTests.binary, "build pathway first")
        let result = try BinaryRun.run(binary, arguments, input: input, environment: [
            "PATHWAY_HOME": home.path, "PATHWAY_CURRICULA": TerminalSessionTests.fixtures.path,
            "HOME": home.path, "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8",
        ])
        return Run(status: result.status, output: result.stdout, errors: result.stderr)
    }

    @Test func reportsPortfolioAndProgressTransferFromTheCommandLine() throws {
        let home = FileManager.default.temporaryDirectory.appending(path: "pathway-report-e2e-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: home) }
        let session = "start intro\n\nb\na\na,b,d\nprecision\n0.25\nMy <b>bike</b>, \"fast\"\n.\n1,2\nquit\n"
        #expect(try pathway(["--no-shuffle"], home: home, input: session).status == 0)

        let csv = try pathway(["report", "--format", "csv"], home: home)
        #expect(csv.status == 0)
        #expect(csv.output.hasPrefix("profile,pack,module,lesson,question,question_type,attempt,answer,correct,timestamp,seconds,hints_used,retired\r\n"))
        #expect(csv.output.components(separatedBy: "\r\n").count == 1 + 5 + 1)
        #expect(csv.output.contains("default,sample,basics,intro,intro-q1,single_choice,1,Carrot,false,"))

        let html = home.appending(path: "out/report.html")
        let written = try pathway(["report", "--format", "html", "--out", html.path], home: home)
        #expect(written.status == 0)
        #expect(written.errors.contains("wrote \(html.path)"))
        #expect(try String(contentsOf: html, encoding: .utf8).contains("<html lang=\"en\">"))

        let xapi = try pathway(["report", "learner", "--format", "xapi", "--xapi-account", "s-42"], home: home)
        #expect(xapi.output.contains("\"name\" : \"s-42\""))

        let portfolio = try pathway(["portfolio", "export", "--name", "Ada <Lovelace>"], home: home)
        #expect(portfolio.output.hasPrefix("# Portfolio: Ada &lt;Lovelace&gt;\n"))
        #expect(portfolio.output.contains("## Product note"))
        #expect(portfolio.output.contains("My &lt;b&gt;bike&lt;/b&gt;, \"fast\""))

        let bad = try pathway(["report", "--format", "pdf"], home: home)
        #expect(bad.status == 64)
        #expect(bad.errors.contains("unknown format 'pdf'; choose one of: md, html, json, csv, xapi"))

        // Export, then import into another profile twice: the second import adds nothing.
        let file = home.appending(path: "transfer.json")
        #expect(try pathway(["progress", "export", file.path], home: home).status == 0)
        #expect(try pathway(["progress", "export", file.path], home: home).status != 0)  // exists; needs --force
        let first = try pathway(["progress", "import", file.path, "--profile", "laptop"], home: home)
        #expect(first.status == 0)
        #expect(first.output.contains("5 answers added (4 new questions)"))
        let again = try pathway(["progress", "import", file.path, "--profile", "laptop"], home: home)
        #expect(again.output.contains("0 answers added"))
        let laptop = try pathway(["report", "--format", "csv", "--profile", "laptop"], home: home)
        #expect(laptop.output.components(separatedBy: "\r\n").count == 1 + 5 + 1)

        let cohort = try pathway(["report", "cohort", home.appending(path: "profiles").path, "--format", "json"], home: home)
        #expect(cohort.status == 0)
        #expect(cohort.output.contains("\"learnerCount\" : 2"))
        let broken = home.appending(path: "broken.json")
        try Data("{".utf8).write(to: broken)
        let skipped = try pathway(["report", "cohort", broken.path, file.path, "--format", "csv", "--table", "items"], home: home)
        #expect(skipped.status == 0)
        #expect(skipped.errors.contains("warning: skipped \(broken.path)"))
        #expect(skipped.output.hasPrefix("pack,question,module,lesson,type,learners_answered"))
    }
}
