import Foundation
import Testing

/// `scripts/bench_compare.py` on canned `pathway-bench` outputs: each figure as this build /
/// baseline (medians over the runs of each build) against the target of 1.10.
struct BenchCompareTests {
    static let script = Fixtures.repository.appending(path: "scripts/bench_compare.py")

    static let candidateRuns = [
        """
        load+validate 10000 questions in 200 modules: 300.00 ms (target < 300 ms) OVER
        record one answer durably, history of 1000 attempts: 0.20 ms
        peak memory after the 1,000-learner cohort (process): 130.00 MiB (target < 500 MiB) ok; 100 MiB before it
        GIFT import of 5000 questions: 900.00 ms (target < 1000 ms) ok
        """,
        """
        load+validate 10000 questions in 200 modules: 280.00 ms (target < 300 ms) ok
        record one answer durably, history of 1000 attempts: 0.10 ms
        peak memory after the 1,000-learner cohort (process): 120.00 MiB (target < 500 MiB) ok; 90 MiB before it
        GIFT import of 5000 questions: 2000.00 ms (target < 1000 ms) OVER
        """,
        """
        load+validate 10000 questions in 200 modules: 290.00 ms (target < 300 ms) ok
        record one answer durably, history of 1000 attempts: 0.12 ms
        peak memory after the 1,000-learner cohort (process): 125.00 MiB (target < 500 MiB) ok; 95 MiB before it
        GIFT import of 5000 questions: 880.00 ms (target < 1000 ms) ok
        """,
    ]
    static let baselineRuns = [
        """
        load+validate 10000 questions in 200 modules: 250.00 ms (target < 300 ms) ok
        record one answer durably, history of 1000 attempts: 0.10 ms
        peak memory after the 1,000-learner cohort (process): 120.00 MiB (target < 500 MiB) ok; 90 MiB before it
        """,
        """
        load+validate 10000 questions in 200 modules: 270.00 ms (target < 300 ms) ok
        record one answer durably, history of 1000 attempts: 0.12 ms
        peak memory after the 1,000-learner cohort (process): 110.00 MiB (target < 500 MiB) ok; 90 MiB before it
        """,
    ]

    @Test func eachFigureIsTheRatioOfTheMediansAgainstItsTarget() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        func write(_ runs: [String], _ name: String) throws -> [String] {
            try runs.enumerated().map { index, text in
                let file = directory.url.appending(path: "\(name)-\(index)")
                try Data(text.utf8).write(to: file)
                return file.path
            }
        }
        let candidate = try write(Self.candidateRuns, "candidate")
        let baseline = try write(Self.baselineRuns, "baseline")
        let runner = "import runpy, sys; script = sys.argv[1]; sys.argv = [script] + sys.argv[2:]; runpy.run_path(script, run_name='__main__')"
        guard let (status, output) = try PythonOracle.run(runner, [Self.script.path, "--candidate"] + candidate + ["--baseline"] + baseline)
        else { return }
        #expect(status == 0)
        let lines = output.split(separator: "\n").map { $0.split(separator: " ").joined(separator: " ") }
        // Medians 290 / 260 (the baseline's two runs averaged).
        #expect(lines.contains("load+validate 10000 questions in 200 modules 290.00 vs 260.00 ms = 1.115 target <= 1.10 FAIL"))
        #expect(lines.contains("record one answer durably, history of 1000 attempts 0.12 vs 0.11 ms = 1.091 target <= 1.10 PASS"))
        #expect(lines.contains("peak memory after the 1,000-learner cohort (process) 125.00 vs 115.00 MiB = 1.087 target <= 1.10 PASS"))
        // A figure the baseline does not have is not compared.
        #expect(!lines.contains { $0.hasPrefix("GIFT import") })
        #expect(lines.last == "2 passed, 1 failed")
    }
}
